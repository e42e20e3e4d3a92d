import type { AppContext } from "../../app/app-context.ts";
import type { RequestRow } from "../../db/schema.ts";
import { AppError, notFound } from "../../errors/app-error.ts";
import type { RequestStatus } from "../model/request.schema.ts";
import { isOpen } from "../model/transitions.ts";
import { readRequestRow } from "../requests/get-request.ts";
import { transitionRequestIn } from "../requests/transition-request.ts";
import { lockRequestTimeline } from "../staff/lock-request-timeline.ts";

function notWithdrawable(status: RequestStatus): AppError {
  return new AppError("CONFLICT", `a ${status} request cannot be withdrawn`, {
    userMessage: {
      fr: "Cette demande a déjà reçu une réponse ou est close : elle ne peut plus être retirée.",
      en: "This request has already been answered or closed: it can no longer be withdrawn.",
    },
    details: { rule: "request_not_open", status },
  });
}

/**
 * The person withdraws their own request from the status page: `withdrawn`, with a `withdrawn` event
 * whose actor is `requester`. Only an open request can be withdrawn; withdrawing twice changes nothing.
 *
 * @example await withdrawRequest(ctx, { orgId, requestId })
 */
export async function withdrawRequest(
  ctx: AppContext,
  input: { orgId: string; requestId: string },
): Promise<{ changed: boolean; row: RequestRow }> {
  return ctx.db.transaction().execute(async (trx) => {
    // Before any read (it serialises the organisation's request writes): two clicks at once withdraw once.
    await lockRequestTimeline(trx, input.orgId);
    const row = await readRequestRow(trx, input.orgId, input.requestId);
    if (!row) throw notFound("request", input.requestId);
    const status = row.status as RequestStatus;
    if (status === "withdrawn") return { changed: false, row };
    if (!isOpen(status)) throw notWithdrawable(status);
    const { after } = await transitionRequestIn(ctx, trx, {
      orgId: input.orgId,
      requestId: row.id,
      to: "withdrawn",
      actor: "requester",
      data: { via: "status_page" },
    });
    return { changed: true, row: after };
  });
}
