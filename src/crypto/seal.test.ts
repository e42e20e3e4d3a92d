import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import { ConfigSchema } from "../config/config.schema.ts";
import { isSealedWithCurrentKey, lookupHash, openBytes, openText, sealBytes, sealText } from "./seal.ts";

const keyA = randomBytes(32).toString("base64");
const keyB = randomBytes(32).toString("base64");
const configA = Object.freeze(ConfigSchema.parse({ secretKey: keyA }));

test("a sealed text opens with the same use and row, and only with them", () => {
  const sealed = sealText(configA, "Marie Curie <marie@example.org>", {
    use: "requester-identity",
    aad: "r1",
  });
  assert.match(sealed, /^v2\.[0-9a-f]{8}\./);
  assert.ok(!sealed.includes("Marie"));
  assert.equal(
    openText(configA, sealed, { use: "requester-identity", aad: "r1" }),
    "Marie Curie <marie@example.org>",
  );
  assert.throws(
    () => openText(configA, sealed, { use: "requester-identity", aad: "r2" }),
    /authentication failed/,
  );
  assert.throws(
    () => openText(configA, sealed, { use: "request-attachment", aad: "r1" }),
    /authentication failed/,
  );
});

test("two seals of one value differ (random nonce); bytes round-trip", () => {
  const bytes = randomBytes(1000);
  const one = sealBytes(configA, bytes, { use: "request-attachment" });
  const two = sealBytes(configA, bytes, { use: "request-attachment" });
  assert.notEqual(one, two);
  assert.deepEqual(openBytes(configA, one, { use: "request-attachment" }), bytes);
});

test("rotation: the new key opens what the old one sealed only while it is listed as previous", () => {
  const sealed = sealText(configA, "secret", { use: "requester-identity" });
  const rotated = Object.freeze(ConfigSchema.parse({ secretKey: keyB, previousSecretKeys: keyA }));
  assert.equal(openText(rotated, sealed, { use: "requester-identity" }), "secret");
  assert.equal(isSealedWithCurrentKey(rotated, sealed), false);
  assert.equal(isSealedWithCurrentKey(rotated, sealText(rotated, "x", { use: "requester-identity" })), true);
  const forgotten = Object.freeze(ConfigSchema.parse({ secretKey: keyB }));
  assert.throws(() => openText(forgotten, sealed, { use: "requester-identity" }), /unknown key/);
});

test("a tampered ciphertext does not open, and the error quotes nothing", () => {
  const sealed = sealText(configA, "jean@example.org", { use: "requester-identity" });
  const parts = sealed.split(".");
  const body = Buffer.from(parts[4]!, "base64url");
  body[0] = body[0]! ^ 1;
  parts[4] = body.toString("base64url");
  assert.throws(
    () => openText(configA, parts.join("."), { use: "requester-identity" }),
    (e: Error) => !e.message.includes("jean") && /authentication failed/.test(e.message),
  );
});

test("lookup hashes are stable per key and per use", () => {
  const a = lookupHash(configA, "request-lookup", "jean@example.org");
  assert.equal(a, lookupHash(configA, "request-lookup", "jean@example.org"));
  assert.notEqual(a, lookupHash(configA, "email-encryption", "jean@example.org"));
  const other = Object.freeze(ConfigSchema.parse({ secretKey: keyB }));
  assert.notEqual(a, lookupHash(other, "request-lookup", "jean@example.org"));
});

test("previousSecretKeys names the rule when a key is malformed", () => {
  const result = ConfigSchema.safeParse({ previousSecretKeys: "abc" });
  assert.equal(result.success, false);
  assert.match(JSON.stringify(result.error?.issues), /32 bytes/);
});
