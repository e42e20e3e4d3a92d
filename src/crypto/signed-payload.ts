/**
 * Tokens that carry a small JSON payload and its signature: `<payload>.<signature>` (base64url; HMAC-SHA256
 * under a key derived for one use). Signed with the current master key, accepted under any known one, so
 * a link sent before a key rotation keeps working while the retired key is listed.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Config } from "../config/config.schema.ts";
import { type KeyUse, loadKeyring, type MasterKey, useKeyObject } from "./keyring.ts";

/** Longer tokens are refused before any HMAC is computed: no link Gardien sends comes near it. */
const MAX_TOKEN_LENGTH = 2048;

function signWith(master: MasterKey, use: KeyUse, payload: string): string {
  return createHmac("sha256", useKeyObject(master, use)).update(payload).digest("base64url");
}

export function signPayload(config: Config, use: KeyUse, claims: Record<string, unknown>): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${payload}.${signWith(loadKeyring(config).current, use, payload)}`;
}

/**
 * The payload of a token signed for this use by a known key, or undefined for anything else (malformed,
 * altered, forged, too long). Callers check the claims and give their own error: which check failed is
 * never said.
 */
export function openSignedPayload(
  config: Config,
  use: KeyUse,
  token: string,
): Record<string, unknown> | undefined {
  if (token.length > MAX_TOKEN_LENGTH) return undefined;
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return undefined;
  const given = Buffer.from(signature);
  let valid = false;
  for (const master of loadKeyring(config).byKid.values()) {
    const expected = Buffer.from(signWith(master, use, payload));
    if (expected.length === given.length && timingSafeEqual(expected, given)) valid = true;
  }
  if (!valid) return undefined;
  try {
    const data: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return data !== null && typeof data === "object" && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
