import type { Config } from "../config/config.schema.ts";
import { openSignedPayload, signPayload } from "../crypto/signed-payload.ts";
import { AppError } from "../errors/app-error.ts";

export type TokenPurpose = "confirm" | "unsubscribe";

/** A confirmation link is valid two days: long enough for a mailbox checked at the weekend. */
export const CONFIRM_TTL_MS = 48 * 60 * 60 * 1000;

/**
 * A signed link token `<payload>.<signature>` (base64url; HMAC-SHA256 over the payload). The payload holds
 * the subscriber's id (never the address), the purpose and, for confirmation, the expiry. Unsubscribe
 * tokens do not expire: an old newsletter's link must still work (RFC 8058).
 */
export function signToken(
  config: Config,
  input: { subscriber: string; purpose: TokenPurpose; expiresAt?: number },
): string {
  return signPayload(config, "link-signing", {
    s: input.subscriber,
    p: input.purpose,
    ...(input.expiresAt ? { e: input.expiresAt } : {}),
  });
}

export function invalidLink(): AppError {
  return new AppError("BAD_REQUEST", "invalid or expired link", {
    userMessage: {
      fr: "Ce lien n'est pas valide ou a expiré. Vous pouvez refaire une demande d'abonnement.",
      en: "This link is invalid or has expired. You can subscribe again.",
    },
    details: { reason: "invalid_link" },
  });
}

/** The subscriber id of a valid token of this purpose; BAD_REQUEST for a forged, altered or expired one. */
export function verifyToken(config: Config, token: string, purpose: TokenPurpose, now: Date): string {
  // Any known master: unsubscribe links never expire, so they must survive a key rotation.
  const data = openSignedPayload(config, "link-signing", token);
  if (!data || data.p !== purpose || typeof data.s !== "string") throw invalidLink();
  if (typeof data.e === "number" && data.e < now.getTime()) throw invalidLink();
  return data.s;
}
