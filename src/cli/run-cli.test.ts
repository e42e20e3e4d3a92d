import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { openDbFromConfig } from "../db/create-db.ts";
import { runCliCapture } from "../testing/run-cli-capture.ts";
import { createTestStoreEnv } from "../testing/test-store-env.ts";

let env: Record<string, string>;
let cleanup: () => Promise<void>;

before(async () => {
  ({ env, cleanup } = await createTestStoreEnv("cli"));
});
after(() => cleanup());

const cli = (...argv: string[]) => runCliCapture(argv, env);

test("the first command loads the demo organisations", async () => {
  const out = await cli("org", "list");
  assert.equal(out.code, 0, out.stderr);
  for (const slug of ["regis", "logeas", "julie-desk"])
    assert.match(out.stdout, new RegExp(`^${slug}\\s`, "m"));
});

test("lint --org exits 1 on the demo's real gaps and prints the JSON contract", async () => {
  const out = await cli("lint", "--org", "regis", "--format", "json", "--lang", "en");
  assert.equal(out.code, 1);
  const findings = JSON.parse(out.stdout) as Array<Record<string, string>>;
  assert.ok(findings.length > 0);
  for (const f of findings)
    assert.deepEqual(Object.keys(f).sort(), ["article", "code", "message", "path", "severity"]);
  assert.ok(findings.some((f) => f.severity === "error"));
});

test("export, then lint the file, then import it back: unchanged", async () => {
  const file = join(env.GARDIEN_DATA_DIR!, "regis.yaml");
  const exported = await cli("register", "export", "--org", "regis", "--format", "yaml", "--output", file);
  assert.equal(exported.code, 0, exported.stderr);
  assert.equal((await cli("lint", file)).code, 1);
  const imported = await cli("register", "import", file, "--json");
  assert.equal(imported.code, 0, imported.stderr);
  const summary = JSON.parse(imported.stdout);
  assert.equal(summary.organisation.outcome, "unchanged");
  assert.equal(summary.activities.unchanged, 4);
});

test("an invalid register file exits 2, names the path, and changes nothing", async () => {
  const file = join(env.GARDIEN_DATA_DIR!, "bad.json");
  const before = (await cli("register", "export", "--org", "regis", "--format", "json")).stdout;
  const register = JSON.parse(before);
  register.activities[2].purposes[0].legalBasis.code = "interest";
  register.activities[0].name = { fr: "Renamed" };
  writeFileSync(file, JSON.stringify(register));
  const out = await cli("register", "import", file);
  assert.equal(out.code, 2);
  assert.match(out.stderr, /activities\[2\]\.purposes\[0\]\.legalBasis\.code/);
  assert.equal((await cli("register", "export", "--org", "regis", "--format", "json")).stdout, before);
});

test("bad arguments exit 2 with a message that names the flag", async () => {
  const unknown = await cli("lint", "--org", "regis", "--colour");
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /colour/);
  const badFormat = await cli("register", "export", "--org", "regis", "--format", "xml");
  assert.equal(badFormat.code, 2);
  assert.match(badFormat.stderr, /--format/);
  const token = await cli("token", "create", "--name", "x");
  assert.equal(token.code, 2);
  assert.equal((await cli("lint", "--org", "no-such-org")).code, 3);
});

test("token create prints a token once; it is stored hashed", async () => {
  const out = await cli("token", "create", "--org", "logeas", "--name", "ci");
  assert.equal(out.code, 0, out.stderr);
  const token = out.stdout.trim();
  assert.match(token, /^gdn_[A-Za-z0-9_-]{43}$/);
  const handle = openDbFromConfig({ databaseUrl: env.DATABASE_URL, dataDir: env.GARDIEN_DATA_DIR! });
  try {
    const rows = await handle.db.selectFrom("api_tokens").selectAll().execute();
    assert.ok(rows.length >= 1);
    for (const row of rows) assert.ok(!JSON.stringify(row).includes(token.slice(4)));
  } finally {
    await handle.close();
  }
});

test("audit verify passes, then names the entry a direct UPDATE altered, and exits 1", async () => {
  assert.equal((await cli("audit", "verify", "--org", "regis")).code, 0);
  const handle = openDbFromConfig({ databaseUrl: env.DATABASE_URL, dataDir: env.GARDIEN_DATA_DIR! });
  try {
    const org = await handle.db
      .selectFrom("organisations")
      .select("id")
      .where("slug", "=", "regis")
      .executeTakeFirstOrThrow();
    await handle.db
      .updateTable("audit_entries")
      .set({ action: "activity.delete" })
      .where("chain", "=", org.id)
      .where("seq", "=", 2)
      .execute();
  } finally {
    await handle.close();
  }
  const out = await cli("audit", "verify", "--org", "regis");
  assert.equal(out.code, 1);
  assert.match(out.stdout, /entry 2 of chain .* was altered/);
  assert.equal(
    (await cli("audit", "verify", "--org", "logeas")).code,
    0,
    "other organisations' chains are untouched",
  );
});

test("the gardien bin runs under Node 24 and exits 2 on an unknown command", () => {
  const root = join(import.meta.dirname, "../..");
  const out = spawnSync(process.execPath, [join(root, "bin/gardien.js"), "frobnicate"], {
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  assert.equal(out.status, 2);
  assert.match(out.stderr, /unknown command/);
  const schema = spawnSync(process.execPath, [join(root, "bin/gardien.js"), "register", "schema"], {
    encoding: "utf8",
  });
  assert.equal(schema.status, 0);
  assert.equal(JSON.parse(schema.stdout).$schema, "https://json-schema.org/draft/2020-12/schema");
});
