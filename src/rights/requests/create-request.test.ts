import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { verifyAudit } from "../../audit/verify-audit.ts";
import { isAppError } from "../../errors/app-error.ts";
import { createDocument } from "../../register/documents/create-document.ts";
import { createOrganisation } from "../../register/organisations/create-organisation.ts";
import { sampleActivity, sampleOrganisation } from "../../testing/fixtures.ts";
import { createTestContext, type TestContext } from "../../testing/test-context.ts";
import { listStaffRequests } from "../staff/list-staff-requests.ts";
import { createRequest } from "./create-request.ts";
import { getRequest } from "./get-request.ts";
import { listRequests } from "./list-requests.ts";
import { transitionRequest } from "./transition-request.ts";

const jeanne = { name: "Jeanne Martin", email: "Jeanne.Martin@example.org", message: "Je veux mes données" };

describe("createRequest", () => {
  let ctx: TestContext;
  let orgId: string;
  let otherOrgId: string;
  before(async () => {
    ctx = await createTestContext("rights-create-request");
    orgId = (await createOrganisation(ctx, { body: sampleOrganisation("acme"), actor: "test" })).id;
    otherOrgId = (await createOrganisation(ctx, { body: sampleOrganisation("other"), actor: "test" })).id;
    await createDocument(ctx, { kind: "activity", orgId, body: sampleActivity("crm"), actor: "test" });
  });
  after(() => ctx.close());

  test("computes the due date in the organisation's time zone and seals who asked", async () => {
    // 23:30 UTC on 31 January is 1 February in Paris: the period runs from 1 February to 1 March 2027.
    ctx.setNow("2027-02-01T08:00:00Z");
    const { request, duplicateOf } = await createRequest(ctx, {
      orgId,
      actor: "test",
      input: {
        type: "access",
        channel: "letter",
        receivedAt: "2027-01-31T23:30:00Z",
        requester: jeanne,
        activityRefs: ["crm"],
      },
    });
    assert.equal(duplicateOf, null);
    assert.equal(request.receivedOn, "2027-02-01");
    assert.equal(request.dueOn, "2027-03-01");
    assert.equal(request.status, "awaiting_identity");
    assert.equal(request.identityStatus, "pending");
    assert.equal(request.reference, "DSR-2027-0001");
    assert.deepEqual(request.requester, jeanne);
    const raw = JSON.stringify(await ctx.db.selectFrom("requests").selectAll().execute());
    const events = JSON.stringify(await ctx.db.selectFrom("request_events").selectAll().execute());
    const audit = JSON.stringify(await ctx.db.selectFrom("audit_entries").selectAll().execute());
    for (const value of ["Jeanne", "Martin", "example.org", "mes données"]) {
      assert.ok(!raw.includes(value), `requests table holds ${value}`);
      assert.ok(!events.includes(value), `events hold ${value}`);
      assert.ok(!audit.includes(value), `audit holds ${value}`);
    }
  });

  test("links a duplicate (same person, same type, still open) and does not count it", async () => {
    const first = (await listRequests(ctx, { orgId })).requests[0]!;
    const { request, duplicateOf } = await createRequest(ctx, {
      orgId,
      actor: "test",
      input: { type: "access", channel: "web_form", requester: { email: " jeanne.martin@EXAMPLE.org " } },
    });
    assert.equal(duplicateOf?.id, first.id);
    assert.equal(request.duplicateOf, first.id);
    assert.equal(request.status, "closed");
    assert.equal((await listRequests(ctx, { orgId })).total, 1);
    assert.equal((await listRequests(ctx, { orgId, query: { includeDuplicates: true } })).total, 2);
    const firstEvents = await ctx.db
      .selectFrom("request_events")
      .select("kind")
      .where("request_id", "=", first.id)
      .execute();
    assert.deepEqual(
      firstEvents.map((e) => e.kind),
      ["created", "duplicate_linked"],
    );
    // Another type is another request; the same person at another organisation is that organisation's.
    const erasure = await createRequest(ctx, {
      orgId,
      actor: "test",
      input: { type: "erasure", channel: "api", requester: jeanne },
    });
    assert.equal(erasure.duplicateOf, null);
    const elsewhere = await createRequest(ctx, {
      orgId: otherOrgId,
      actor: "test",
      input: { type: "access", channel: "api", requester: jeanne },
    });
    assert.equal(elsewhere.duplicateOf, null);
    assert.equal(elsewhere.request.number, 1);
  });

  test("refuses bad input with the field and the rule, and writes nothing", async () => {
    const count = async () => (await ctx.db.selectFrom("requests").select("id").execute()).length;
    const before = await count();
    const cases: Array<[unknown, string, string]> = [
      [{ type: "acces", channel: "api", requester: jeanne }, "type", "invalid_value"],
      [{ type: "access", channel: "api", requester: { name: "X" } }, "requester.email", "custom"],
      [
        { type: "access", channel: "api", requester: jeanne, activityRefs: ["crm", "nope"] },
        "activityRefs[1]",
        "known_activity",
      ],
      [
        { type: "access", channel: "api", requester: jeanne, receivedAt: "2099-01-01T00:00:00Z" },
        "receivedAt",
        "not_in_future",
      ],
      [
        { type: "access", channel: "api", requester: { ...jeanne, shoeSize: 42 } },
        "requester",
        "unrecognized_keys",
      ],
    ];
    for (const [input, path, rule] of cases) {
      await assert.rejects(createRequest(ctx, { orgId, actor: "test", input }), (e: unknown) => {
        assert.ok(isAppError(e));
        assert.equal(e.code, "VALIDATION_FAILED");
        const issues = (e.details as { issues: Array<{ path: string; rule: string; message: string }> })
          .issues;
        assert.equal(issues[0]?.path, path);
        assert.equal(issues[0]?.rule, rule);
        assert.ok(!JSON.stringify(issues).includes("Jeanne"));
        return true;
      });
    }
    assert.equal(await count(), before);
  });

  test("a request created with identity verified starts in progress; the workflow refuses shortcuts", async () => {
    const { request } = await createRequest(ctx, {
      orgId,
      actor: "test",
      input: {
        type: "rectification",
        channel: "email",
        requester: { email: "paul@example.org" },
        identityVerified: true,
      },
    });
    assert.equal(request.status, "in_progress");
    assert.equal(request.identityStatus, "verified");
    await assert.rejects(
      transitionRequest(ctx, { orgId, requestId: request.id, to: "closed", actor: "test" }),
      (e: unknown) => isAppError(e) && e.code === "CONFLICT",
    );
    await assert.rejects(
      transitionRequest(ctx, { orgId, requestId: request.id, to: "answered", actor: "test" }),
      (e: unknown) => isAppError(e) && e.code === "VALIDATION_FAILED",
    );
    await assert.rejects(
      transitionRequest(ctx, {
        orgId,
        requestId: request.id,
        to: "answered",
        outcome: "granted",
        actor: "test",
        expectedRevision: 7,
      }),
      (e: unknown) => isAppError(e) && e.code === "CONFLICT",
    );
    // Another organisation cannot see or move it.
    await assert.rejects(
      getRequest(ctx, { orgId: otherOrgId, requestId: request.id }),
      (e: unknown) => isAppError(e) && e.code === "NOT_FOUND",
    );
    const answered = await transitionRequest(ctx, {
      orgId,
      requestId: request.id,
      to: "answered",
      outcome: "granted",
      actor: "test",
      expectedRevision: 1,
    });
    assert.equal(answered.outcome, "granted");
    assert.ok(answered.answeredAt);
    const closed = await transitionRequest(ctx, {
      orgId,
      requestId: request.id,
      to: "closed",
      actor: "test",
    });
    assert.equal(closed.status, "closed");
    assert.equal(closed.revision, 3);
    const actions = (
      await ctx.db
        .selectFrom("audit_entries")
        .select("action")
        .where("entity_id", "=", request.id)
        .orderBy("seq")
        .execute()
    ).map((a) => a.action);
    assert.deepEqual(actions, ["request.created", "request.status_changed", "request.status_changed"]);
    assert.equal((await verifyAudit(ctx.db)).valid, true);
  });

  test("a controller cannot answer while a processor it instructed has not answered", async () => {
    const { request } = await createRequest(ctx, {
      orgId,
      actor: "test",
      input: {
        type: "erasure",
        channel: "api",
        requester: { email: "lea@example.org" },
        identityVerified: true,
      },
    });
    const at = ctx.now().toISOString();
    await ctx.db
      .insertInto("request_parties")
      .values({
        id: "p1",
        request_id: request.id,
        org_id: orgId,
        role: "processor",
        party_ref: "mailer",
        name: "Mailer SAS",
        channel: "email",
        status: "sent",
        target_org_id: null,
        remote_request_id: null,
        data: "{}",
        sent_at: at,
        answered_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await assert.rejects(
      transitionRequest(ctx, {
        orgId,
        requestId: request.id,
        to: "answered",
        outcome: "granted",
        actor: "test",
      }),
      (e: unknown) => isAppError(e) && (e.details as { processors: string[] }).processors[0] === "mailer",
    );
  });

  test("lists open and overdue requests, soonest due first", async () => {
    const overdue = await listRequests(ctx, { orgId, query: { overdue: true }, today: "2027-03-02" });
    assert.ok(overdue.requests.every((r) => r.dueOn < "2027-03-02"));
    assert.ok(overdue.total >= 1);
    const open = await listRequests(ctx, { orgId, query: { status: "open" } });
    assert.ok(open.requests.every((r) => !["answered", "closed", "withdrawn"].includes(r.status)));
    const dues = open.requests.map((r) => r.dueOn);
    assert.deepEqual([...dues].sort(), dues);
    await assert.rejects(
      listStaffRequests(ctx, { orgId, query: { status: "lost" } }),
      (e: unknown) => isAppError(e) && e.code === "VALIDATION_FAILED",
    );
  });
});
