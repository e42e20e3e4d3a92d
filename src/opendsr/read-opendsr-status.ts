import type { AppContext } from "../app/app-context.ts";
import type { OpenDsrExchangeRow, RequestRow } from "../db/schema.ts";
import { notFound } from "../errors/app-error.ts";
import { readRequestRow } from "../rights/requests/get-request.ts";
import { loadOrganisationCalendar } from "../rights/requests/organisation-calendar.ts";
import { OPENDSR_API_VERSION, type OpenDsrStatusBody } from "./opendsr.schema.ts";
import { expectedCompletionTime, openDsrStatusOf } from "./opendsr-status.ts";
import type { Peer } from "./peers/peer.schema.ts";
import { chooseRecipient, type SignedMessage, verifySignedMessage } from "./verify-signed-message.ts";

export type PeerExchange = { peer: Peer; exchange: OpenDsrExchangeRow; request: RequestRow };

/**
 * The request a verified peer sent under this subject_request_id. Another peer's id, or an unknown one,
 * is the same 404: a peer learns nothing about requests it did not send.
 */
export async function findPeerExchange(
  ctx: AppContext,
  message: SignedMessage,
  subjectRequestId: string,
): Promise<PeerExchange> {
  const sender = await verifySignedMessage(ctx, { ...message, rawBody: undefined });
  const peer = await chooseRecipient(ctx, sender, sender.recipientKeyId);
  const exchange = await ctx.db
    .selectFrom("opendsr_exchanges")
    .selectAll()
    .where("org_id", "=", peer.orgId)
    .where("peer_id", "=", peer.id)
    .where("direction", "=", "inbound")
    .where("subject_request_id", "=", subjectRequestId.toLowerCase())
    .executeTakeFirst();
  const request = exchange && (await readRequestRow(ctx.db, peer.orgId, exchange.request_id));
  if (!exchange || !request) throw notFound("OpenDSR request", subjectRequestId.slice(0, 64));
  return { peer, exchange, request };
}

export async function statusBodyOf(ctx: AppContext, found: PeerExchange): Promise<OpenDsrStatusBody> {
  const calendar = await loadOrganisationCalendar(ctx.db, found.peer.orgId);
  return {
    controller_id: found.peer.ref,
    expected_completion_time: expectedCompletionTime(found.request.due_on, calendar.timeZone),
    subject_request_id: found.exchange.subject_request_id,
    request_status: openDsrStatusOf(found.request),
    api_version: OPENDSR_API_VERSION,
    results_url: null,
    ...(found.request.outcome ? { extensions: { gardien: { outcome: found.request.outcome } } } : {}),
  };
}

/** `GET /opendsr/v1/requests/{id}` (OpenDSR §8.1): where a request the peer sent stands. */
export async function readOpenDsrStatus(
  ctx: AppContext,
  message: SignedMessage,
  subjectRequestId: string,
): Promise<{ orgId: string; body: OpenDsrStatusBody }> {
  const found = await findPeerExchange(ctx, message, subjectRequestId);
  return { orgId: found.peer.orgId, body: await statusBodyOf(ctx, found) };
}
