import type { AppContext } from "../../app/app-context.ts";
import type { DataSubjectRequest } from "../model/request.schema.ts";
import { toDataSubjectRequest } from "../requests/request-record.ts";
import { type TransitionInput, transitionRequestIn } from "../requests/transition-request.ts";
import { lockRequestTimeline } from "./lock-request-timeline.ts";

/**
 * A staff transition: the workflow's own rules (transitionRequestIn), under the organisation's request
 * lock, so that it cannot race a note or an attachment for the next timeline entry, nor another
 * transition for the revision.
 *
 * @example await moveRequest(ctx, { orgId, requestId, to: "answered", outcome: "granted", actor: "cli" })
 */
export async function moveRequest(ctx: AppContext, input: TransitionInput): Promise<DataSubjectRequest> {
  const { after } = await ctx.db.transaction().execute(async (trx) => {
    await lockRequestTimeline(trx, input.orgId);
    return transitionRequestIn(ctx, trx, input);
  });
  return toDataSubjectRequest(ctx.config, after);
}
