/** Who may not call the OpenDSR routes: staff routes without the organisation's token, peers without a good signature. */
import assert from "node:assert/strict";
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import {
  bodylessSignedBytes,
  KEY_ID_HEADER,
  keyIdOf,
  RECIPIENT_HEADER,
  SIGNATURE_HEADER,
  signBytes,
  TIMESTAMP_HEADER,
} from "../../opendsr/opendsr-signature.ts";
import { type ApiKit, bearer, type Headers, startApi } from "../testing/api-test-kit.ts";

const peerKeys = generateKeyPairSync("rsa", { modulusLength: 2048 });
const peerKeyId = keyIdOf(peerKeys.publicKey);
const peers = (slug: string) => `/api/v1/organisations/${slug}/opendsr/peers`;

describe("OpenDSR: security", () => {
  let kit: ApiKit;
  let tokenA: Headers;
  let tokenB: Headers;
  let recipientA: string;

  function signedPost(body: string, key = peerKeys.privateKey, keyId = peerKeyId) {
    const bytes = Buffer.from(body);
    return kit.call({
      method: "POST",
      url: "/opendsr/v1/requests",
      headers: {
        "content-type": "application/json",
        [KEY_ID_HEADER]: keyId,
        [SIGNATURE_HEADER]: signBytes(key, bytes),
      },
      payload: bytes,
    });
  }

  function signedGet(path: string, options: { timestamp?: string; recipient?: string } = {}) {
    const timestamp = options.timestamp ?? kit.ctx.now().toISOString();
    const recipient = options.recipient ?? recipientA;
    return kit.call({
      method: "GET",
      url: path,
      headers: {
        [KEY_ID_HEADER]: peerKeyId,
        [TIMESTAMP_HEADER]: timestamp,
        [RECIPIENT_HEADER]: recipient,
        [SIGNATURE_HEADER]: signBytes(
          peerKeys.privateKey,
          bodylessSignedBytes({ method: "GET", path, timestamp, recipientKeyId: recipient }),
        ),
      },
    });
  }

  const requestBody = (id = randomUUID()) =>
    JSON.stringify({
      regulation: "gdpr",
      subject_request_id: id,
      subject_request_type: "access",
      submitted_time: "2026-11-24T08:00:00Z",
      subject_identities: [
        { identity_type: "email", identity_value: "jo@exemple.fr", identity_format: "raw" },
      ],
    });

  before(async () => {
    kit = await startApi("http-opendsr-security");
    tokenA = await kit.organisation("org-a");
    tokenB = await kit.organisation("org-b");
    const peer = {
      ref: "client",
      name: "Client",
      kind: "remote",
      relation: "controller",
      baseUrl: "https://client.example/opendsr/v1",
      publicKey: peerKeys.publicKey.export({ type: "spki", format: "pem" }).toString(),
    };
    assert.equal(
      (await kit.call({ method: "POST", url: peers("org-a"), headers: tokenA, payload: peer })).statusCode,
      201,
    );
    recipientA = (
      await kit.call({ method: "GET", url: "/api/v1/organisations/org-a/opendsr/identity", headers: tokenA })
    ).json().keyId;
  });
  after(() => kit.close());

  test("peer routes: no token or a bad one is 401", async () => {
    for (const headers of [{}, bearer("gdn_not-a-real-token")]) {
      for (const call of [
        { method: "GET", url: peers("org-a") },
        { method: "GET", url: `${peers("org-a")}/client` },
        { method: "POST", url: peers("org-a"), payload: {} },
        { method: "PUT", url: `${peers("org-a")}/client`, payload: {} },
        { method: "DELETE", url: `${peers("org-a")}/client` },
        { method: "GET", url: "/api/v1/organisations/org-a/opendsr/identity" },
      ] as const) {
        const res = await kit.call({ ...call, headers });
        assert.equal(res.statusCode, 401, `${call.method} ${call.url}`);
      }
    }
  });

  test("peer routes: another organisation's token is 403 and changes nothing", async () => {
    for (const call of [
      { method: "GET", url: peers("org-a") },
      { method: "GET", url: `${peers("org-a")}/client` },
      {
        method: "POST",
        url: peers("org-a"),
        payload: { ref: "x", name: "X", kind: "local", relation: "controller", organisation: "org-b" },
      },
      { method: "DELETE", url: `${peers("org-a")}/client` },
      { method: "GET", url: "/api/v1/organisations/org-a/opendsr/identity" },
    ] as const) {
      const res = await kit.call({ ...call, headers: tokenB });
      assert.equal(res.statusCode, 403, `${call.method} ${call.url}`);
    }
    const still = (
      await kit.call({ method: "GET", url: `${peers("org-a")}/client`, headers: tokenA })
    ).json();
    assert.equal(still.status, "active");
  });

  test("peer routes: another organisation's peer is not found, like an unknown one", async () => {
    const foreign = await kit.call({ method: "GET", url: `${peers("org-b")}/client`, headers: tokenB });
    const unknown = await kit.call({ method: "GET", url: `${peers("org-a")}/nobody`, headers: tokenA });
    assert.equal(foreign.statusCode, 404);
    assert.equal(unknown.statusCode, 404);
    assert.equal(foreign.json().code, unknown.json().code);
  });

  test("OpenDSR: unsigned, unknown key, bad signature — refused, and nothing is created", async () => {
    const unsigned = await kit.call({
      method: "POST",
      url: "/opendsr/v1/requests",
      headers: { "content-type": "application/json" },
      payload: requestBody(),
    });
    assert.equal(unsigned.statusCode, 401);
    assert.equal(unsigned.headers["www-authenticate"], 'Signature realm="opendsr"');
    const stranger = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const unknown = await signedPost(requestBody(), stranger.privateKey, keyIdOf(stranger.publicKey));
    assert.equal(unknown.statusCode, 401);
    assert.equal(unknown.json().details.reason, "unknown_signer");
    const forged = await signedPost(requestBody(), stranger.privateKey, peerKeyId);
    assert.equal(forged.statusCode, 403);
    // A signature over other bytes: the body was changed after signing.
    const body = requestBody();
    const tampered = await kit.call({
      method: "POST",
      url: "/opendsr/v1/requests",
      headers: {
        "content-type": "application/json",
        [KEY_ID_HEADER]: peerKeyId,
        [SIGNATURE_HEADER]: signBytes(peerKeys.privateKey, Buffer.from(body)),
      },
      payload: body.replace("access", "erasure"),
    });
    assert.equal(tampered.statusCode, 403);
    const count = await kit.ctx.db.selectFrom("requests").select("id").execute();
    assert.equal(count.length, 0);
  });

  test("OpenDSR: a body over the limit is refused before it is read in full", async () => {
    const res = await signedPost(`{"x":"${"a".repeat(70 * 1024)}"}`);
    assert.equal(res.statusCode, 413);
  });

  test("OpenDSR: status requests need a fresh signature, for this recipient, about the peer's own request", async () => {
    const id = randomUUID();
    assert.equal((await signedPost(requestBody(id))).statusCode, 201);
    const path = `/opendsr/v1/requests/${id}`;
    assert.equal((await signedGet(path)).statusCode, 200);
    const stale = await signedGet(path, {
      timestamp: new Date(kit.ctx.now().getTime() - 10 * 60_000).toISOString(),
    });
    assert.equal(stale.statusCode, 403);
    assert.equal(stale.json().details.reason, "stale_timestamp");
    const elsewhere = await signedGet(path, { recipient: "x".repeat(43) });
    assert.equal(elsewhere.statusCode, 403);
    // The signature covers the path: replaying it on another id fails.
    const timestamp = kit.ctx.now().toISOString();
    const replayed = await kit.call({
      method: "GET",
      url: `/opendsr/v1/requests/${randomUUID()}`,
      headers: {
        [KEY_ID_HEADER]: peerKeyId,
        [TIMESTAMP_HEADER]: timestamp,
        [RECIPIENT_HEADER]: recipientA,
        [SIGNATURE_HEADER]: signBytes(
          peerKeys.privateKey,
          bodylessSignedBytes({ method: "GET", path, timestamp, recipientKeyId: recipientA }),
        ),
      },
    });
    assert.equal(replayed.statusCode, 403);
    assert.equal((await signedGet(`/opendsr/v1/requests/${randomUUID()}`)).statusCode, 404);
  });

  test("OpenDSR: an archived peer's signature is no longer accepted", async () => {
    await kit.call({ method: "DELETE", url: `${peers("org-a")}/client`, headers: tokenA });
    const res = await signedPost(requestBody());
    assert.equal(res.statusCode, 401);
    const callback = await kit.call({
      method: "POST",
      url: "/opendsr/v1/callbacks",
      headers: {
        "content-type": "application/json",
        [KEY_ID_HEADER]: peerKeyId,
        [SIGNATURE_HEADER]: signBytes(peerKeys.privateKey, Buffer.from("{}")),
      },
      payload: "{}",
    });
    assert.equal(callback.statusCode, 401);
  });
});
