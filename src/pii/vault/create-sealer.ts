import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from "node:crypto";
import { createHmacSha256 } from "./hmac-sha256.ts";

/** Encrypts values for a vault and opens them again; `scope` is authenticated with each value. */
export type Sealer = {
  seal(scope: string, value: string): Uint8Array;
  open(scope: string, sealed: Uint8Array): string | undefined;
};

const HEADER = 8 + 16; // stream offset, tag
const POOL = 64 * 1024;
const ZEROS = Buffer.alloc(POOL);

/**
 * Encrypt-then-MAC with keys drawn at random per sealer and never leaving this process: AES-256-CTR for
 * confidentiality, HMAC-SHA-256 (truncated to 128 bits) over scope, position and ciphertext for integrity.
 * One CTR stream serves every value, each taking fresh keystream at an increasing offset (never reused),
 * because creating a cipher per value (as AES-GCM would need, one nonce each) costs ~20 µs and made
 * sealing the bottleneck of pseudonymisation. Opening is rarer (re-identification) and does create a
 * decipher positioned at the value's offset.
 *
 * Sealed layout: offset (8 bytes, big-endian) | tag (16) | ciphertext.
 */
export function createSealer(): Sealer {
  const encKey = randomBytes(32);
  const iv0 = randomBytes(16);
  const mac = createHmacSha256(randomBytes(32));
  const stream = createCipheriv("aes-256-ctr", encKey, iv0);
  let pool: Buffer = Buffer.alloc(0);
  let poolStart = 0;
  let used = 0;

  const tagOf = (scope: string, header: Uint8Array, ciphertext: Uint8Array): Buffer =>
    mac(Buffer.concat([Buffer.from(`${scope}\0`, "utf8"), header.subarray(0, 8), ciphertext])).subarray(
      0,
      16,
    );

  return {
    seal(scope, value) {
      const plain = Buffer.from(value, "utf8");
      const n = plain.length;
      if (used + n > pool.length) {
        // The rest of the pool is dropped, never used: keystream must not serve twice.
        poolStart += pool.length;
        pool = n > POOL ? stream.update(Buffer.alloc(n)) : stream.update(ZEROS);
        used = 0;
      }
      const offset = poolStart + used;
      const out = Buffer.allocUnsafe(HEADER + n);
      out.writeUInt32BE(Math.floor(offset / 2 ** 32), 0);
      out.writeUInt32BE(offset >>> 0, 4);
      for (let i = 0; i < n; i++) out[HEADER + i] = plain[i]! ^ pool[used + i]!;
      used += n;
      tagOf(scope, out, out.subarray(HEADER)).copy(out, 8);
      return out;
    },
    open(scope, sealed) {
      if (sealed.length < HEADER) return undefined;
      const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
      const ciphertext = buf.subarray(HEADER);
      if (!timingSafeEqual(tagOf(scope, buf, ciphertext), buf.subarray(8, HEADER))) return undefined;
      const offset = buf.readUInt32BE(0) * 2 ** 32 + buf.readUInt32BE(4);
      // AES-CTR counts 16-byte blocks on the whole 128-bit IV: start the counter at the value's block.
      const counter = (BigInt(`0x${iv0.toString("hex")}`) + BigInt(Math.floor(offset / 16))) % 2n ** 128n;
      const iv = Buffer.from(counter.toString(16).padStart(32, "0"), "hex");
      const skip = offset % 16;
      const keystream = createDecipheriv("aes-256-ctr", encKey, iv).update(
        Buffer.alloc(skip + ciphertext.length),
      );
      const plain = Buffer.allocUnsafe(ciphertext.length);
      for (let i = 0; i < ciphertext.length; i++) plain[i] = ciphertext[i]! ^ keystream[skip + i]!;
      return plain.toString("utf8");
    },
  };
}
