import type { AppContext } from "../app/app-context.ts";
import { AppError } from "../errors/app-error.ts";
import { transitionRequest } from "../rights/requests/transition-request.ts";
import { OPENDSR_API_VERSION } from "./opendsr.schema.ts";
import { openDsrStatusOf } from "./opendsr-status.ts";
import { findPeerExchange } from "./read-opendsr-status.ts";
import type { SignedMessage } from "./verify-signed-message.ts";

export type CancelBody = {
  controller_id: string;
  received_time: string;
  subject_request_id: string;
  api_version: string;
};

/**
 * `DELETE /opendsr/v1/requests/{id}` (OpenDSR §9): the peer withdraws a request it sent, while it is still
 * pending (nobody has acted on it). The Gardien request becomes `withdrawn`; a request already in progress
 * or finished is a 409 and stays as it is.
 */
export async function cancelOpenDsrRequest(
  ctx: AppContext,
  message: SignedMessage,
  subjectRequestId: string,
): Promise<{ orgId: string; body: CancelBody }> {
  const found = await findPeerExchange(ctx, message, subjectRequestId);
  const status = openDsrStatusOf(found.request);
  if (status !== "pending")
    throw new AppError("CONFLICT", `only a pending request can be cancelled; this one is ${status}`, {
      userMessage: {
        fr: `Seule une demande en attente peut être annulée ; celle-ci est « ${status} ».`,
        en: `Only a pending request can be cancelled; this one is "${status}".`,
      },
      details: { rule: "not_pending", status },
    });
  await transitionRequest(ctx, {
    orgId: found.peer.orgId,
    requestId: found.request.id,
    to: "withdrawn",
    actor: `opendsr:${found.peer.ref}`,
    data: { reason: "cancelled_by_peer" },
  });
  return {
    orgId: found.peer.orgId,
    body: {
      controller_id: found.peer.ref,
      received_time: ctx
        .now()
        .toISOString()
        .replace(/\.\d{3}Z$/, "Z"),
      subject_request_id: found.exchange.subject_request_id,
      api_version: OPENDSR_API_VERSION,
    },
  };
}
