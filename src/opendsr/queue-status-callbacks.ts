import type { AppContext } from "../app/app-context.ts";
import type { OpenDsrExchangeRow } from "../db/schema.ts";
import type { OpenDsrStatus } from "./opendsr.schema.ts";
import { isStatusAdvance, openDsrStatusOf } from "./opendsr-status.ts";
import { queueCallbacksIn } from "./outbox/queue-callbacks.ts";
import { toPeer } from "./peers/peer-record.ts";

/**
 * Finds the requests whose OpenDSR status moved since the peer was last told, and queues the callbacks
 * (OpenDSR §8.5: every state change is called back):
 * - requests a peer sent here: pending → in progress → completed or cancelled, to its callback URLs;
 * - requests this organisation forwarded as a processor and finished on its controller's instruction: the
 *   controller is told `completed`, so its own request stops waiting for this processor.
 * Each exchange is claimed by a conditional update, so two processes never queue the same change twice.
 * Returns how many callbacks were queued.
 */
export async function queueStatusCallbacks(ctx: AppContext): Promise<number> {
  let queued = 0;
  const inbound = await ctx.db
    .selectFrom("opendsr_exchanges as e")
    .innerJoin("requests as r", "r.id", "e.request_id")
    .selectAll("e")
    .select(["r.status as request_status", "r.revision as request_revision", "r.due_on", "r.outcome"])
    .where("e.direction", "=", "inbound")
    .where((eb) =>
      eb.or([
        eb("e.notified_status", "is", null),
        eb("e.notified_status", "not in", ["completed", "cancelled"]),
      ]),
    )
    .execute();
  for (const row of inbound) {
    const next = openDsrStatusOf({ status: row.request_status, revision: row.request_revision });
    if (!isStatusAdvance(row.notified_status as OpenDsrStatus | null, next)) continue;
    queued += await notify(ctx, row, next, row.due_on, row.outcome);
  }
  const outbound = await ctx.db
    .selectFrom("opendsr_exchanges as e")
    .innerJoin("request_parties as p", "p.id", "e.party_id")
    .innerJoin("requests as r", "r.id", "e.request_id")
    .selectAll("e")
    .select(["r.due_on", "r.outcome"])
    .where("e.direction", "=", "outbound")
    .where("p.role", "=", "controller")
    .where("p.status", "=", "confirmed")
    .where("r.status", "in", ["answered", "closed"])
    .where((eb) => eb.or([eb("e.notified_status", "is", null), eb("e.notified_status", "!=", "completed")]))
    .execute();
  for (const row of outbound) queued += await notify(ctx, row, "completed", row.due_on, row.outcome);
  return queued;
}

async function notify(
  ctx: AppContext,
  exchange: OpenDsrExchangeRow,
  status: OpenDsrStatus,
  dueOn: string,
  outcome: string | null,
): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    let claim = trx
      .updateTable("opendsr_exchanges")
      .set({ notified_status: status, updated_at: ctx.now().toISOString() })
      .where("id", "=", exchange.id);
    claim =
      exchange.notified_status === null
        ? claim.where("notified_status", "is", null)
        : claim.where("notified_status", "=", exchange.notified_status);
    const claimed = await claim.executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) return 0;
    const peerRow = await trx
      .selectFrom("opendsr_peers")
      .selectAll()
      .where("id", "=", exchange.peer_id)
      .executeTakeFirstOrThrow();
    if (peerRow.status !== "active") return 0;
    return queueCallbacksIn(ctx, trx, {
      exchange,
      peer: toPeer(peerRow),
      status,
      dueOn,
      ...(outcome ? { extension: { outcome } } : {}),
    });
  });
}
