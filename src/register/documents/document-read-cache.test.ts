import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sampleActivity, sampleOrganisation } from "../../testing/fixtures.ts";
import { createTestContext, type TestContext } from "../../testing/test-context.ts";
import { createOrganisation } from "../organisations/create-organisation.ts";
import { createDocument } from "./create-document.ts";
import { READ_CACHE_MS } from "./document-read-cache.ts";
import { getDocument } from "./get-document.ts";
import { updateDocument } from "./update-document.ts";

let ctx: TestContext;
let orgId: string;
before(async () => {
  ctx = await createTestContext("read-cache");
  orgId = (await createOrganisation(ctx, { body: sampleOrganisation("cached"), actor: "t" })).id;
  await createDocument(ctx, { kind: "activity", orgId, body: sampleActivity("a"), actor: "t" });
});
after(() => ctx.close());

test("a write through the operations is visible to the very next read", async () => {
  assert.equal((await getDocument(ctx, { kind: "activity", orgId, ref: "a" })).revision, 1);
  await updateDocument(ctx, {
    kind: "activity",
    orgId,
    ref: "a",
    body: sampleActivity("a", { name: { fr: "Nouveau", en: "New" } }),
    actor: "t",
  });
  const next = await getDocument(ctx, { kind: "activity", orgId, ref: "a" });
  assert.equal(next.revision, 2);
  assert.equal(next.data.name.fr, "Nouveau");
});

test("a write made elsewhere (another process) is visible within READ_CACHE_MS", async () => {
  const cached = await getDocument(ctx, { kind: "activity", orgId, ref: "a" });
  const changed = { ...cached.data, name: { fr: "Ailleurs", en: "Elsewhere" } };
  await ctx.db
    .updateTable("activities")
    .set({ data: JSON.stringify(changed), revision: cached.revision + 1 })
    .where("org_id", "=", orgId)
    .where("ref", "=", "a")
    .execute();
  await new Promise((resolve) => setTimeout(resolve, READ_CACHE_MS + 50));
  const fresh = await getDocument(ctx, { kind: "activity", orgId, ref: "a" });
  assert.equal(fresh.data.name.fr, "Ailleurs");
});

test("cached documents are frozen, so no caller can corrupt the cache", async () => {
  const doc = await getDocument(ctx, { kind: "activity", orgId, ref: "a" });
  assert.throws(() => {
    (doc.data.name as { fr?: string }).fr = "mutated";
  }, TypeError);
});
