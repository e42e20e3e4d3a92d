import type { RequestPartyRow } from "../../db/schema.ts";
import { queueCallbacksIn } from "../../opendsr/outbox/queue-callbacks.ts";
import type { Peer } from "../../opendsr/peers/peer.schema.ts";
import { readRequestRow } from "../requests/get-request.ts";
import { recordRequestEvent } from "../requests/record-request-event.ts";
import { transitionRequestIn } from "../requests/transition-request.ts";
import { lockRequestTimeline } from "../staff/lock-request-timeline.ts";
import type { InstructContext } from "./instruct-context.ts";
import { partyData, updateParty } from "./party.ts";
import { recordControllerDecisionIn } from "./record-controller-decision.ts";
import { settleProcessorsIn } from "./settle-processors.ts";

/**
 * The processor that forwarded this request waits for its controller's decision: it gets it through the
 * way the request came (its own request here, or an OpenDSR callback).
 */
export async function instructForwardingProcessor(
  c: InstructContext,
  origin: RequestPartyRow,
  peers: readonly Peer[],
  decision: "confirm" | "refuse",
): Promise<void> {
  const { ctx } = c;
  await ctx.db.transaction().execute(async (trx) => {
    const at = ctx.now().toISOString();
    // The controller's own copy, when it is an organisation of this Gardien.
    const copy =
      origin.channel === "internal" && origin.target_org_id && origin.remote_request_id
        ? { orgId: origin.target_org_id, requestId: origin.remote_request_id }
        : undefined;
    await lockRequestTimeline(trx, c.orgId, ...(copy ? [copy.orgId] : []));
    if (copy) {
      const theirs = await trx
        .selectFrom("request_parties")
        .select("id")
        .where("org_id", "=", copy.orgId)
        .where("request_id", "=", copy.requestId)
        .where("role", "=", "controller")
        .where("remote_request_id", "=", c.requestId)
        .executeTakeFirst();
      if (theirs) {
        await recordControllerDecisionIn(ctx, trx, {
          orgId: copy.orgId,
          requestId: copy.requestId,
          partyId: theirs.id,
          decision,
          instruction: c.instruction,
          actor: `organisation:${c.slug}`,
          via: "internal",
        });
      }
    } else if (origin.channel === "opendsr") {
      const peer = peers.find((p) => p.ref === partyData(origin).peerRef);
      const exchange = await trx
        .selectFrom("opendsr_exchanges")
        .selectAll()
        .where("org_id", "=", c.orgId)
        .where("request_id", "=", c.requestId)
        .where("direction", "=", "inbound")
        .where("party_id", "=", origin.id)
        .executeTakeFirst();
      if (peer && exchange) {
        const status = decision === "confirm" ? "in_progress" : "pending";
        await queueCallbacksIn(ctx, trx, {
          exchange,
          peer,
          status,
          dueOn: c.request.dueOn,
          extension: {
            controller_decision: decision,
            ...(c.instruction ? { instruction: c.instruction } : {}),
          },
        });
        await trx
          .updateTable("opendsr_exchanges")
          .set({ notified_status: status, updated_at: at })
          .where("id", "=", exchange.id)
          .execute();
      }
    }
    await updateParty(trx, origin, at, {
      status: decision === "confirm" ? "sent" : "cancelled",
      data: { decision },
      sentAt: at,
    });
    await recordRequestEvent(ctx, trx, {
      orgId: c.orgId,
      requestId: c.requestId,
      kind: "processor_instructed",
      actor: c.actor,
      data: {
        party: origin.id,
        partyRef: origin.party_ref,
        channel: origin.channel,
        sent: true,
        decision: decision === "confirm" ? "act" : "do_not_act",
      },
      ...(c.instruction ? { sealed: c.instruction } : {}),
    });
    if (decision === "refuse") await settleProcessorsIn(ctx, trx, c);
    else {
      const current = await readRequestRow(trx, c.orgId, c.requestId);
      if (current?.status === "in_progress")
        await transitionRequestIn(ctx, trx, {
          orgId: c.orgId,
          requestId: c.requestId,
          to: "awaiting_processors",
          actor: c.actor,
          data: { reason: "processors_instructed" },
        });
    }
  });
}
