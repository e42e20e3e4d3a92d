import assert from "node:assert/strict";
import { test } from "node:test";
import { randomSlice } from "./random-pool.ts";

test("randomSlice hands out each pooled byte once, across refills, as independent copies", () => {
  const seen = new Set<string>();
  // 2,000 nonces of 12 bytes span several 4 KiB refills.
  for (let i = 0; i < 2000; i++) {
    const nonce = randomSlice(12);
    assert.equal(nonce.length, 12);
    const hex = nonce.toString("hex");
    assert.ok(!seen.has(hex), "no nonce repeats");
    seen.add(hex);
  }
  const a = randomSlice(16);
  const copy = Buffer.from(a);
  randomSlice(4096); // forces the pool to refill under a's feet
  assert.deepEqual(a, copy, "a slice is a copy, not a view of the pool");
  assert.equal(randomSlice(10_000).length, 10_000, "larger than the pool: drawn directly");
  // Bytes look uniform: over 64 KiB no value is missing and none is far from 256 occurrences.
  const counts = new Array<number>(256).fill(0);
  for (let i = 0; i < 64; i++) for (const b of randomSlice(1024)) counts[b]!++;
  assert.ok(Math.min(...counts) > 150 && Math.max(...counts) < 380, "byte counts look uniform");
});
