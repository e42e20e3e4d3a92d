import type { Config } from "../../config/config.schema.ts";
import { publicBaseUrl } from "../../subscriptions/public-base-url.ts";
import { signRequestLink } from "../links/request-link.ts";
import type { Lang } from "../model/request.schema.ts";

/** A controller or processor gets a month to answer: the person's own deadline is one month (Art. 12(3)). */
export const PARTY_LINK_DAYS = 30;

export type PartyPage = "controller-decision" | "processor-answer";

/**
 * The signed link of one party: purpose `controller-decision` (a counterpart's decision on a request),
 * subject the party's id, so a token opens that party's page only. The processor's answer page uses the
 * same purpose: both are a counterpart organisation speaking about one request, and the page checks the
 * party's role.
 */
export function signPartyLink(
  config: Config,
  input: { requestId: string; partyId: string; now: Date },
): { token: string; expiresAt: number } {
  const expiresAt = input.now.getTime() + PARTY_LINK_DAYS * 24 * 60 * 60 * 1000;
  const token = signRequestLink(config, {
    requestId: input.requestId,
    purpose: "controller-decision",
    expiresAt,
    subject: input.partyId,
  });
  return { token, expiresAt };
}

/** `/o/{slug}/rights/{page}?token=…&lang=…`, the path a party page posts back to. */
export function partyPagePath(input: { slug: string; page: PartyPage; token: string; lang: Lang }): string {
  return `/o/${input.slug}/rights/${input.page}?token=${encodeURIComponent(input.token)}&lang=${input.lang}`;
}

export function partyPageUrl(
  config: Config,
  input: { slug: string; page: PartyPage; token: string; lang: Lang },
): string {
  return `${publicBaseUrl(config)}${partyPagePath(input)}`;
}
