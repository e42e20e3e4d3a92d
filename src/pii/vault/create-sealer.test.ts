import assert from "node:assert/strict";
import { createHmac, randomBytes } from "node:crypto";
import { test } from "node:test";
import { createSealer } from "./create-sealer.ts";
import { createHmacSha256 } from "./hmac-sha256.ts";

test("createHmacSha256 equals node's HMAC-SHA-256 for short and long keys", () => {
  for (const keyLength of [16, 32, 64, 100]) {
    const key = randomBytes(keyLength);
    const mac = createHmacSha256(key);
    for (const message of ["", "Jean Dupont", "é".repeat(200)]) {
      assert.deepEqual(mac(message), createHmac("sha256", key).update(message).digest());
    }
  }
});

test("sealed values open again, in any order, across keystream refills; tampering or another scope fails", () => {
  const sealer = createSealer();
  const values = Array.from({ length: 5000 }, (_, i) => `valeur ${i} ${"é".repeat(i % 40)} 😀`);
  values.push("x".repeat(100_000));
  const sealed = values.map((v) => sealer.seal("c1", v));
  for (const i of [5000, 4999, 0, 17, 2500, 1234]) assert.equal(sealer.open("c1", sealed[i]!), values[i]);
  assert.ok(!Buffer.from(sealed[1]!).toString("latin1").includes("valeur"));
  assert.equal(sealer.open("c2", sealed[3]!), undefined);
  const tampered = Buffer.from(sealed[3]!);
  tampered[tampered.length - 1]! ^= 1;
  assert.equal(sealer.open("c1", tampered), undefined);
  // Equal values seal differently: nothing in the store tells that two tokens hide the same value.
  assert.notDeepEqual(sealer.seal("c1", "a"), sealer.seal("c1", "a"));
});
