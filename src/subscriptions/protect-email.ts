import type { Config } from "../config/config.schema.ts";
import { lookupHash, openText, sealText } from "../crypto/seal.ts";

/** Addresses compare case-insensitively and without surrounding spaces (the local part's case is ignored too: no mail system relies on it). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * HMAC-SHA256 of the normalised address under the current master key: finds a subscriber and refuses
 * duplicates without storing the address in clear. `gardien keys rotate` recomputes it after a rotation.
 */
export function emailLookupHash(config: Config, email: string): string {
  // Hex, as the first release stored it: the unique index holds these values.
  return Buffer.from(lookupHash(config, "email-lookup", normaliseEmail(email)), "base64url").toString("hex");
}

/** AES-256-GCM, sealed under the current master key (src/crypto/seal.ts). */
export function encryptEmail(config: Config, email: string): string {
  // Stored as typed (trimmed): the hash, not the stored text, decides what is a duplicate.
  return sealText(config, email.trim(), { use: "email-encryption" });
}

/** Opens addresses sealed by any known master key, including the first release's `v1` format. */
export function decryptEmail(config: Config, stored: string): string {
  return openText(config, stored, { use: "email-encryption" });
}
