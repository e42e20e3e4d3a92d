import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { runCliCapture } from "../../testing/run-cli-capture.ts";
import { createTestStoreEnv } from "../../testing/test-store-env.ts";

let env: Record<string, string>;
let cleanup: () => Promise<void>;

before(async () => {
  ({ env, cleanup } = await createTestStoreEnv("doc-render"));
});
after(() => cleanup());

const cli = (...argv: string[]) => runCliCapture(argv, env);

test("doc render writes each document of a demo organisation to stdout", async () => {
  const register = await cli(
    "doc",
    "render",
    "--org",
    "regis",
    "--doc",
    "register",
    "--lang",
    "fr",
    "--format",
    "md",
  );
  assert.equal(register.code, 0, register.stderr);
  assert.match(register.stdout, /^# Registre des traitements de données personnelles\n/);
  assert.ok(register.stdout.includes("903 747 350"));
  const html = await cli("doc", "render", "--org", "julie-desk", "--doc", "privacy", "--lang", "en");
  assert.equal(html.code, 0, html.stderr);
  assert.match(html.stdout, /^<!DOCTYPE html>\n<html lang="en">/);
  const sheet = await cli("doc", "render", "--org", "logeas", "--doc", "sheet", "--format", "json");
  assert.equal(JSON.parse(sheet.stdout).kind, "sheet");
  const jsonld = await cli("doc", "render", "--org", "regis", "--doc", "register", "--format", "jsonld");
  assert.equal(JSON.parse(jsonld.stdout)["@context"].dpv, "https://w3id.org/dpv#");
});

test("doc render --output writes the file; the notice takes its form and policy link", async () => {
  const file = join(env.GARDIEN_DATA_DIR!, "notice.md");
  const out = await cli(
    "doc",
    "render",
    "--org",
    "julie-desk",
    "--doc",
    "notice",
    "--activity",
    "service-prise-rendez-vous",
    "--notice",
    "short",
    "--policy-url",
    "https://example.org/policy",
    "--format",
    "md",
    "--output",
    file,
  );
  assert.equal(out.code, 0, out.stderr);
  assert.equal(out.stdout, "");
  const text = readFileSync(file, "utf8");
  assert.ok(
    text.includes("[Consulter la politique de confidentialité de Julie Desk](https://example.org/policy)"),
  );
});

test("bad combinations exit 2 naming the flag; an unknown activity exits 3", async () => {
  const cases: [string[], string][] = [
    [["--doc", "privacy", "--format", "jsonld"], "--format"],
    [["--doc", "notice"], "--activity"],
    [["--doc", "register", "--activity", "x"], "--activity"],
    [["--doc", "sheet", "--notice", "long"], "--notice"],
    [["--doc", "privacy", "--policy-url", "https://example.org"], "--policy-url"],
    [["--doc", "policy"], "--doc"],
    [["--doc", "register", "--lang", "de"], "--lang"],
  ];
  for (const [flags, flag] of cases) {
    const out = await cli("doc", "render", "--org", "regis", ...flags);
    assert.equal(out.code, 2, flags.join(" "));
    assert.ok(out.stderr.includes(flag), `${flags.join(" ")}: ${out.stderr}`);
  }
  const missing = await cli("doc", "render", "--org", "regis", "--doc", "sheet", "--activity", "nope");
  assert.equal(missing.code, 3);
  const unknownOrg = await cli("doc", "render", "--org", "nobody", "--doc", "register");
  assert.equal(unknownOrg.code, 3);
});
