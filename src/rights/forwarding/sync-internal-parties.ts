import type { AppContext } from "../../app/app-context.ts";
import { isAppError } from "../../errors/app-error.ts";
import { processorResultOf } from "./party.ts";
import { recordProcessorAnswerIn } from "./record-processor-answer.ts";

/** How a processor's own request ended, as its answer to the controller. */

/**
 * Controller side, between two organisations of this Gardien: a processor instructed internally answers by
 * answering (or closing) its own copy of the request. This reads those copies and records each finished one
 * as the processor's answer. Run by the forwarding tick and before parties are listed; safe to run twice
 * (an answered party is not touched again). Returns how many answers it recorded.
 */
export async function syncInternalParties(
  ctx: AppContext,
  scope: { orgId?: string; requestId?: string } = {},
): Promise<number> {
  let query = ctx.db
    .selectFrom("request_parties as p")
    .innerJoin("requests as r", (join) =>
      join.onRef("r.id", "=", "p.remote_request_id").onRef("r.org_id", "=", "p.target_org_id"),
    )
    .select(["p.id", "p.org_id", "p.request_id", "r.status", "r.outcome"])
    .where("p.channel", "=", "internal")
    .where("p.role", "=", "processor")
    .where("p.status", "=", "sent")
    .where("r.status", "in", ["answered", "closed", "withdrawn"]);
  if (scope.orgId) query = query.where("p.org_id", "=", scope.orgId);
  if (scope.requestId) query = query.where("p.request_id", "=", scope.requestId);
  const finished = await query.execute();
  let recorded = 0;
  for (const party of finished) {
    try {
      await ctx.db.transaction().execute((trx) =>
        recordProcessorAnswerIn(ctx, trx, {
          orgId: party.org_id,
          requestId: party.request_id,
          partyId: party.id,
          result: processorResultOf(party.status === "withdrawn", party.outcome),
          actor: "system",
          via: "internal",
        }),
      );
      recorded++;
    } catch (error) {
      // Another process recorded it first: nothing left to do.
      if (!(isAppError(error) && error.code === "CONFLICT")) throw error;
    }
  }
  return recorded;
}
