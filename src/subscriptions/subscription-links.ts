import type { Config } from "../config/config.schema.ts";
import { publicBaseUrl } from "./public-base-url.ts";
import { CONFIRM_TTL_MS, signToken } from "./subscription-token.ts";

/** The links a subscriber receives: confirm (expires), unsubscribe (one click, RFC 8058). */
export function confirmUrl(config: Config, slug: string, subscriber: string, now: Date): string {
  const token = signToken(config, {
    subscriber,
    purpose: "confirm",
    expiresAt: now.getTime() + CONFIRM_TTL_MS,
  });
  return `${publicBaseUrl(config)}/o/${slug}/subscribe/confirm?token=${token}`;
}

export function unsubscribeUrl(config: Config, slug: string, subscriber: string): string {
  const token = signToken(config, { subscriber, purpose: "unsubscribe" });
  return `${publicBaseUrl(config)}/o/${slug}/unsubscribe?token=${token}`;
}
