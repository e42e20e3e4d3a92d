import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { runCli } from "../cli/run-cli.ts";
import { createTestStoreEnv } from "../testing/test-store-env.ts";

let env: Record<string, string>;
let cleanup: () => Promise<void>;

before(async () => {
  ({ env, cleanup } = await createTestStoreEnv("render-pdf-cli"));
});
after(() => cleanup());

test("gardien doc render --format pdf --output FILE writes the PDF", async () => {
  const file = join(env.GARDIEN_DATA_DIR!, "privacy.pdf");
  const out = { stdout: "", stderr: "" };
  const io = {
    stdout: (t: string) => {
      out.stdout += t;
    },
    stderr: (t: string) => {
      out.stderr += t;
    },
  };
  const argv = ["doc", "render", "--org", "julie-desk", "--doc", "privacy", "--lang", "fr"];
  const code = await runCli([...argv, "--format", "pdf", "--output", file], io, env);
  assert.equal(code, 0, out.stderr);
  assert.equal(out.stdout, "");
  const pdf = readFileSync(file);
  assert.equal(pdf.subarray(0, 5).toString("latin1"), "%PDF-");
  assert.ok(pdf.toString("latin1").includes("/Lang (fr)"));
});
