import type { AppContext } from "../app/app-context.ts";
import { notFound, validationError } from "../errors/app-error.ts";
import { type ApplyOutcome, applyRemoteStatus } from "./apply-remote-status.ts";
import { OpenDsrCallbackBody } from "./opendsr.schema.ts";
import { callbackUrl } from "./outbox/queue-outbound-request.ts";
import { readSignedJson } from "./read-signed-json.ts";
import { type SignedMessage, verifySignedMessage } from "./verify-signed-message.ts";

/**
 * `POST /opendsr/v1/callbacks` (OpenDSR §8.6–8.8): a peer reports on a request exchanged with it. The
 * signature is checked on the raw bytes before anything is parsed (403 when it fails, §8.8 step 5); the
 * callback must name this endpoint (step 6) and a request exchanged with that peer (else 404, whoever
 * else exchanged it). The report is then applied to the party it concerns.
 */
export async function receiveOpenDsrCallback(
  ctx: AppContext,
  message: SignedMessage,
): Promise<{ orgId: string; applied: ApplyOutcome }> {
  const raw = message.rawBody ?? Buffer.alloc(0);
  const sender = await verifySignedMessage(ctx, { ...message, rawBody: raw });
  const body = readSignedJson(OpenDsrCallbackBody, raw);
  if (body.status_callback_url !== callbackUrl(ctx))
    throw validationError([
      {
        path: "status_callback_url",
        rule: "our_endpoint",
        message: "is not this server's callback endpoint",
      },
    ]);
  const peerIds = sender.peers.map((p) => p.id);
  const exchange = await ctx.db
    .selectFrom("opendsr_exchanges")
    .selectAll()
    .where("peer_id", "in", peerIds)
    .where("subject_request_id", "=", body.subject_request_id)
    .orderBy("created_at")
    .executeTakeFirst();
  const peer = exchange && sender.peers.find((p) => p.id === exchange.peer_id);
  if (!exchange || !peer) throw notFound("OpenDSR request", body.subject_request_id);
  const applied = await applyRemoteStatus(ctx, {
    exchange,
    peer,
    report: {
      status: body.request_status,
      expectedCompletionTime: body.expected_completion_time,
      resultsUrl: body.results_url,
      extension: body.extensions?.gardien,
    },
  });
  return { orgId: peer.orgId, applied };
}
