import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { isAppError } from "../../errors/app-error.ts";
import { sampleActivity, sampleOrganisation } from "../../testing/fixtures.ts";
import { createTestContext, type TestContext } from "../../testing/test-context.ts";
import { getRevision } from "../history/get-revision.ts";
import { listHistory } from "../history/list-history.ts";
import { restoreRevision } from "../history/restore-revision.ts";
import { createOrganisation } from "../organisations/create-organisation.ts";
import { archiveDocument } from "./archive-document.ts";
import { createDocument } from "./create-document.ts";
import { getDocument } from "./get-document.ts";
import { listDocuments } from "./list-documents.ts";
import { updateDocument } from "./update-document.ts";

let ctx: TestContext;
let orgA: string;
let orgB: string;

before(async () => {
  ctx = await createTestContext("register-documents");
  orgA = (await createOrganisation(ctx, { body: sampleOrganisation("org-a"), actor: "test" })).id;
  orgB = (await createOrganisation(ctx, { body: sampleOrganisation("org-b"), actor: "test" })).id;
});
after(() => ctx.close());

test("create stamps createdOn, update keeps a field-level history, restore is a new revision", async () => {
  const created = await createDocument(ctx, {
    kind: "activity",
    orgId: orgA,
    body: sampleActivity("hist"),
    actor: "u1",
  });
  assert.equal(created.revision, 1);
  assert.equal(created.data.createdOn, "2026-11-24");

  ctx.setNow("2026-12-01T10:00:00Z");
  const changed = sampleActivity("hist");
  changed.purposes![0]!.legalBasis = {
    code: "6.1.f",
    legitimateInterest: { fr: "Fidéliser", en: "Retain customers" },
  };
  const updated = await updateDocument(ctx, {
    kind: "activity",
    orgId: orgA,
    ref: "hist",
    body: { ...changed, createdOn: "2026-11-24" },
    actor: "u2",
  });
  assert.equal(updated.document.revision, 2);
  assert.equal(updated.document.data.updatedOn, "2026-12-01", "the last-update date follows the change");
  assert.ok(
    updated.diff.some(
      (c) => c.path === "purposes[0].legalBasis.code" && c.before === "6.1.b" && c.after === "6.1.f",
    ),
  );

  const history = await listHistory(ctx, { orgId: orgA, entityType: "activity", ref: "hist" });
  assert.deepEqual(
    history.map((h) => [h.revision, h.action, h.author]),
    [
      [2, "update", "u2"],
      [1, "create", "u1"],
    ],
  );
  const first = await getRevision(ctx, { orgId: orgA, entityType: "activity", ref: "hist", revision: 1 });
  assert.equal(
    (first.data as { purposes: { legalBasis: { code: string } }[] }).purposes[0]?.legalBasis.code,
    "6.1.b",
  );

  const restored = await restoreRevision(ctx, {
    orgId: orgA,
    entityType: "activity",
    ref: "hist",
    revision: 1,
    actor: "u3",
  });
  assert.deepEqual(restored, { revision: 3, changed: true });
  const now = await getDocument(ctx, { kind: "activity", orgId: orgA, ref: "hist" });
  assert.equal(now.data.purposes[0]?.legalBasis?.code, "6.1.b");
  const after3 = await listHistory(ctx, { orgId: orgA, entityType: "activity", ref: "hist" });
  assert.equal(after3[0]?.action, "restore");
  assert.equal(after3[0]?.restoredFrom, 1);
});

test("an update that changes nothing records no revision", async () => {
  await createDocument(ctx, { kind: "activity", orgId: orgA, body: sampleActivity("same"), actor: "u1" });
  const stored = await getDocument(ctx, { kind: "activity", orgId: orgA, ref: "same" });
  const result = await updateDocument(ctx, {
    kind: "activity",
    orgId: orgA,
    ref: "same",
    body: stored.data,
    actor: "u1",
  });
  assert.equal(result.changed, false);
  assert.equal((await listHistory(ctx, { orgId: orgA, entityType: "activity", ref: "same" })).length, 1);
});

test("invalid input names the field and rule, and leaves the stored document untouched", async () => {
  await createDocument(ctx, { kind: "activity", orgId: orgA, body: sampleActivity("guarded"), actor: "u1" });
  const bad = sampleActivity("guarded");
  (bad.purposes![0]!.legalBasis as { code: string }).code = "6.1.z";
  await assert.rejects(
    updateDocument(ctx, { kind: "activity", orgId: orgA, ref: "guarded", body: bad, actor: "u1" }),
    (err: unknown) => {
      assert.ok(isAppError(err));
      assert.equal(err.code, "VALIDATION_FAILED");
      const issues = (err.details as { issues: { path: string; rule: string }[] }).issues;
      assert.equal(issues[0]?.path, "purposes[0].legalBasis.code");
      assert.equal(issues[0]?.rule, "invalid_value");
      return true;
    },
  );
  const stored = await getDocument(ctx, { kind: "activity", orgId: orgA, ref: "guarded" });
  assert.equal(stored.revision, 1);
  assert.equal(stored.data.purposes[0]?.legalBasis?.code, "6.1.b");
});

test("a stale expected revision is refused with a conflict", async () => {
  await createDocument(ctx, { kind: "activity", orgId: orgA, body: sampleActivity("occ"), actor: "u1" });
  const body = sampleActivity("occ", { name: { fr: "Autre nom", en: "Other name" } });
  await assert.rejects(
    updateDocument(ctx, {
      kind: "activity",
      orgId: orgA,
      ref: "occ",
      body,
      actor: "u1",
      expectedRevision: 7,
    }),
    (err: unknown) => isAppError(err) && err.code === "CONFLICT",
  );
});

test("organisations never see each other's documents, even with the same ref", async () => {
  await createDocument(ctx, {
    kind: "activity",
    orgId: orgA,
    body: sampleActivity("shared-ref"),
    actor: "u1",
  });
  await createDocument(ctx, {
    kind: "activity",
    orgId: orgB,
    body: sampleActivity("shared-ref", { name: { fr: "Chez B", en: "At B" } }),
    actor: "u1",
  });
  const a = await getDocument(ctx, { kind: "activity", orgId: orgA, ref: "shared-ref" });
  const b = await getDocument(ctx, { kind: "activity", orgId: orgB, ref: "shared-ref" });
  assert.equal(a.data.name.fr, "Gestion des clients");
  assert.equal(b.data.name.fr, "Chez B");
  const listB = await listDocuments(ctx, { kind: "activity", orgId: orgB });
  assert.deepEqual(
    listB.map((d) => d.ref),
    ["shared-ref"],
  );
  await assert.rejects(getDocument(ctx, { kind: "activity", orgId: orgB, ref: "hist" }), /not found/);
});

test("archiving keeps the document, hides it from the default list, and records a revision", async () => {
  await createDocument(ctx, {
    kind: "processor",
    orgId: orgA,
    body: { ref: "mailer", name: "Mailer Inc", country: "IE" },
    actor: "u1",
  });
  const archived = await archiveDocument(ctx, { kind: "processor", orgId: orgA, ref: "mailer", actor: "u2" });
  assert.equal(archived.document.data.status, "archived");
  assert.equal((await listDocuments(ctx, { kind: "processor", orgId: orgA })).length, 0);
  assert.equal(
    (await listDocuments(ctx, { kind: "processor", orgId: orgA, includeArchived: true })).length,
    1,
  );
  const history = await listHistory(ctx, { orgId: orgA, entityType: "processor", ref: "mailer" });
  assert.equal(history[0]?.action, "archive");
});
