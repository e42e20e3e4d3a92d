/**
 * Two Gardien servers over OpenDSR, each on its own store, listening on 127.0.0.1: A hosts Régis and a
 * client controller of Julie Desk (Cabinet Durand), B hosts Julie Desk. They register each other as peers
 * with the keys their identity endpoints give, then exchange signed requests and callbacks over real HTTP.
 */
import assert from "node:assert/strict";
import { generateKeyPairSync, randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { createToken } from "../auth/create-token.ts";
import { openText } from "../crypto/seal.ts";
import { buildServer } from "../http/build-server.ts";
import type { RegisterFile } from "../register/model/register-file.schema.ts";
import { runForwardingTick, scheduleForwardingDelivery } from "../rights/forwarding/run-forwarding-tick.ts";
import {
  loadClientController,
  loadDemo,
  PERSON,
  receiveRequest,
} from "../rights/forwarding/testing/forwarding-fixtures.ts";
import { getRequest } from "../rights/requests/get-request.ts";
import { transitionRequest } from "../rights/requests/transition-request.ts";
import { createTestContext, type TestContext } from "../testing/test-context.ts";
import { callPeer } from "./opendsr-http.ts";
import { KEY_ID_HEADER, keyIdOf, SIGNATURE_HEADER, signBytes } from "./opendsr-signature.ts";
import { getPeer } from "./peers/get-peer.ts";
import { pollOpenDsrStatus } from "./poll-opendsr-status.ts";

type Server = { ctx: TestContext; app: FastifyInstance; base: string; admin: Record<string, string> };

async function startServer(name: string): Promise<Server> {
  const ctx = await createTestContext(name);
  const app = await buildServer(ctx);
  await app.listen({ host: "127.0.0.1", port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  // The port is known only now: the links and callback URLs this server hands out must carry it. Routes
  // read ctx.config on each call, so replacing it here is enough (the secret key stays the same).
  Object.assign(ctx, { config: Object.freeze({ ...ctx.config, publicUrl: base }) });
  const token = await createToken(ctx, { admin: true, name: "admin", actor: "test" });
  return { ctx, app, base, admin: { authorization: `Bearer ${token.token}` } };
}

/** Régis uses Julie Desk (for its chatbot's meeting intents): the register says so. */
function regisUsesJulieDesk(file: RegisterFile): RegisterFile {
  file.processors = [
    { ref: "julie-desk", name: "Julie Desk", kind: "processor", status: "active", services: [] },
  ];
  const intents = file.activities.find((a) => a.ref === "chatbot-intents-metiers")!;
  intents.recipients.push({
    kind: "processor",
    name: { fr: "Julie Desk", en: "Julie Desk" },
    processorRef: "julie-desk",
    dataCategories: [],
  });
  return file;
}

describe("OpenDSR between two Gardien servers", () => {
  let a: Server;
  let b: Server;
  const ids = { regis: "", durand: "", julie: "" };

  async function identity(server: Server, slug: string) {
    const res = await server.app.inject({
      method: "GET",
      url: `/api/v1/organisations/${slug}/opendsr/identity`,
      headers: server.admin,
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { keyId: string; publicKey: string; baseUrl: string };
  }

  async function register(server: Server, slug: string, body: Record<string, unknown>) {
    const res = await server.app.inject({
      method: "POST",
      url: `/api/v1/organisations/${slug}/opendsr/peers`,
      headers: server.admin,
      payload: body,
    });
    assert.equal(res.statusCode, 201, res.body);
  }

  async function settle() {
    for (let i = 0; i < 3; i++) {
      await scheduleForwardingDelivery(a.ctx);
      await scheduleForwardingDelivery(b.ctx);
    }
  }

  before(async () => {
    a = await startServer("opendsr-server-a");
    b = await startServer("opendsr-server-b");
    ids.regis = await loadDemo(a.ctx, "regis", regisUsesJulieDesk);
    ids.durand = await loadClientController(a.ctx, "cabinet-durand");
    ids.julie = await loadDemo(b.ctx, "julie-desk");
    const julie = await identity(b, "julie-desk");
    const regis = await identity(a, "regis");
    const durand = await identity(a, "cabinet-durand");
    assert.equal(julie.baseUrl, `${b.base}/opendsr/v1`);
    for (const slug of ["regis", "cabinet-durand"]) {
      await register(a, slug, {
        ref: "julie-desk",
        name: "Julie Desk",
        kind: "remote",
        relation: "processor",
        registerRefs: ["julie-desk"],
        baseUrl: julie.baseUrl,
        publicKey: julie.publicKey,
      });
    }
    for (const [ref, name, peer] of [
      ["regis", "Agence Moiré", regis],
      ["cabinet-durand", "Cabinet Durand", durand],
    ] as const) {
      await register(b, "julie-desk", {
        ref,
        name,
        kind: "remote",
        relation: "controller",
        registerRefs: ["slash-clients"],
        baseUrl: peer.baseUrl,
        publicKey: peer.publicKey,
      });
    }
  });
  after(async () => {
    await settle();
    for (const server of [a, b]) {
      await server?.app.close();
      await server?.ctx.close();
    }
  });

  test("controller side: Régis instructs Julie Desk; its completion comes back by a signed callback", async () => {
    const request = await receiveRequest(a.ctx, { orgId: ids.regis, role: "controller" });
    const res = await a.app.inject({
      method: "POST",
      url: `/api/v1/organisations/regis/requests/${request.id}/instruct-processors`,
      headers: a.admin,
      payload: { instruction: "Effacez les rendez-vous pris par le chatbot." },
    });
    assert.equal(res.statusCode, 200, res.body);
    const [party] = res.json().parties;
    assert.equal(party.channel, "opendsr");
    assert.equal(party.status, "sent");
    await settle();

    // B: Julie Desk holds the request as Régis's processor; the request is the instruction.
    const copyRow = await b.ctx.db
      .selectFrom("requests")
      .selectAll()
      .where("org_id", "=", ids.julie)
      .executeTakeFirstOrThrow();
    const copy = await getRequest(b.ctx, { orgId: ids.julie, requestId: copyRow.id });
    assert.equal(copy.channel, "opendsr");
    assert.equal(copy.role, "processor");
    assert.equal(copy.status, "in_progress");
    assert.equal(copy.requester.email, PERSON.email);
    assert.equal(copy.external?.counterpartName, "Agence Moiré");
    const exchange = await a.ctx.db
      .selectFrom("opendsr_exchanges")
      .selectAll()
      .where("request_id", "=", request.id)
      .executeTakeFirstOrThrow();
    assert.equal(copy.external?.remoteRequestId, exchange.subject_request_id);
    assert.equal(exchange.remote_status, "pending");
    const delivered = await a.ctx.db
      .selectFrom("request_events")
      .select("kind")
      .where("request_id", "=", request.id)
      .where("kind", "=", "opendsr_delivered")
      .execute();
    assert.equal(delivered.length, 1);

    // The outbound client can also ask (signed GET, signed answer).
    const polled = await pollOpenDsrStatus(a.ctx, { exchangeId: exchange.id });
    assert.deepEqual(polled, { ok: true, applied: "ignored" });

    // Julie Desk finishes; its scheduler calls Régis back.
    await transitionRequest(b.ctx, {
      orgId: ids.julie,
      requestId: copy.id,
      to: "answered",
      outcome: "granted",
      actor: "test",
    });
    const tick = await runForwardingTick(b.ctx);
    assert.equal(tick.callbacksQueued, 1);
    assert.equal(tick.sent, 1);
    const parties = await a.app.inject({
      method: "GET",
      url: `/api/v1/organisations/regis/requests/${request.id}/parties`,
      headers: a.admin,
    });
    assert.equal(parties.json().items[0].status, "answered");
    assert.equal(parties.json().items[0].result, "completed");
    assert.equal(
      (await getRequest(a.ctx, { orgId: ids.regis, requestId: request.id })).status,
      "in_progress",
    );
  });

  test("processor side: Julie Desk forwards to Cabinet Durand; the decision and the completion travel back", async () => {
    const request = await receiveRequest(b.ctx, { orgId: ids.julie, role: "processor", type: "access" });
    const res = await b.app.inject({
      method: "POST",
      url: `/api/v1/organisations/julie-desk/requests/${request.id}/forward`,
      headers: b.admin,
      payload: { controllerRef: "slash-clients", peer: "cabinet-durand" },
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().request.status, "awaiting_controller");
    await settle();

    const copyRow = await a.ctx.db
      .selectFrom("requests")
      .selectAll()
      .where("org_id", "=", ids.durand)
      .executeTakeFirstOrThrow();
    assert.equal(copyRow.role, "controller");
    assert.equal(copyRow.channel, "opendsr");
    // Nothing before the controller's instruction, whatever the scheduler does.
    await runForwardingTick(b.ctx);
    await runForwardingTick(a.ctx);
    assert.equal(
      (await getRequest(b.ctx, { orgId: ids.julie, requestId: request.id })).status,
      "awaiting_controller",
    );

    const instruct = await a.app.inject({
      method: "POST",
      url: `/api/v1/organisations/cabinet-durand/requests/${copyRow.id}/instruct-processors`,
      headers: a.admin,
      payload: { instruction: "Envoyez-lui l'historique de ses rendez-vous." },
    });
    assert.equal(instruct.statusCode, 200, instruct.body);
    const [origin] = instruct.json().parties;
    assert.equal(origin.origin, true);
    assert.equal(origin.status, "sent");
    await settle();

    const proceeding = await getRequest(b.ctx, { orgId: ids.julie, requestId: request.id });
    assert.equal(proceeding.status, "in_progress");
    const event = await b.ctx.db
      .selectFrom("request_events")
      .selectAll()
      .where("request_id", "=", request.id)
      .where("kind", "=", "controller_instruction")
      .executeTakeFirstOrThrow();
    assert.equal(JSON.parse(event.data).via, "opendsr");
    assert.equal(event.actor, "opendsr:cabinet-durand");
    assert.equal(
      openText(b.ctx.config, event.data_sealed!, {
        use: "requester-identity",
        aad: `${request.id}:event:${event.id}`,
      }),
      "Envoyez-lui l'historique de ses rendez-vous.",
    );

    await transitionRequest(b.ctx, {
      orgId: ids.julie,
      requestId: request.id,
      to: "answered",
      outcome: "granted",
      actor: "test",
    });
    await runForwardingTick(b.ctx);
    const parties = await a.app.inject({
      method: "GET",
      url: `/api/v1/organisations/cabinet-durand/requests/${copyRow.id}/parties`,
      headers: a.admin,
    });
    assert.equal(parties.json().items[0].status, "answered");
    assert.equal(
      (await getRequest(a.ctx, { orgId: ids.durand, requestId: copyRow.id })).status,
      "in_progress",
    );
  });

  test("a bad signature is refused before the body is parsed; an unknown or unsigned peer is refused", async () => {
    const julieKey = await identity(b, "julie-desk");
    const url = `${a.base}/opendsr/v1/requests`;
    const notJson = Buffer.from("{this is not JSON", "utf8");
    const stranger = generateKeyPairSync("rsa", { modulusLength: 2048 });

    // Julie Desk's key id, someone else's signature: the signature error, not a JSON error.
    const forged = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [KEY_ID_HEADER]: julieKey.keyId,
        [SIGNATURE_HEADER]: signBytes(stranger.privateKey, notJson),
      },
      body: notJson,
    });
    assert.equal(forged.status, 403);
    assert.deepEqual(((await forged.json()) as { details: unknown }).details, {
      reason: "signature_mismatch",
    });

    // The same bytes signed by Julie Desk's real key get through the signature, then fail as JSON.
    const { getSigningKey } = await import("./signing-key.ts");
    const real = await getSigningKey(b.ctx, ids.julie);
    const signed = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [KEY_ID_HEADER]: real.keyId,
        [SIGNATURE_HEADER]: signBytes(real.privateKey, notJson),
      },
      body: notJson,
    });
    assert.equal(signed.status, 400);
    assert.equal(((await signed.json()) as { details: { reason: string } }).details.reason, "invalid_json");

    // A key nobody registered: 401, whatever the body.
    const unknown = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [KEY_ID_HEADER]: keyIdOf(stranger.publicKey),
        [SIGNATURE_HEADER]: signBytes(stranger.privateKey, notJson),
      },
      body: notJson,
    });
    assert.equal(unknown.status, 401);
    const unsigned = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    assert.equal(unsigned.status, 401);
    assert.equal(
      await a.ctx.db
        .selectFrom("opendsr_exchanges")
        .select("id")
        .where("direction", "=", "inbound")
        .where("org_id", "=", ids.regis)
        .executeTakeFirst(),
      undefined,
    );
  });

  test("a replayed request is answered again, not created twice; a reused id with another body is a 409", async () => {
    const peer = await getPeer(a.ctx, { orgId: ids.regis, ref: "julie-desk" });
    const body = JSON.stringify({
      regulation: "gdpr",
      subject_request_id: randomUUID(),
      subject_request_type: "erasure",
      submitted_time: "2026-11-23T10:00:00Z",
      subject_identities: [
        { identity_type: "email", identity_value: "dominique@exemple.fr", identity_format: "raw" },
        { identity_type: "email", identity_value: "a".repeat(64), identity_format: "sha256" },
      ],
      api_version: "2.0",
      status_callback_urls: [],
    });
    const send = (text: string) =>
      callPeer(a.ctx, {
        orgId: ids.regis,
        peer,
        method: "POST",
        url: `${peer.baseUrl}/requests`,
        body: text,
      });
    const first = await send(body);
    const second = await send(body);
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.ok(first.signedByPeer && second.signedByPeer, "answers are signed by Julie Desk's key");
    const one = JSON.parse(first.body.toString());
    const two = JSON.parse(second.body.toString());
    assert.equal(two.subject_request_id, one.subject_request_id);
    assert.equal(two.received_time, one.received_time);
    assert.equal(Buffer.from(one.encoded_request, "base64").toString(), body);
    const copies = await b.ctx.db
      .selectFrom("opendsr_exchanges")
      .selectAll()
      .where("subject_request_id", "=", one.subject_request_id)
      .execute();
    assert.equal(copies.length, 1);
    assert.ok(
      !Object.keys(copies[0]!).some((column) => column.includes("identit")),
      "the identities are kept once, on the request",
    );
    const copy = await getRequest(b.ctx, { orgId: ids.julie, requestId: copies[0]!.request_id });
    assert.equal(copy.requester.email, "dominique@exemple.fr");
    assert.equal(copy.requester.customerId, `opendsr:email:sha256:${"a".repeat(64)}`);

    const reused = await send(body.replace("erasure", "access"));
    assert.equal(reused.status, 409);

    // Pending, so it can be cancelled (signed DELETE); then it is no longer pending.
    const path = `${peer.baseUrl}/requests/${one.subject_request_id}`;
    const cancel = await callPeer(a.ctx, { orgId: ids.regis, peer, method: "DELETE", url: path });
    assert.equal(cancel.status, 202);
    assert.ok(cancel.signedByPeer);
    assert.equal((await getRequest(b.ctx, { orgId: ids.julie, requestId: copy.id })).status, "withdrawn");
    const status = await callPeer(a.ctx, { orgId: ids.regis, peer, method: "GET", url: path });
    assert.equal(JSON.parse(status.body.toString()).request_status, "cancelled");
    assert.equal(
      (await callPeer(a.ctx, { orgId: ids.regis, peer, method: "DELETE", url: path })).status,
      409,
    );

    // Another peer (Cabinet Durand) asking about Régis's request learns nothing: 404, like an unknown id.
    const durandPeer = await getPeer(a.ctx, { orgId: ids.durand, ref: "julie-desk" });
    const foreign = await callPeer(a.ctx, { orgId: ids.durand, peer: durandPeer, method: "GET", url: path });
    assert.equal(foreign.status, 404);
    const unknownId = await callPeer(a.ctx, {
      orgId: ids.regis,
      peer,
      method: "GET",
      url: `${peer.baseUrl}/requests/${randomUUID()}`,
    });
    assert.equal(unknownId.status, 404);
  });

  test("a request without a raw e-mail is refused with the field named, after the signature", async () => {
    const peer = await getPeer(a.ctx, { orgId: ids.regis, ref: "julie-desk" });
    const res = await callPeer(a.ctx, {
      orgId: ids.regis,
      peer,
      method: "POST",
      url: `${peer.baseUrl}/requests`,
      body: JSON.stringify({
        regulation: "gdpr",
        subject_request_id: randomUUID(),
        subject_request_type: "erasure",
        submitted_time: "2026-11-23T10:00:00Z",
        subject_identities: [
          { identity_type: "controller_customer_id", identity_value: "C-1", identity_format: "raw" },
        ],
        status_callback_urls: ["https://evil.example/hook"],
      }),
    });
    assert.equal(res.status, 400);
    const issues = JSON.parse(res.body.toString()).details.issues as Array<{ path: string; rule: string }>;
    assert.deepEqual(
      issues.map((i) => `${i.path}:${i.rule}`),
      ["status_callback_urls[0]:peer_host"],
      "a callback URL off the peer's host is refused first (SSRF)",
    );
    const noEmail = await callPeer(a.ctx, {
      orgId: ids.regis,
      peer,
      method: "POST",
      url: `${peer.baseUrl}/requests`,
      body: JSON.stringify({
        regulation: "gdpr",
        subject_request_id: randomUUID(),
        subject_request_type: "erasure",
        submitted_time: "2026-11-23T10:00:00Z",
        subject_identities: [
          { identity_type: "controller_customer_id", identity_value: "C-1", identity_format: "raw" },
        ],
      }),
    });
    assert.equal(noEmail.status, 400);
    assert.equal(JSON.parse(noEmail.body.toString()).details.issues[0].rule, "raw_email_required");
  });
});
