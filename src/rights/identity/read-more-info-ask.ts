import type { Kysely, Transaction } from "kysely";
import type { Config } from "../../config/config.schema.ts";
import { openText } from "../../crypto/seal.ts";
import type { Database } from "../../db/schema.ts";
import { invalidRequestLink } from "../links/request-link.ts";

export type MoreInfoAsk = {
  ask: string;
  requestedAt: string;
  /** Staff's question, as mailed to the person. */
  question: string;
  /** When the person's answer arrived, if it did (one answer per question). */
  answeredAt: string | null;
};

/**
 * The question behind a more-info link (`ask` is the link's subject), with whether it was answered. A
 * link naming a question this request never had is invalid, like a forged one.
 */
export async function readMoreInfoAsk(
  db: Kysely<Database> | Transaction<Database>,
  config: Config,
  input: { orgId: string; requestId: string; ask: string },
): Promise<MoreInfoAsk> {
  const events = await db
    .selectFrom("request_events")
    .select(["id", "kind", "at", "data", "data_sealed"])
    .where("org_id", "=", input.orgId)
    .where("request_id", "=", input.requestId)
    .where("kind", "in", ["more_info_requested", "more_info_received"])
    .orderBy("seq")
    .execute();
  const askOf = (data: string) => (JSON.parse(data) as { ask?: unknown }).ask;
  const asked = events.find((e) => e.kind === "more_info_requested" && askOf(e.data) === input.ask);
  if (!asked?.data_sealed) throw invalidRequestLink();
  const sealed = openText(config, asked.data_sealed, {
    use: "requester-identity",
    aad: `${input.requestId}:event:${asked.id}`,
  });
  const answered = events.find((e) => e.kind === "more_info_received" && askOf(e.data) === input.ask);
  return {
    ask: input.ask,
    requestedAt: asked.at,
    question: (JSON.parse(sealed) as { question: string }).question,
    answeredAt: answered?.at ?? null,
  };
}
