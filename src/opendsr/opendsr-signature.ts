/**
 * The OpenDSR signature scheme as Gardien speaks it (the README's OpenDSR section says the same for peers):
 *
 * - RSASSA-PKCS1-v1_5 with SHA-256 (FIPS 186-4, as OpenDSR §4.2 asks), 2048-bit keys, one pair per
 *   organisation.
 * - `X-OpenDSR-Signature`: base64 signature of the raw body bytes exactly as sent (POST: requests,
 *   callbacks and signed responses). It is checked before the body is parsed.
 * - `X-OpenDSR-Key-Id`: the signer's key id, the base64url SHA-256 of its public key (SPKI DER). OpenDSR
 *   names the signer by domain; Gardien hosts many organisations per domain, so it names the key.
 * - A request without a body (GET status, DELETE cancel) signs the line
 *   `METHOD\nPATH\nTIMESTAMP\nRECIPIENT-KEY-ID` instead, with `X-OpenDSR-Timestamp` (RFC 3339) within five
 *   minutes of the receiver's clock: a signature of the empty body would be the same for every id.
 */
import { createHash, createPublicKey, type KeyObject, sign, verify } from "node:crypto";

export const SIGNATURE_HEADER = "x-opendsr-signature";
export const KEY_ID_HEADER = "x-opendsr-key-id";
export const TIMESTAMP_HEADER = "x-opendsr-timestamp";
/** For bodyless requests: the key id of the organisation addressed (it is part of the signed line). */
export const RECIPIENT_HEADER = "x-opendsr-recipient";

export const SIGNATURE_ALGORITHM = "RSA-SHA256";
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** The key id of a public key (PEM or KeyObject): base64url SHA-256 of its SPKI DER encoding. */
export function keyIdOf(publicKey: string | KeyObject): string {
  const key = typeof publicKey === "string" ? createPublicKey(publicKey) : publicKey;
  const der = key.export({ type: "spki", format: "der" });
  return createHash("sha256").update(der).digest("base64url");
}

/** @example const signature = signBytes(privateKey, Buffer.from(body)); */
export function signBytes(privateKey: KeyObject, bytes: Buffer): string {
  return sign("sha256", bytes, privateKey).toString("base64");
}

/** Never throws: a malformed signature is simply not valid. */
export function verifyBytes(publicKey: KeyObject, bytes: Buffer, signature: string): boolean {
  if (signature.length === 0 || signature.length > 2048 || !/^[A-Za-z0-9+/]+=*$/.test(signature))
    return false;
  try {
    return verify("sha256", bytes, publicKey, Buffer.from(signature, "base64"));
  } catch {
    return false;
  }
}

/** What a bodyless request signs: the method, the path as sent (with its query), the time and the addressee. */
export function bodylessSignedBytes(input: {
  method: string;
  path: string;
  timestamp: string;
  recipientKeyId: string;
}): Buffer {
  return Buffer.from(
    `${input.method.toUpperCase()}\n${input.path}\n${input.timestamp}\n${input.recipientKeyId}`,
    "utf8",
  );
}

/** Whether a bodyless request's timestamp is an RFC 3339 time within the allowed skew of `now`. */
export function isFreshTimestamp(timestamp: string, now: Date): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(timestamp)) return false;
  const at = Date.parse(timestamp);
  return Number.isFinite(at) && Math.abs(at - now.getTime()) <= MAX_CLOCK_SKEW_MS;
}

/**
 * A peer's public key as staff paste it: a PEM SPKI RSA key of at least 2048 bits. Returns the key, or a
 * reason it is refused (no key material is ever quoted).
 */
export function parsePeerPublicKey(pem: string): { key: KeyObject } | { error: string } {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    return { error: "is not a PEM public key" };
  }
  if (key.asymmetricKeyType !== "rsa") return { error: "must be an RSA public key (RSA-SHA256)" };
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < 2048) return { error: "must be an RSA key of at least 2048 bits" };
  return { key };
}
