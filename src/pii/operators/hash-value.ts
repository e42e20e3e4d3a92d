import type { EntityType } from "../entity.ts";
import { createHmacSha256 } from "../vault/hmac-sha256.ts";
import { normaliseValue } from "./normalise-value.ts";

/** Hex characters kept from the HMAC: 64 bits, enough to join on without colliding in practice. */
export const HASH_HEX_LENGTH = 16;

const macs = new WeakMap<Uint8Array, (message: string) => Buffer>();

/**
 * Keyed hash of a value, `<TYPE:hex>`. HMAC-SHA-256 rather than a plain hash: without the key, nobody can
 * test a guessed phone number or NIR against the output (their value spaces are small enough to enumerate).
 */
export function hashValue(type: EntityType, value: string, key: Uint8Array): string {
  let mac = macs.get(key);
  if (!mac) {
    mac = createHmacSha256(key);
    macs.set(key, mac);
  }
  const hex = mac(`${type}\0${normaliseValue(type, value)}`).toString("hex");
  return `<${type}:${hex.slice(0, HASH_HEX_LENGTH)}>`;
}
