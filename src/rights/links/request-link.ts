/**
 * Signed, expiring links of the rights workflow: the identity check, the requester's status page, the
 * data package download, a controller's confirm/refuse decision. A token is `<payload>.<signature>`
 * (base64url; HMAC-SHA256 under a key derived for links, see src/crypto/keyring.ts). The payload names
 * the request and the purpose, never the person; a random nonce makes every token unguessable even for
 * a known request id.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Config } from "../../config/config.schema.ts";
import { deriveUseKey, loadKeyring } from "../../crypto/keyring.ts";
import { AppError } from "../../errors/app-error.ts";

export const LINK_PURPOSES = ["identity", "status", "package", "controller-decision", "more-info"] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

export type LinkClaims = {
  requestId: string;
  purpose: LinkPurpose;
  /** Expiry, ms since epoch. Every request link expires. */
  expiresAt: number;
  /** Purpose-specific, non-personal: a package id, a party id. */
  subject?: string;
};

function signWith(key: Buffer, payload: string): string {
  return createHmac("sha256", key).update(payload).digest("base64url");
}

/** @example const token = signRequestLink(ctx.config, { requestId, purpose: "status", expiresAt: Date.now() + 864e5 }) */
export function signRequestLink(config: Config, claims: LinkClaims): string {
  const payload = Buffer.from(
    JSON.stringify({
      r: claims.requestId,
      p: claims.purpose,
      e: claims.expiresAt,
      ...(claims.subject !== undefined ? { s: claims.subject } : {}),
      n: randomBytes(9).toString("base64url"),
    }),
  ).toString("base64url");
  return `${payload}.${signWith(deriveUseKey(loadKeyring(config).current, "request-link"), payload)}`;
}

export function invalidRequestLink(): AppError {
  return new AppError("BAD_REQUEST", "invalid or expired link", {
    userMessage: {
      fr: "Ce lien n'est pas valide ou a expiré. Contactez l'organisme pour en recevoir un nouveau.",
      en: "This link is invalid or has expired. Contact the organisation to receive a new one.",
    },
    details: { reason: "invalid_link" },
  });
}

/**
 * The claims of a valid, unexpired token of this purpose; BAD_REQUEST (`invalid_link`) for anything else,
 * without saying which check failed. Tokens signed before a key rotation stay valid until they expire.
 */
export function verifyRequestLink(
  config: Config,
  token: string,
  purpose: LinkPurpose,
  now: Date,
): LinkClaims {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined || token.length > 2048) throw invalidRequestLink();
  const given = Buffer.from(signature);
  let valid = false;
  for (const master of loadKeyring(config).byKid.values()) {
    const expected = Buffer.from(signWith(deriveUseKey(master, "request-link"), payload));
    if (expected.length === given.length && timingSafeEqual(expected, given)) valid = true;
  }
  if (!valid) throw invalidRequestLink();
  let data: { r?: unknown; p?: unknown; e?: unknown; s?: unknown };
  try {
    data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as typeof data;
  } catch {
    throw invalidRequestLink();
  }
  if (data.p !== purpose || typeof data.r !== "string" || typeof data.e !== "number")
    throw invalidRequestLink();
  if (data.e < now.getTime()) throw invalidRequestLink();
  return {
    requestId: data.r,
    purpose,
    expiresAt: data.e,
    ...(typeof data.s === "string" ? { subject: data.s } : {}),
  };
}
