import type { Transaction } from "kysely";
import type { AppContext } from "../../app/app-context.ts";
import type { Database, OpenDsrExchangeRow } from "../../db/schema.ts";
import { loadOrganisationCalendar } from "../../rights/requests/organisation-calendar.ts";
import { OPENDSR_API_VERSION, type OpenDsrStatus } from "../opendsr.schema.ts";
import { expectedCompletionTime } from "../opendsr-status.ts";
import type { Peer } from "../peers/peer.schema.ts";
import { queueOpenDsrMessage } from "./queue-opendsr-message.ts";

export type GardienExtensionOut = {
  controller_decision?: "confirm" | "refuse";
  instruction?: string;
  outcome?: string;
};

/**
 * Queues the status callbacks of one exchange (OpenDSR §8.5–8.6), signed at delivery. An inbound request's
 * callbacks go to the `status_callback_urls` it came with (already checked to be on the peer's host); an
 * outbound one's (Gardien's forwarding processor telling its controller it finished) to the peer's
 * `/callbacks`. Returns how many were queued.
 */
export async function queueCallbacksIn(
  ctx: AppContext,
  trx: Transaction<Database>,
  input: {
    exchange: OpenDsrExchangeRow;
    peer: Peer;
    status: OpenDsrStatus;
    dueOn: string;
    extension?: GardienExtensionOut;
  },
): Promise<number> {
  const { exchange, peer } = input;
  const urls =
    exchange.direction === "inbound"
      ? (JSON.parse(exchange.callback_urls) as string[])
      : peer.baseUrl
        ? [`${peer.baseUrl}/callbacks`]
        : [];
  if (urls.length === 0) return 0;
  const calendar = await loadOrganisationCalendar(trx, exchange.org_id);
  for (const url of urls) {
    await queueOpenDsrMessage(ctx, trx, {
      orgId: exchange.org_id,
      exchangeId: exchange.id,
      requestId: exchange.request_id,
      kind: "callback",
      url,
      body: {
        controller_id: peer.ref,
        status_callback_url: url,
        subject_request_id: exchange.subject_request_id,
        request_status: input.status,
        expected_completion_time: expectedCompletionTime(input.dueOn, calendar.timeZone),
        results_url: null,
        api_version: OPENDSR_API_VERSION,
        ...(input.extension ? { extensions: { gardien: input.extension } } : {}),
      },
    });
  }
  return urls.length;
}
