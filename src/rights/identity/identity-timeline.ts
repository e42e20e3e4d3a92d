import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";

/** One Art. 12(6) exchange: when more information was asked for, and when (if) it arrived. */
export type MoreInfoExchange = { ask: string; requestedAt: string; receivedAt: string | null };

/**
 * The identity side of a request's timeline, for staff screens, letters and reports. Art. 12(6): a request
 * must show when more information was asked for and when it arrived, since that exchange is what the
 * organisation waited on.
 */
export type IdentityTimeline = {
  /** When the first identity link was queued, and how many were (re-sends included). */
  linkSentAt: string | null;
  linksSent: number;
  verifiedAt: string | null;
  /** How identity was established (`email_link`, `known_customer`, …). */
  verifiedMethod: string | null;
  moreInfo: MoreInfoExchange[];
  /** The latest exchange's dates, for a list view. */
  moreInfoRequestedAt: string | null;
  moreInfoReceivedAt: string | null;
};

export type TimelineEvent = { kind: string; at: string; data: string | Record<string, unknown> };

function dataOf(event: TimelineEvent): Record<string, unknown> {
  if (typeof event.data !== "string") return event.data;
  try {
    return JSON.parse(event.data) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/**
 * Folds a request's events (in timeline order) into its identity timeline. Pure: give it the rows of
 * `request_events` as they are, or events already parsed.
 *
 * @example identityTimeline(await db.selectFrom("request_events").selectAll().where("request_id", "=", id).orderBy("seq").execute())
 */
export function identityTimeline(events: readonly TimelineEvent[]): IdentityTimeline {
  const timeline: IdentityTimeline = {
    linkSentAt: null,
    linksSent: 0,
    verifiedAt: null,
    verifiedMethod: null,
    moreInfo: [],
    moreInfoRequestedAt: null,
    moreInfoReceivedAt: null,
  };
  for (const event of events) {
    switch (event.kind) {
      case "identity_link_sent":
        timeline.linksSent++;
        timeline.linkSentAt ??= event.at;
        break;
      case "identity_verified": {
        const method = dataOf(event).method;
        timeline.verifiedAt = event.at;
        timeline.verifiedMethod = typeof method === "string" ? method : null;
        break;
      }
      case "more_info_requested": {
        const ask = dataOf(event).ask;
        timeline.moreInfo.push({
          ask: typeof ask === "string" ? ask : "",
          requestedAt: event.at,
          receivedAt: null,
        });
        // A new question reopens the check: an earlier verification no longer stands.
        timeline.verifiedAt = null;
        timeline.verifiedMethod = null;
        break;
      }
      case "more_info_received": {
        const ask = dataOf(event).ask;
        const exchange = timeline.moreInfo.find((m) => m.ask === ask && m.receivedAt === null);
        if (exchange) exchange.receivedAt = event.at;
        break;
      }
    }
  }
  const last = timeline.moreInfo.at(-1);
  timeline.moreInfoRequestedAt = last?.requestedAt ?? null;
  timeline.moreInfoReceivedAt = last?.receivedAt ?? null;
  return timeline;
}

/** The identity timeline of one request of one organisation (empty for an unknown one). */
export async function loadIdentityTimeline(
  db: Kysely<Database>,
  input: { orgId: string; requestId: string },
): Promise<IdentityTimeline> {
  const events = await db
    .selectFrom("request_events")
    .select(["kind", "at", "data"])
    .where("org_id", "=", input.orgId)
    .where("request_id", "=", input.requestId)
    .where("kind", "in", [
      "identity_link_sent",
      "identity_verified",
      "more_info_requested",
      "more_info_received",
    ])
    .orderBy("seq")
    .execute();
  return identityTimeline(events);
}
