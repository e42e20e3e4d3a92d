import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { loadSecretKey } from "../app/load-secret-key.ts";
import type { Config } from "../config/config.schema.ts";

/** One key per use, derived from the install's secret (HKDF-SHA256): a leak of one use exposes no other. */
export function deriveKey(config: Config, use: "email-encryption" | "email-lookup" | "link-signing"): Buffer {
  return Buffer.from(hkdfSync("sha256", loadSecretKey(config), Buffer.alloc(0), `gardien:${use}`, 32));
}

/** Addresses compare case-insensitively and without surrounding spaces (the local part's case is ignored too: no mail system relies on it). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** HMAC-SHA256 of the normalised address: finds a subscriber and refuses duplicates without storing the address in clear. */
export function emailLookupHash(config: Config, email: string): string {
  return createHmac("sha256", deriveKey(config, "email-lookup")).update(normaliseEmail(email)).digest("hex");
}

/** AES-256-GCM with a random 96-bit nonce: `v1.<nonce>.<tag>.<ciphertext>`, base64url parts. */
export function encryptEmail(config: Config, email: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", deriveKey(config, "email-encryption"), iv);
  // Stored as typed (trimmed): the hash, not the stored text, decides what is a duplicate.
  const body = Buffer.concat([cipher.update(email.trim(), "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

export function decryptEmail(config: Config, stored: string): string {
  const [version, iv, tag, body] = stored.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined)
    throw new Error("unknown encrypted address format");
  const decipher = createDecipheriv(
    "aes-256-gcm",
    deriveKey(config, "email-encryption"),
    Buffer.from(iv, "base64url"),
  );
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
