import { z } from "zod";
import type { Actor, AppContext } from "../../app/app-context.ts";
import { notFound } from "../../errors/app-error.ts";
import { parseOrThrow } from "../../errors/from-zod.ts";
import { readRequestRow } from "../requests/get-request.ts";
import { recordRequestEvent } from "../requests/record-request-event.ts";
import { type TimelineEntry, toTimelineEntry } from "./get-request-details.ts";
import { lockRequestTimeline } from "./lock-request-timeline.ts";

export const NoteInput = z
  .object({
    text: z.string().trim().min(1).max(10_000).describe("Internal note: sealed at rest, shown to staff only"),
  })
  .strict();
export type NoteInput = z.input<typeof NoteInput>;

/**
 * Adds an internal note to a request's timeline. Notes often name people ("called Mme Martin back"), so
 * the text is sealed; the audit entry hashes the ciphertext. A note does not change the request itself:
 * its revision (the ETag) stays.
 */
export async function addRequestNote(
  ctx: AppContext,
  args: { orgId: string; requestId: string; actor: Actor; input: unknown },
): Promise<TimelineEntry> {
  const { text } = parseOrThrow(NoteInput, args.input);
  return ctx.db.transaction().execute(async (trx) => {
    await lockRequestTimeline(trx, args.orgId);
    const request = await readRequestRow(trx, args.orgId, args.requestId);
    if (!request) throw notFound("request", args.requestId);
    await recordRequestEvent(ctx, trx, {
      orgId: args.orgId,
      requestId: request.id,
      kind: "note_added",
      actor: args.actor,
      sealed: text,
    });
    const event = await trx
      .selectFrom("request_events")
      .selectAll()
      .where("request_id", "=", request.id)
      .orderBy("seq", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    return toTimelineEntry(ctx, event);
  });
}
