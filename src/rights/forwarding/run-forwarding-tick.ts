import type { AppContext } from "../../app/app-context.ts";
import { createBackgroundRunner } from "../../app/create-background-runner.ts";
import { loggableError } from "../../app/loggable-error.ts";
import { deliverOpenDsrOutbox } from "../../opendsr/outbox/deliver-opendsr-outbox.ts";
import { pollOpenDsrStatus } from "../../opendsr/poll-opendsr-status.ts";
import { queueStatusCallbacks } from "../../opendsr/queue-status-callbacks.ts";
import { syncInternalParties } from "./sync-internal-parties.ts";

/** A request sent to a peer that has said nothing for this long is asked where it stands. */
export const POLL_AFTER_MS = 6 * 60 * 60 * 1000;

export type ForwardingTick = {
  internalAnswers: number;
  callbacksQueued: number;
  polled: number;
  sent: number;
};

/**
 * The periodic work of the controller ⇄ processor exchange, for the scheduler (every minute is plenty):
 * bring in the answers of processors that are organisations of this Gardien, queue the OpenDSR status
 * callbacks of requests whose status moved, ask silent peers where their requests stand, and send the
 * OpenDSR outbox. Each step is idempotent and safe with several processes.
 *
 * @example setInterval(() => void runForwardingTick(ctx), 60_000)
 */
export async function runForwardingTick(ctx: AppContext): Promise<ForwardingTick> {
  const internalAnswers = await syncInternalParties(ctx);
  const callbacksQueued = await queueStatusCallbacks(ctx);
  const before = new Date(ctx.now().getTime() - POLL_AFTER_MS).toISOString();
  const silent = await ctx.db
    .selectFrom("opendsr_exchanges as e")
    .innerJoin("request_parties as p", "p.id", "e.party_id")
    .select("e.id")
    .where("e.direction", "=", "outbound")
    .where("p.status", "=", "sent")
    .where("e.remote_status", "is not", null)
    .where("e.updated_at", "<", before)
    .where((eb) => eb.or([eb("e.polled_at", "is", null), eb("e.polled_at", "<", before)]))
    .limit(50)
    .execute();
  let polled = 0;
  for (const { id } of silent) {
    try {
      if ((await pollOpenDsrStatus(ctx, { exchangeId: id })).ok) polled++;
    } catch (error) {
      ctx.log.warn({ error: loggableError(error) }, "OpenDSR poll failed");
    }
  }
  const { sent } = await deliverOpenDsrOutbox(ctx);
  return { internalAnswers, callbacksQueued, polled, sent };
}

/**
 * Runs the OpenDSR outbox in the background after a route has answered (a forward, an instruction, a
 * callback): a slow peer never delays staff. Never rejects; returns the run's promise for tests.
 */
export const scheduleForwardingDelivery = createBackgroundRunner("OpenDSR delivery failed", async (ctx) => {
  await queueStatusCallbacks(ctx);
  await deliverOpenDsrOutbox(ctx);
});
