import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { AppContext } from "../../app/app-context.ts";
import type { Database } from "../../db/schema.ts";
import type { DataSubjectRequest } from "../../rights/model/request.schema.ts";
import { publicBaseUrl } from "../../subscriptions/public-base-url.ts";
import { OPENDSR_API_VERSION, OPENDSR_REQUEST_TYPES, type OpenDsrRequestType } from "../opendsr.schema.ts";
import { identitiesFromRequester } from "../opendsr-identities.ts";
import type { Peer } from "../peers/peer.schema.ts";
import { queueOpenDsrMessage } from "./queue-opendsr-message.ts";

/** Where peers send this Gardien's status callbacks. */
export function callbackUrl(ctx: AppContext): string {
  return `${publicBaseUrl(ctx.config)}/opendsr/v1/callbacks`;
}

export function isOpenDsrType(type: string): type is OpenDsrRequestType {
  return (OPENDSR_REQUEST_TYPES as readonly string[]).includes(type);
}

/**
 * The outbound client's first step: an OpenDSR request (§7.1) for a party of a request, queued with the
 * exchange that will receive the peer's callbacks. The subject_request_id is new (UUID v4, §1.1); the
 * submitted_time is when the person's request was received; the callback URL is this Gardien's.
 */
export async function queueOutboundRequestIn(
  ctx: AppContext,
  trx: Transaction<Database>,
  input: { orgId: string; peer: Peer; request: DataSubjectRequest; partyId: string },
): Promise<{ exchangeId: string; subjectRequestId: string }> {
  const { peer, request } = input;
  if (!peer.baseUrl || !isOpenDsrType(request.type)) throw new Error("not an OpenDSR peer or type");
  const subjectRequestId = randomUUID();
  const exchangeId = randomUUID();
  const at = ctx.now().toISOString();
  await trx
    .insertInto("opendsr_exchanges")
    .values({
      id: exchangeId,
      org_id: input.orgId,
      peer_id: peer.id,
      direction: "outbound",
      subject_request_id: subjectRequestId,
      request_id: request.id,
      party_id: input.partyId,
      body_sha256: null,
      callback_urls: "[]",
      remote_status: null,
      notified_status: null,
      expected_completion_time: null,
      results_url: null,
      polled_at: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await queueOpenDsrMessage(ctx, trx, {
    orgId: input.orgId,
    exchangeId,
    requestId: request.id,
    kind: "request",
    url: `${peer.baseUrl}/requests`,
    body: {
      regulation: "gdpr",
      subject_request_id: subjectRequestId,
      subject_request_type: request.type,
      submitted_time: request.receivedAt,
      subject_identities: identitiesFromRequester(request.requester),
      api_version: OPENDSR_API_VERSION,
      status_callback_urls: [callbackUrl(ctx)],
      extensions: { gardien: { recipient_key_id: peer.keyId } },
    },
  });
  return { exchangeId, subjectRequestId };
}
