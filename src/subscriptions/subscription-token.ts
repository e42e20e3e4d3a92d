import { createHmac, timingSafeEqual } from "node:crypto";
import type { Config } from "../config/config.schema.ts";
import { deriveUseKey, loadKeyring, type MasterKey } from "../crypto/keyring.ts";
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
  const payload = Buffer.from(
    JSON.stringify({
      s: input.subscriber,
      p: input.purpose,
      ...(input.expiresAt ? { e: input.expiresAt } : {}),
    }),
  ).toString("base64url");
  return `${payload}.${sign(loadKeyring(config).current, payload)}`;
}

function sign(master: MasterKey, payload: string): string {
  return createHmac("sha256", deriveUseKey(master, "link-signing")).update(payload).digest("base64url");
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
  const [payload, signature] = token.split(".");
  if (!payload || !signature) throw invalidLink();
  // Every known master: unsubscribe links never expire, so they must survive a key rotation.
  const given = Buffer.from(signature);
  let valid = false;
  for (const master of loadKeyring(config).byKid.values()) {
    const expected = Buffer.from(sign(master, payload));
    if (expected.length === given.length && timingSafeEqual(expected, given)) valid = true;
  }
  if (!valid) throw invalidLink();
  let data: { s?: unknown; p?: unknown; e?: unknown };
  try {
    data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as typeof data;
  } catch {
    throw invalidLink();
  }
  if (data.p !== purpose || typeof data.s !== "string") throw invalidLink();
  if (typeof data.e === "number" && data.e < now.getTime()) throw invalidLink();
  return data.s;
}
