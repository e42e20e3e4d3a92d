import { z } from "zod";
import type { AppContext } from "../../app/app-context.ts";
import { notFound } from "../../errors/app-error.ts";
import { parseOrThrow } from "../../errors/from-zod.ts";
import type { RequestStatus } from "../model/request.schema.ts";
import { isOpen } from "../model/transitions.ts";
import { readRequestRow } from "../requests/get-request.ts";
import { recordRequestEvent } from "../requests/record-request-event.ts";
import { lockRequestTimeline } from "../staff/lock-request-timeline.ts";
import { readMoreInfoAsk } from "./read-more-info-ask.ts";
import { requestNotOpen } from "./verify-identity.ts";

export const MORE_INFO_ANSWER_MAX = 5000;
export const MoreInfoAnswer = z.string().trim().min(1).max(MORE_INFO_ANSWER_MAX);

/**
 * Whether a question can still be answered: "answered" when it was (a second answer changes nothing);
 * throws when the request is no longer open. The question page asks the same before showing its form.
 */
export function moreInfoAskState(
  row: { status: string },
  asked: { answeredAt: string | null },
): "answered" | "to_answer" {
  if (asked.answeredAt !== null) return "answered";
  if (!isOpen(row.status as RequestStatus)) throw requestNotOpen(row.status as RequestStatus);
  return "to_answer";
}

/**
 * Records the person's answer to an Art. 12(6) question: a `more_info_received` event whose date is in
 * clear (the request shows when the information arrived) and whose text is sealed. One answer per
 * question: a second post (a double click, a reload) changes nothing and returns the first one's date.
 * The identity stays `more_info_requested` until staff, having read it, verify.
 *
 * @example await answerMoreInfo(ctx, { orgId, requestId, ask, answer: "75011" })
 */
export async function answerMoreInfo(
  ctx: AppContext,
  input: { orgId: string; requestId: string; ask: string; answer: unknown },
): Promise<{ changed: boolean; receivedAt: string }> {
  const answer = parseOrThrow(MoreInfoAnswer, input.answer, "answer");
  return ctx.db.transaction().execute(async (trx) => {
    // Before any read (it serialises the organisation's request writes): of two answers posted at once,
    // the second sees the first.
    await lockRequestTimeline(trx, input.orgId);
    const row = await readRequestRow(trx, input.orgId, input.requestId);
    if (!row) throw notFound("request", input.requestId);
    const asked = await readMoreInfoAsk(trx, ctx.config, input);
    if (moreInfoAskState(row, asked) === "answered") return { changed: false, receivedAt: asked.answeredAt! };
    const at = ctx.now().toISOString();
    await trx
      .updateTable("requests")
      .set({ revision: Number(row.revision) + 1, updated_at: at })
      .where("id", "=", row.id)
      .where("org_id", "=", input.orgId)
      .execute();
    await recordRequestEvent(ctx, trx, {
      orgId: input.orgId,
      requestId: row.id,
      kind: "more_info_received",
      actor: "requester",
      data: { ask: input.ask, length: answer.length },
      sealed: answer,
    });
    return { changed: true, receivedAt: at };
  });
}
