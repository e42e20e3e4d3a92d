import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { describe, test } from "node:test";
import {
  bodylessSignedBytes,
  isFreshTimestamp,
  keyIdOf,
  parsePeerPublicKey,
  signBytes,
  verifyBytes,
} from "./opendsr-signature.ts";

const pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
const other = generateKeyPairSync("rsa", { modulusLength: 2048 });

describe("OpenDSR signatures", () => {
  test("a signature verifies on the exact bytes only", () => {
    const body = Buffer.from('{"subject_request_id":"a"}');
    const signature = signBytes(pair.privateKey, body);
    assert.equal(verifyBytes(pair.publicKey, body, signature), true);
    assert.equal(verifyBytes(pair.publicKey, Buffer.from('{"subject_request_id":"a"} '), signature), false);
    assert.equal(verifyBytes(other.publicKey, body, signature), false);
  });

  test("a malformed signature is just invalid, never an exception", () => {
    const body = Buffer.from("x");
    for (const bad of ["", "not base64!", "A".repeat(5000), "====", "AAAA"])
      assert.equal(verifyBytes(pair.publicKey, body, bad), false, JSON.stringify(bad.slice(0, 10)));
  });

  test("a bodyless request signs its method, path, time and addressee", () => {
    const line = {
      method: "get",
      path: "/opendsr/v1/requests/x?y=1",
      timestamp: "2026-11-24T09:00:00Z",
      recipientKeyId: "k",
    };
    const signature = signBytes(pair.privateKey, bodylessSignedBytes(line));
    assert.equal(
      verifyBytes(pair.publicKey, bodylessSignedBytes({ ...line, method: "GET" }), signature),
      true,
    );
    for (const change of [
      { method: "DELETE" },
      { path: "/opendsr/v1/requests/z" },
      { timestamp: "2026-11-24T09:00:01Z" },
      { recipientKeyId: "j" },
    ])
      assert.equal(
        verifyBytes(pair.publicKey, bodylessSignedBytes({ ...line, ...change }), signature),
        false,
      );
  });

  test("timestamps are RFC 3339 and within five minutes", () => {
    const now = new Date("2026-11-24T09:00:00Z");
    assert.equal(isFreshTimestamp("2026-11-24T09:04:59Z", now), true);
    assert.equal(isFreshTimestamp("2026-11-24T10:04:00+01:00", now), true);
    assert.equal(isFreshTimestamp("2026-11-24T09:05:01Z", now), false);
    assert.equal(isFreshTimestamp("2026-11-24T08:54:59Z", now), false);
    assert.equal(isFreshTimestamp("1764000000", now), false);
  });

  test("key ids are the SHA-256 of the public key, the same from PEM or key object", () => {
    const pem = pair.publicKey.export({ type: "spki", format: "pem" }).toString();
    assert.equal(keyIdOf(pem), keyIdOf(pair.publicKey));
    assert.match(keyIdOf(pem), /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(keyIdOf(pem), keyIdOf(other.publicKey));
  });

  test("peer keys: RSA of 2048 bits or more, PEM; reasons never quote the key", () => {
    const pem = pair.publicKey.export({ type: "spki", format: "pem" }).toString();
    assert.ok("key" in parsePeerPublicKey(pem));
    const small = generateKeyPairSync("rsa", { modulusLength: 1024 })
      .publicKey.export({ type: "spki", format: "pem" })
      .toString();
    assert.deepEqual(parsePeerPublicKey(small), { error: "must be an RSA key of at least 2048 bits" });
    const ed = generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" }).toString();
    assert.deepEqual(parsePeerPublicKey(ed), { error: "must be an RSA public key (RSA-SHA256)" });
    assert.deepEqual(parsePeerPublicKey("-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----"), {
      error: "is not a PEM public key",
    });
  });
});
