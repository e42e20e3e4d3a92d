import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { verifyAudit } from "../../audit/verify-audit.ts";
import { isAppError } from "../../errors/app-error.ts";
import { createOrganisation } from "../../register/organisations/create-organisation.ts";
import { sampleOrganisation } from "../../testing/fixtures.ts";
import { createTestContext, type TestContext } from "../../testing/test-context.ts";
import { addRequestNote } from "./add-request-note.ts";
import { assignRequest } from "./assign-request.ts";
import { enterRequest } from "./enter-request.ts";
import { getRequestDetails } from "./get-request-details.ts";

describe("timeline writes of staff", () => {
  let ctx: TestContext;
  let orgId: string;
  let requestId: string;
  before(async () => {
    ctx = await createTestContext("rights-staff-notes");
    orgId = (await createOrganisation(ctx, { body: sampleOrganisation("acme"), actor: "test" })).id;
    requestId = (
      await enterRequest(ctx, {
        orgId,
        actor: "test",
        input: {
          type: "access",
          channel: "phone",
          receivedAt: "2026-11-23",
          requester: { postalAddress: "1 place du Marché, 67000 Strasbourg" },
        },
      })
    ).request.id;
  });
  after(() => ctx.close());

  test("notes and assignments written at the same time all land, in one order, on a valid audit chain", async () => {
    const writes = Array.from({ length: 12 }, (_, i) =>
      i % 4 === 3
        ? assignRequest(ctx, { orgId, requestId, actor: "test", input: { email: `staff${i}@acme.example` } })
        : addRequestNote(ctx, { orgId, requestId, actor: "test", input: { text: `note ${i}` } }),
    );
    await Promise.all(writes);
    const { timeline, request } = await getRequestDetails(ctx, { orgId, requestId });
    assert.deepEqual(
      timeline.map((e) => e.seq),
      Array.from({ length: 13 }, (_, i) => i + 1),
    );
    assert.equal(timeline.filter((e) => e.kind === "note_added").length, 9);
    assert.equal(request.revision, 4, "three assignments, each a revision");
    assert.deepEqual(
      timeline
        .filter((e) => e.kind === "note_added")
        .map((e) => e.text)
        .sort(),
      ["note 0", "note 1", "note 10", "note 2", "note 4", "note 5", "note 6", "note 8", "note 9"],
    );
    assert.equal((await verifyAudit(ctx.db)).valid, true);
  });

  test("another organisation's request takes no note", async () => {
    const other = (await createOrganisation(ctx, { body: sampleOrganisation("other"), actor: "test" })).id;
    await assert.rejects(
      addRequestNote(ctx, { orgId: other, requestId, actor: "test", input: { text: "x" } }),
      (e: unknown) => isAppError(e) && e.code === "NOT_FOUND",
    );
    const events = await ctx.db
      .selectFrom("request_events")
      .select("id")
      .where("org_id", "=", other)
      .execute();
    assert.equal(events.length, 0);
  });
});
