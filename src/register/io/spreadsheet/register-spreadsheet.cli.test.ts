import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { startApi } from "../../../http/testing/api-test-kit.ts";
import { runCliCapture } from "../../../testing/run-cli-capture.ts";
import { createTestStoreEnv } from "../../../testing/test-store-env.ts";
import { parseRegisterSpreadsheet, serializeRegisterSpreadsheet } from "./register-spreadsheet.ts";

let env: Record<string, string>;
let cleanup: () => Promise<void>;
before(async () => {
  ({ env, cleanup } = await createTestStoreEnv("register-spreadsheet-cli"));
});
after(() => cleanup());

const cli = (...argv: string[]) => runCliCapture(argv, env);

for (const format of ["xlsx", "ods"] as const) {
  test(`register export --format ${format} --output, then register import of that file`, async () => {
    const path = join(env.GARDIEN_DATA_DIR ?? "", `logeas.${format}`);
    const exported = await cli("register", "export", "--org", "logeas", "--format", format, "--output", path);
    assert.equal(exported.code, 0, exported.stderr);
    assert.equal(exported.stdout, "");
    const file = parseRegisterSpreadsheet(readFileSync(path), format);
    assert.equal(file.organisation.slug, "logeas");
    const imported = await cli("register", "import", path, "--json");
    assert.equal(imported.code, 0, imported.stderr);
    const summary = JSON.parse(imported.stdout);
    assert.equal(summary.organisation.outcome, "unchanged");
    assert.equal(summary.activities.unchanged, file.activities.length);
  });
}

test("a spreadsheet export needs --output; a bad spreadsheet is rejected with exit code 2", async () => {
  const noOutput = await cli("register", "export", "--org", "logeas", "--format", "ods");
  assert.equal(noOutput.code, 2);
  assert.match(noOutput.stderr, /--output/);
  const dir = env.GARDIEN_DATA_DIR ?? "";
  writeFileSync(join(dir, "not-a-zip.xlsx"), "hello");
  const garbage = await cli("register", "import", join(dir, "not-a-zip.xlsx"));
  assert.equal(garbage.code, 2);
  const good = join(dir, "good.xlsx");
  assert.equal((await cli("register", "export", "--org", "logeas", "--format", "xlsx", "-o", good)).code, 0);
  const file = parseRegisterSpreadsheet(readFileSync(good), "xlsx");
  const renamed = structuredClone(file);
  (renamed.activities[0] as { name: unknown }).name = { fr: "Renommée" };
  (renamed.activities[0] as { status: string }).status = "not-a-status";
  const bad = join(dir, "bad.xlsx");
  writeFileSync(bad, serializeRegisterSpreadsheet(renamed, "xlsx"));
  const rejected = await cli("register", "import", bad);
  assert.equal(rejected.code, 2);
  assert.match(rejected.stderr, /activities\[0\]\.status: Feuille "[^"]+", cellule B\d+: /);
  const after = join(dir, "after.xlsx");
  assert.equal((await cli("register", "export", "--org", "logeas", "--format", "xlsx", "-o", after)).code, 0);
  assert.deepEqual(parseRegisterSpreadsheet(readFileSync(after), "xlsx"), file, "nothing was written");
});

test("HTTP export ?format=ods|xlsx sends the spreadsheet with its content type", async () => {
  const kit = await startApi("register-spreadsheet-http");
  try {
    const headers = await kit.organisation("acme");
    for (const [format, type] of [
      ["ods", "application/vnd.oasis.opendocument.spreadsheet"],
      ["xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ] as const) {
      const res = await kit.call({
        method: "GET",
        url: `/api/v1/organisations/acme/export?format=${format}`,
        headers,
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers["content-type"], type);
      assert.match(String(res.headers["content-disposition"]), new RegExp(`acme\\.registre\\.${format}"$`));
      assert.equal(parseRegisterSpreadsheet(res.rawPayload, format).organisation.slug, "acme");
    }
  } finally {
    await kit.close();
  }
});
