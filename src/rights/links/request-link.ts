/**
 * Signed, expiring links of the rights workflow: the identity check, the requester's status page, the
 * data package download, a controller's confirm/refuse decision. A token is `<payload>.<signature>`
 * (base64url; HMAC-SHA256 under a key derived for links, see src/crypto/keyring.ts). The payload names
 * the request and the purpose, never the person; a random nonce makes every token unguessable even for
 * a known request id.
 */
import type { Config } from "../../config/config.schema.ts";
import { randomSlice } from "../../crypto/random-pool.ts";
import { openSignedPayload, signPayload } from "../../crypto/signed-payload.ts";
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

/** @example const token = signRequestLink(ctx.config, { requestId, purpose: "status", expiresAt: Date.now() + 864e5 }) */
export function signRequestLink(config: Config, claims: LinkClaims): string {
  return signPayload(config, "request-link", {
    r: claims.requestId,
    p: claims.purpose,
    e: claims.expiresAt,
    ...(claims.subject !== undefined ? { s: claims.subject } : {}),
    n: randomSlice(9).toString("base64url"),
  });
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
  const data = openSignedPayload(config, "request-link", token);
  if (!data || data.p !== purpose || typeof data.r !== "string" || typeof data.e !== "number")
    throw invalidRequestLink();
  if (data.e < now.getTime()) throw invalidRequestLink();
  return {
    requestId: data.r,
    purpose,
    expiresAt: data.e,
    ...(typeof data.s === "string" ? { subject: data.s } : {}),
  };
}
