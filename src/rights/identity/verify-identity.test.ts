import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { verifyAudit } from "../../audit/verify-audit.ts";
import { isAppError } from "../../errors/app-error.ts";
import { createOrganisation } from "../../register/organisations/create-organisation.ts";
import { sampleOrganisation } from "../../testing/fixtures.ts";
import { createTestContext, type TestContext } from "../../testing/test-context.ts";
import { createRequest } from "../requests/create-request.ts";
import { transitionRequest } from "../requests/transition-request.ts";
import { answerMoreInfo } from "./answer-more-info.ts";
import { loadIdentityTimeline } from "./identity-timeline.ts";
import { requestMoreInfo } from "./request-more-info.ts";
import { verifyIdentity } from "./verify-identity.ts";

const rule = (error: unknown) => (isAppError(error) ? (error.details as { rule?: string }).rule : undefined);

describe("identity operations", () => {
  let ctx: TestContext;
  let orgId: string;
  const newRequest = async (email = "ines@example.org") =>
    (
      await createRequest(ctx, {
        orgId,
        actor: "test",
        input: { type: "access", channel: "web_form", requester: { name: "Inès Garnier", email } },
      })
    ).request;
  const eventsOf = (requestId: string) =>
    ctx.db
      .selectFrom("request_events")
      .selectAll()
      .where("request_id", "=", requestId)
      .orderBy("seq")
      .execute();

  before(async () => {
    ctx = await createTestContext("rights-identity");
    orgId = (await createOrganisation(ctx, { body: sampleOrganisation("acme"), actor: "test" })).id;
  });
  after(() => ctx.close());

  test("the link verifies once: two clicks at the same moment give one event and one transition", async () => {
    const request = await newRequest();
    assert.equal(request.status, "awaiting_identity");
    const results = await Promise.all(
      [1, 2].map(() =>
        verifyIdentity(ctx, { orgId, requestId: request.id, actor: "requester", method: "email_link" }),
      ),
    );
    assert.deepEqual(results.map((r) => r.changed).sort(), [false, true]);
    for (const r of results) {
      assert.equal(r.request.status, "in_progress");
      assert.equal(r.request.identityStatus, "verified");
    }
    const kinds = (await eventsOf(request.id)).map((e) => e.kind);
    assert.deepEqual(kinds, ["created", "identity_verified", "status_changed"]);
    const timeline = await loadIdentityTimeline(ctx.db, { orgId, requestId: request.id });
    assert.equal(timeline.verifiedMethod, "email_link");
    assert.equal((await verifyAudit(ctx.db)).valid, true);
  });

  test("a request already in progress keeps its status; its revision moves on", async () => {
    const request = await newRequest("other@example.org");
    await transitionRequest(ctx, { orgId, requestId: request.id, to: "in_progress", actor: "test" });
    const { changed, request: after } = await verifyIdentity(ctx, {
      orgId,
      requestId: request.id,
      actor: "token:x",
      method: "phone",
    });
    assert.equal(changed, true);
    assert.equal(after.status, "in_progress");
    assert.equal(after.revision, request.revision + 2);
  });

  test("closed requests, other organisations' requests and the link after a question are refused", async () => {
    const request = await newRequest("third@example.org");
    const otherOrg = (await createOrganisation(ctx, { body: sampleOrganisation("other"), actor: "test" })).id;
    await assert.rejects(
      verifyIdentity(ctx, { orgId: otherOrg, requestId: request.id, actor: "token:x", method: "phone" }),
      (e) => isAppError(e) && e.code === "NOT_FOUND",
    );
    await requestMoreInfo(ctx, {
      orgId,
      requestId: request.id,
      actor: "token:x",
      body: { reason: "The name differs from the account", question: "What is your customer number?" },
    });
    await assert.rejects(
      verifyIdentity(ctx, { orgId, requestId: request.id, actor: "requester", method: "email_link" }),
      (e) => rule(e) === "more_info_requested",
    );
    await transitionRequest(ctx, { orgId, requestId: request.id, to: "withdrawn", actor: "requester" });
    await assert.rejects(
      verifyIdentity(ctx, { orgId, requestId: request.id, actor: "token:x", method: "phone" }),
      (e) => rule(e) === "request_not_open",
    );
  });

  test("one answer per question, even when two arrive at once; the text is sealed", async () => {
    const request = await newRequest("fourth@example.org");
    const { ask } = await requestMoreInfo(ctx, {
      orgId,
      requestId: request.id,
      actor: "token:x",
      body: { reason: "Two customers share this name", question: "Which town is your account in?" },
    });
    ctx.setNow("2026-11-25T10:00:00.000Z");
    try {
      const results = await Promise.all(
        ["Lyon", "Lyon 3e"].map((answer) =>
          answerMoreInfo(ctx, { orgId, requestId: request.id, ask, answer }),
        ),
      );
      assert.deepEqual(results.map((r) => r.changed).sort(), [false, true]);
      assert.deepEqual(
        results.map((r) => r.receivedAt),
        ["2026-11-25T10:00:00.000Z", "2026-11-25T10:00:00.000Z"],
      );
    } finally {
      ctx.setNow("2026-11-24T09:00:00.000Z");
    }
    const received = (await eventsOf(request.id)).filter((e) => e.kind === "more_info_received");
    assert.equal(received.length, 1);
    assert.doesNotMatch(JSON.stringify(received), /Lyon/);
    await assert.rejects(
      answerMoreInfo(ctx, { orgId, requestId: request.id, ask, answer: " " }),
      (e) => isAppError(e) && e.code === "VALIDATION_FAILED",
    );
    const timeline = await loadIdentityTimeline(ctx.db, { orgId, requestId: request.id });
    assert.equal(timeline.moreInfoReceivedAt, "2026-11-25T10:00:00.000Z");
    assert.equal((await verifyAudit(ctx.db)).valid, true);
  });
});
