import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "node:test";
import { isAppError } from "../../errors/app-error.ts";
import { sampleActivity, sampleOrganisation } from "../../testing/fixtures.ts";
import { createTestContext, type TestContext } from "../../testing/test-context.ts";
import { listHistory } from "../history/list-history.ts";
import { exportRegister } from "./export-register.ts";
import { importRegister } from "./import-register.ts";
import { parseRegisterText, serializeRegister } from "./register-file-format.ts";

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext("import-register");
});
afterEach(() => ctx.close());

function registerBody(slug = "acme") {
  return {
    gardien: 1,
    organisation: sampleOrganisation(slug),
    processors: [
      { ref: "host", name: "Hosting SAS", country: "FR", dpa: { signed: true, signedOn: "2024-01-01" } },
    ],
    activities: [sampleActivity("crm"), sampleActivity("newsletter", { status: "draft" })],
    processorRegister: [
      {
        ref: "client-x",
        controller: { name: "Client X", contact: { email: "dpo@client-x.example" } },
        processingCategories: [{ description: { fr: "Prise de rendez-vous", en: "Scheduling" } }],
      },
    ],
  };
}

test("export → import into an empty store → export is lossless, in YAML and JSON", async () => {
  await importRegister(ctx, { body: registerBody(), actor: "t" });
  const first = await exportRegister(ctx, { slug: "acme" });
  for (const format of ["yaml", "json"] as const) {
    const other = await createTestContext(`import-register-${format}`);
    try {
      const text = serializeRegister(first, format);
      await importRegister(other, { body: parseRegisterText(text, format), actor: "t" });
      const second = await exportRegister(other, { slug: "acme" });
      assert.deepEqual(second, first);
      assert.equal(serializeRegister(second, format), text);
    } finally {
      await other.close();
    }
  }
});

test("re-importing the same file changes nothing and adds no revision", async () => {
  await importRegister(ctx, { body: registerBody(), actor: "t" });
  const summary = await importRegister(ctx, { body: registerBody(), actor: "t" });
  assert.equal(summary.organisation.outcome, "unchanged");
  assert.deepEqual(summary.activities, { created: 0, updated: 0, unchanged: 2, archived: 0 });
  const orgId = summary.organisation.id;
  assert.equal((await listHistory(ctx, { orgId, entityType: "activity", ref: "crm" })).length, 1);
});

test("an invalid file writes nothing and names every bad path", async () => {
  await importRegister(ctx, { body: registerBody(), actor: "t" });
  const before = await exportRegister(ctx, { slug: "acme" });
  const body = registerBody();
  body.activities[0] = sampleActivity("crm", { name: { fr: "Renommée", en: "Renamed" } });
  body.activities.push(
    sampleActivity("third", {
      purposes: [{ main: true, description: { fr: "x" }, legalBasis: { code: "consent" as never } }],
    }),
  );
  (body.processors[0] as { country: string }).country = "France";
  await assert.rejects(importRegister(ctx, { body, actor: "t" }), (err: unknown) => {
    assert.ok(isAppError(err) && err.code === "VALIDATION_FAILED");
    const paths = (err.details as { issues: { path: string }[] }).issues.map((i) => i.path);
    assert.deepEqual(paths.sort(), ["activities[2].purposes[0].legalBasis.code", "processors[0].country"]);
    return true;
  });
  assert.deepEqual(
    await exportRegister(ctx, { slug: "acme" }),
    before,
    "the valid rename was not written either",
  );
});

test("a failure part-way through the transaction rolls everything back", async () => {
  const first = await importRegister(ctx, { body: registerBody(), actor: "t" });
  const before = await exportRegister(ctx, { slug: "acme" });
  const auditBefore = (await ctx.db.selectFrom("audit_entries").select("id").execute()).length;
  // Plant revision 2 of "newsletter" so that its update collides in the database, after "crm" was written.
  const newsletter = await ctx.db
    .selectFrom("activities")
    .select("id")
    .where("org_id", "=", first.organisation.id)
    .where("ref", "=", "newsletter")
    .executeTakeFirstOrThrow();
  await ctx.db
    .insertInto("revisions")
    .values({
      id: "planted",
      org_id: first.organisation.id,
      entity_type: "activity",
      entity_id: newsletter.id,
      entity_ref: "newsletter",
      revision: 2,
      author: "t",
      created_at: "2026-01-01T00:00:00Z",
      action: "update",
      data: "{}",
      diff: "[]",
      restored_from: null,
    })
    .execute();
  const body = registerBody();
  body.activities[0] = sampleActivity("crm", { name: { fr: "Renommée", en: "Renamed" } });
  body.activities[1] = sampleActivity("newsletter", { name: { fr: "Lettre", en: "Letter" } });
  await assert.rejects(importRegister(ctx, { body, actor: "t" }));
  assert.deepEqual(await exportRegister(ctx, { slug: "acme" }), before, "crm's rename was rolled back");
  assert.equal((await ctx.db.selectFrom("audit_entries").select("id").execute()).length, auditBefore);
});

test("a scoped caller cannot import into another organisation", async () => {
  await importRegister(ctx, { body: registerBody(), actor: "t" });
  await assert.rejects(
    importRegister(ctx, { body: registerBody(), actor: "t", onlyOrgId: "another-org" }),
    (err: unknown) => isAppError(err) && err.code === "FORBIDDEN",
  );
});

test("--prune archives what the file no longer holds", async () => {
  await importRegister(ctx, { body: registerBody(), actor: "t" });
  const body = registerBody();
  body.activities = [sampleActivity("crm")];
  const kept = await importRegister(ctx, { body, actor: "t" });
  assert.equal(kept.activities.archived, 0);
  const pruned = await importRegister(ctx, { body, actor: "t", prune: true });
  assert.equal(pruned.activities.archived, 1);
  const exported = await exportRegister(ctx, { slug: "acme" });
  assert.equal(exported.activities.find((a) => a.ref === "newsletter")?.status, "archived");
});

test("YAML syntax errors give a line number, not a stack", () => {
  assert.throws(
    () => parseRegisterText("gardien: 1\norganisation: [unclosed\n", "yaml"),
    (err: unknown) => isAppError(err) && /line \d+/.test(JSON.stringify(err.details)),
  );
});
