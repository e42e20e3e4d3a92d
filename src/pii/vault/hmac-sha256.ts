import { hash } from "node:crypto";

const BLOCK = 64;

/**
 * HMAC-SHA-256 (RFC 2104) over `crypto.hash`, the one-shot digest: `createHmac` builds an OpenSSL context
 * per call (~14 µs here), which is most of the cost of hashing or pseudonymising a short value.
 * Returns a function of the message (UTF-8 string or bytes) to the raw 32-byte MAC.
 */
export function createHmacSha256(key: Uint8Array): (message: string | Uint8Array) => Buffer {
  let k = Buffer.from(key);
  if (k.length > BLOCK) k = hash("sha256", k, "buffer");
  const ipad = Buffer.alloc(BLOCK, 0x36);
  const opad = Buffer.alloc(BLOCK, 0x5c);
  for (let i = 0; i < k.length; i++) {
    ipad[i]! ^= k[i]!;
    opad[i]! ^= k[i]!;
  }
  return (message) => {
    const m = typeof message === "string" ? Buffer.from(message, "utf8") : message;
    const inner = hash("sha256", Buffer.concat([ipad, m]), "buffer");
    return hash("sha256", Buffer.concat([opad, inner]), "buffer");
  };
}
