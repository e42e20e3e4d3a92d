import { randomFillSync } from "node:crypto";

const POOL_SIZE = 4096;
const pool = Buffer.allocUnsafe(POOL_SIZE);
let offset = POOL_SIZE;

/**
 * `n` bytes from the system CSPRNG, drawn from a pool refilled 4 KiB at a time (as node:crypto's
 * randomUUID does): randomBytes(12) makes one call into the CSPRNG per nonce, 20 times the cost of a
 * copy, and intake draws several nonces per request. Each byte is handed out once; the result is a copy.
 *
 * @example const iv = randomSlice(12);
 */
export function randomSlice(n: number): Buffer {
  if (n > POOL_SIZE) return randomFillSync(Buffer.allocUnsafe(n));
  if (offset + n > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const out = Buffer.from(pool.subarray(offset, offset + n));
  offset += n;
  return out;
}
