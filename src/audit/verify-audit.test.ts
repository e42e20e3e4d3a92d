import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "node:test";
import { createDocument } from "../register/documents/create-document.ts";
import { updateDocument } from "../register/documents/update-document.ts";
import { createOrganisation } from "../register/organisations/create-organisation.ts";
import { sampleActivity, sampleOrganisation } from "../testing/fixtures.ts";
import { createTestContext, type TestContext } from "../testing/test-context.ts";
import { canonicalJson } from "./canonical-json.ts";
import { verifyAudit } from "./verify-audit.ts";

let ctx: TestContext;
let orgId: string;

/** Five entries on the organisation's chain: create org, create activity, three updates. */
beforeEach(async () => {
  ctx = await createTestContext("verify-audit");
  orgId = (await createOrganisation(ctx, { body: sampleOrganisation("audited"), actor: "t" })).id;
  await createDocument(ctx, { kind: "activity", orgId, body: sampleActivity("a1"), actor: "t" });
  for (const name of ["Un", "Deux", "Trois"]) {
    await updateDocument(ctx, {
      kind: "activity",
      orgId,
      ref: "a1",
      body: sampleActivity("a1", { name: { fr: name, en: name } }),
      actor: "t",
    });
  }
});
afterEach(() => ctx.close());

async function rows() {
  return ctx.db.selectFrom("audit_entries").selectAll().where("chain", "=", orgId).orderBy("seq").execute();
}

test("an untouched chain verifies, entry by entry", async () => {
  const report = await verifyAudit(ctx.db, { chain: orgId });
  assert.equal(report.valid, true);
  assert.equal(report.chains[0]?.entries, 5);
  const all = await rows();
  assert.deepEqual(
    all.map((r) => r.action),
    ["organisation.create", "activity.create", "activity.update", "activity.update", "activity.update"],
  );
  assert.equal(all[1]?.prev_hash, all[0]?.hash, "each entry links to the one before");
});

test("an altered entry is named", async () => {
  await ctx.db
    .updateTable("audit_entries")
    .set({ actor: "someone-else" })
    .where("chain", "=", orgId)
    .where("seq", "=", 3)
    .execute();
  const report = await verifyAudit(ctx.db, { chain: orgId });
  assert.equal(report.valid, false);
  assert.equal(report.chains[0]?.firstBreak?.seq, 3);
  assert.equal(report.chains[0]?.firstBreak?.reason, "altered");
});

test("a deleted entry is named", async () => {
  await ctx.db.deleteFrom("audit_entries").where("chain", "=", orgId).where("seq", "=", 2).execute();
  const report = await verifyAudit(ctx.db, { chain: orgId });
  assert.equal(report.chains[0]?.firstBreak?.seq, 2);
  assert.equal(report.chains[0]?.firstBreak?.reason, "deleted");
});

test("deleting the newest entries is named too: the chain head remembers them", async () => {
  await ctx.db.deleteFrom("audit_entries").where("chain", "=", orgId).where("seq", ">=", 4).execute();
  const report = await verifyAudit(ctx.db, { chain: orgId });
  assert.equal(report.valid, false);
  assert.equal(report.chains[0]?.firstBreak?.seq, 4);
  assert.equal(report.chains[0]?.firstBreak?.reason, "deleted");
  assert.match(report.chains[0]?.firstBreak?.message ?? "", /entries 4 to 5 .* were deleted/);
});

test("a chain whose every entry was deleted is still reported", async () => {
  await ctx.db.deleteFrom("audit_entries").where("chain", "=", orgId).execute();
  const report = await verifyAudit(ctx.db, { chain: orgId });
  assert.equal(report.valid, false);
  assert.equal(report.chains[0]?.firstBreak?.seq, 1);
});

test("reordered entries are named", async () => {
  const all = await rows();
  // Swap the storage order of entries 3 and 4 while keeping their content: ids no longer follow seq.
  const [e3, e4] = [all[2]!, all[3]!];
  await ctx.db.deleteFrom("audit_entries").where("id", "in", [e3.id, e4.id]).execute();
  const { id: _a, ...c4 } = e4;
  const { id: _b, ...c3 } = e3;
  await ctx.db.insertInto("audit_entries").values(c4).execute();
  await ctx.db.insertInto("audit_entries").values(c3).execute();
  const report = await verifyAudit(ctx.db, { chain: orgId });
  assert.equal(report.valid, false);
  assert.equal(report.chains[0]?.firstBreak?.seq, 4);
  assert.equal(report.chains[0]?.firstBreak?.reason, "reordered");
});

test("an entry replaced by a self-consistent forgery breaks the link to the next", async () => {
  const { hashAuditEntry } = await import("./append-audit.ts");
  const target = (await rows())[1]!;
  const forged = {
    chain: target.chain,
    seq: target.seq,
    at: target.at,
    actor: "forger",
    action: target.action,
    entityType: target.entity_type,
    entityId: target.entity_id,
    beforeHash: target.before_hash,
    afterHash: target.after_hash,
    details: target.details,
    prevHash: target.prev_hash,
  };
  await ctx.db
    .updateTable("audit_entries")
    .set({ actor: "forger", hash: hashAuditEntry(forged) })
    .where("id", "=", target.id)
    .execute();
  const report = await verifyAudit(ctx.db, { chain: orgId });
  assert.equal(report.chains[0]?.firstBreak?.seq, 3);
  assert.equal(report.chains[0]?.firstBreak?.reason, "broken_link");
});

test("canonical JSON ignores key order and undefined members", () => {
  assert.equal(
    canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } }),
    '{"a":{"d":[1,{"y":2,"z":1}]},"b":1}',
  );
});

test("a chain verified while entries are appended is read as of one moment: never a false break", async () => {
  // Without one snapshot, a commit between reading the entries and reading the head looked like deleted entries.
  const writes = (async () => {
    for (let i = 0; i < 40; i++) {
      await updateDocument(ctx, {
        kind: "activity",
        orgId,
        ref: "a1",
        body: sampleActivity("a1", { name: { fr: `v${i}`, en: `v${i}` } }),
        actor: "t",
      });
    }
  })();
  const reports = [];
  let done = false;
  void writes.finally(() => {
    done = true;
  });
  while (!done) reports.push(await verifyAudit(ctx.db, { chain: orgId }));
  await writes;
  assert.ok(reports.length > 5, `${reports.length} verifications during the writes`);
  const broken = reports.filter((r) => !r.valid).map((r) => r.chains[0]?.firstBreak?.message);
  assert.deepEqual(broken, []);
});
