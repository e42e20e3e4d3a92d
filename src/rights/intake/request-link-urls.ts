/**
 * The requester's links: where they point and how long they last. Validity, by purpose:
 * - identity: `identityLinkHours` of the rights settings (72 h by default);
 * - status: while the request is open, then `statusLinkDays` after it is closed or withdrawn. A token
 *   cannot know when that will be, so it carries a hard cap (STATUS_LINK_MAX_OPEN_DAYS + statusLinkDays
 *   from issue) and `openRequestLink` applies the closing date on each use;
 * - more-info: MORE_INFO_LINK_DAYS, time enough to find a document, and only while the request is open.
 */
import type { Config } from "../../config/config.schema.ts";
import { publicBaseUrl } from "../../subscriptions/public-base-url.ts";
import { signRequestLink } from "../links/request-link.ts";
import type { Lang } from "../model/request.schema.ts";
import type { RightsSettings } from "../settings/rights-settings.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
/** A request open longer than this (three years) needs a new status link from staff. */
const STATUS_LINK_MAX_OPEN_DAYS = 3 * 365;
export const MORE_INFO_LINK_DAYS = 30;

export type PublicRightsPage = "verify" | "status" | "more-info";

/** `https://…/o/{slug}/rights/{page}?token=…&lang=…`: the address a mail carries. */
export function publicRightsUrl(
  config: Config,
  input: { slug: string; page: PublicRightsPage; token: string; lang: Lang },
): string {
  return `${publicBaseUrl(config)}${publicRightsPath(input)}`;
}

/** The same address without the host, for links inside the pages. */
export function publicRightsPath(input: {
  slug: string;
  page: PublicRightsPage;
  token: string;
  lang: Lang;
}): string {
  return `/o/${input.slug}/rights/${input.page}?token=${encodeURIComponent(input.token)}&lang=${input.lang}`;
}

function identityLinkExpiry(now: Date, settings: RightsSettings): number {
  return now.getTime() + settings.identityLinkHours * 60 * 60 * 1000;
}

export function signIdentityLink(
  config: Config,
  input: { requestId: string; now: Date; settings: RightsSettings },
): { token: string; expiresAt: number } {
  const expiresAt = identityLinkExpiry(input.now, input.settings);
  return {
    token: signRequestLink(config, { requestId: input.requestId, purpose: "identity", expiresAt }),
    expiresAt,
  };
}

export function signStatusLink(
  config: Config,
  input: { requestId: string; now: Date; settings: RightsSettings },
): string {
  const expiresAt =
    input.now.getTime() + (STATUS_LINK_MAX_OPEN_DAYS + input.settings.statusLinkDays) * DAY_MS;
  return signRequestLink(config, { requestId: input.requestId, purpose: "status", expiresAt });
}

/** The more-info link names the question it answers (`subject`), so each answer lands on its question. */
export function signMoreInfoLink(
  config: Config,
  input: { requestId: string; askId: string; now: Date },
): { token: string; expiresAt: number } {
  const expiresAt = input.now.getTime() + MORE_INFO_LINK_DAYS * DAY_MS;
  return {
    token: signRequestLink(config, {
      requestId: input.requestId,
      purpose: "more-info",
      expiresAt,
      subject: input.askId,
    }),
    expiresAt,
  };
}

/** Whether a status link still works for a request closed at `closedAt` (null: still open). */
export function statusLinkUsable(closedAt: string | null, now: Date, settings: RightsSettings): boolean {
  if (closedAt === null) return true;
  return now.getTime() <= new Date(closedAt).getTime() + settings.statusLinkDays * DAY_MS;
}
