import type { AppContext } from "../../app/app-context.ts";
import { isOpenDsrType } from "../../opendsr/outbox/queue-outbound-request.ts";
import type { Peer } from "../../opendsr/peers/peer.schema.ts";
import type { RequestType } from "../model/request.schema.ts";
import { reversePeerOf } from "./resolve-controller-route.ts";

export type ProcessorRoute =
  | { channel: "internal"; peer: Peer; reversePeer: Peer; targetOrgId: string }
  | { channel: "opendsr"; peer: Peer }
  | { channel: "email"; email: string; reason?: string }
  | { channel: "manual"; reason: string };

/**
 * How an instruction reaches a processor: through its peer (another organisation here that registered this
 * one as its controller, or an OpenDSR server for the three types OpenDSR carries), else by e-mail to the
 * directory's contact, else by hand (staff record the answer; `reason` says why no channel was found).
 */
export async function resolveProcessorRoute(
  ctx: AppContext,
  input: { peer: Peer | undefined; email: string | undefined; type: RequestType },
): Promise<ProcessorRoute> {
  const { peer } = input;
  let reason = "no_contact";
  if (peer?.kind === "local") {
    const reversePeer = await reversePeerOf(ctx, peer);
    if (reversePeer && peer.localOrgId)
      return { channel: "internal", peer, reversePeer, targetOrgId: peer.localOrgId };
    reason = "not_registered_in_return";
  } else if (peer?.kind === "remote") {
    if (isOpenDsrType(input.type)) return { channel: "opendsr", peer };
    reason = "opendsr_type";
  }
  if (input.email) return { channel: "email", email: input.email, ...(peer ? { reason } : {}) };
  return { channel: "manual", reason };
}
