import type { Transaction } from "kysely";
import type { Actor, AppContext } from "../../app/app-context.ts";
import type { Database } from "../../db/schema.ts";
import { readRequestRow } from "../requests/get-request.ts";
import { transitionRequestIn } from "../requests/transition-request.ts";

/**
 * Controller side: once no processor is left waiting (each answered, was waived with a reason, or was told
 * not to act), a request that waited for them goes back to in progress, where staff can answer it.
 * Returns whether it moved.
 */
export async function settleProcessorsIn(
  ctx: AppContext,
  trx: Transaction<Database>,
  input: { orgId: string; requestId: string; actor: Actor },
): Promise<boolean> {
  const request = await readRequestRow(trx, input.orgId, input.requestId);
  if (request?.status !== "awaiting_processors") return false;
  const waiting = await trx
    .selectFrom("request_parties")
    .select("id")
    .where("request_id", "=", input.requestId)
    .where("org_id", "=", input.orgId)
    .where("role", "=", "processor")
    .where("status", "in", ["pending", "sent"])
    .executeTakeFirst();
  if (waiting) return false;
  await transitionRequestIn(ctx, trx, {
    orgId: input.orgId,
    requestId: input.requestId,
    to: "in_progress",
    actor: input.actor,
    data: { reason: "processors_done" },
  });
  return true;
}
