import assert from "node:assert/strict";
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { type ApiKit, type Headers, startApi } from "../../http/testing/api-test-kit.ts";
import { instructProcessors } from "../../rights/forwarding/instruct-processors.ts";
import { createRequest } from "../../rights/requests/create-request.ts";
import { sampleActivity } from "../../testing/fixtures.ts";
import { KEY_ID_HEADER, keyIdOf, SIGNATURE_HEADER, signBytes } from "../opendsr-signature.ts";
import { deliverOpenDsrOutbox } from "./deliver-opendsr-outbox.ts";

const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });

describe("OpenDSR outbox", () => {
  let kit: ApiKit;
  let token: Headers;
  let orgId: string;
  before(async () => {
    kit = await startApi("opendsr-outbox");
    token = await kit.organisation("acme");
    orgId = (
      await kit.ctx.db
        .selectFrom("organisations")
        .select("id")
        .where("slug", "=", "acme")
        .executeTakeFirstOrThrow()
    ).id;
    await kit.call({
      method: "POST",
      url: "/api/v1/organisations/acme/processors",
      headers: token,
      payload: { ref: "hoster", name: "Hoster", kind: "processor" },
    });
    await kit.call({
      method: "POST",
      url: "/api/v1/organisations/acme/activities",
      headers: token,
      payload: sampleActivity("crm", {
        recipients: [{ kind: "processor", name: { en: "Host" }, processorRef: "hoster" }],
      }),
    });
    // Nothing listens on port 9 of the loopback interface: every attempt is refused.
    const res = await kit.call({
      method: "POST",
      url: "/api/v1/organisations/acme/opendsr/peers",
      headers: token,
      payload: {
        ref: "hoster",
        name: "Hoster",
        kind: "remote",
        relation: "processor",
        registerRefs: ["hoster"],
        baseUrl: "http://127.0.0.1:9/opendsr/v1",
        publicKey: keys.publicKey.export({ type: "spki", format: "pem" }).toString(),
      },
    });
    assert.equal(res.statusCode, 201, res.body);
  });
  after(() => kit.close());

  test("an unreachable peer is retried with backoff, then the party is marked and staff see why", async () => {
    const { request } = await createRequest(kit.ctx, {
      orgId,
      actor: "test",
      input: {
        type: "erasure",
        channel: "email",
        identityVerified: true,
        requester: { email: "jo@example.org" },
      },
    });
    const { parties } = await instructProcessors(kit.ctx, {
      orgId,
      requestId: request.id,
      actor: "test",
      body: {},
    });
    assert.equal(parties[0]?.channel, "opendsr");
    const sealed = await kit.ctx.db
      .selectFrom("opendsr_outbox")
      .select("body_sealed")
      .executeTakeFirstOrThrow();
    assert.ok(!sealed.body_sealed.includes("jo@example.org"), "the identities are sealed in the outbox");

    let at = Date.parse("2026-11-24T09:00:00Z");
    const counts = [];
    for (const wait of [0, 1, 5, 30, 120, 720]) {
      at += wait * 60_000;
      kit.ctx.setNow(new Date(at).toISOString());
      counts.push(await deliverOpenDsrOutbox(kit.ctx));
      // Too early for the next try: nothing goes out.
      assert.deepEqual(await deliverOpenDsrOutbox(kit.ctx), { sent: 0, retried: 0, failed: 0 });
    }
    assert.deepEqual(
      counts.map((c) => `${c.sent}/${c.retried}/${c.failed}`),
      ["0/1/0", "0/1/0", "0/1/0", "0/1/0", "0/1/0", "0/0/1"],
    );
    const message = await kit.ctx.db.selectFrom("opendsr_outbox").selectAll().executeTakeFirstOrThrow();
    assert.equal(message.status, "failed");
    assert.equal(message.attempts, 6);
    assert.equal(message.last_error, "unreachable");
    const view = (
      await kit.call({
        method: "GET",
        url: `/api/v1/organisations/acme/requests/${request.id}/parties`,
        headers: token,
      })
    ).json();
    assert.equal(view.items[0].deliveryFailed, true);
    assert.equal(view.items[0].status, "sent", "still awaited: staff answer for it or waive it");
    const failed = await kit.ctx.db
      .selectFrom("request_events")
      .select("data")
      .where("request_id", "=", request.id)
      .where("kind", "=", "opendsr_failed")
      .executeTakeFirstOrThrow();
    assert.equal(JSON.parse(failed.data).reason, "unreachable");
  });

  test("a message left sending by a sender that died is taken again once its lease has run out", async () => {
    const at = Date.parse("2026-11-30T09:00:00Z");
    kit.ctx.setNow(new Date(at).toISOString());
    // As a crash after the claim leaves it: sending, leased for ten minutes, no outcome recorded.
    await kit.ctx.db
      .updateTable("opendsr_outbox")
      .set({ status: "sending", attempts: 0, next_attempt_at: new Date(at + 10 * 60_000).toISOString() })
      .execute();
    assert.deepEqual(await deliverOpenDsrOutbox(kit.ctx), { sent: 0, retried: 0, failed: 0 }, "still leased");
    kit.ctx.setNow(new Date(at + 11 * 60_000).toISOString());
    assert.deepEqual(await deliverOpenDsrOutbox(kit.ctx), { sent: 0, retried: 1, failed: 0 }, "tried again");
    const message = await kit.ctx.db.selectFrom("opendsr_outbox").selectAll().executeTakeFirstOrThrow();
    assert.equal(message.status, "queued");
    assert.equal(Number(message.attempts), 1);
  });

  test("a callback must name this server's endpoint and a request exchanged with its sender", async () => {
    const send = (body: Record<string, unknown>) => {
      const bytes = Buffer.from(JSON.stringify(body));
      return kit.call({
        method: "POST",
        url: "/opendsr/v1/callbacks",
        headers: {
          "content-type": "application/json",
          [KEY_ID_HEADER]: keyIdOf(keys.publicKey),
          [SIGNATURE_HEADER]: signBytes(keys.privateKey, bytes),
        },
        payload: bytes,
      });
    };
    const exchange = await kit.ctx.db.selectFrom("opendsr_exchanges").selectAll().executeTakeFirstOrThrow();
    const ours = "http://localhost:3000/opendsr/v1/callbacks";
    const elsewhere = await send({
      status_callback_url: "https://elsewhere.example/cb",
      subject_request_id: exchange.subject_request_id,
      request_status: "completed",
    });
    assert.equal(elsewhere.statusCode, 400);
    assert.equal(elsewhere.json().details.issues[0].rule, "our_endpoint");
    const unknown = await send({
      status_callback_url: ours,
      subject_request_id: randomUUID(),
      request_status: "completed",
    });
    assert.equal(unknown.statusCode, 404);
    const done = await send({
      status_callback_url: ours,
      subject_request_id: exchange.subject_request_id,
      request_status: "completed",
    });
    assert.equal(done.statusCode, 202, done.body);
    assert.equal(done.json().applied, "answer");
    // Replayed, or late and older: nothing moves back.
    const replay = await send({
      status_callback_url: ours,
      subject_request_id: exchange.subject_request_id,
      request_status: "in_progress",
    });
    assert.equal(replay.json().applied, "ignored");
    const party = await kit.ctx.db.selectFrom("request_parties").selectAll().executeTakeFirstOrThrow();
    assert.equal(party.status, "answered");
  });
});
