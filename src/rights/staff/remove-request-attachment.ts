import type { Actor, AppContext } from "../../app/app-context.ts";
import { notFound } from "../../errors/app-error.ts";
import { readRequestRow } from "../requests/get-request.ts";
import { recordRequestEvent } from "../requests/record-request-event.ts";
import { isAttachmentId } from "./attachment-record.ts";
import { lockRequestTimeline } from "./lock-request-timeline.ts";

/**
 * Deletes an attachment, file and name, for good (a document attached to the wrong request must not
 * linger). The timeline keeps that it existed: id, purpose, size and hash, in an `attachment_removed` event.
 */
export async function removeRequestAttachment(
  ctx: AppContext,
  args: { orgId: string; requestId: string; attachmentId: string; actor: Actor },
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await lockRequestTimeline(trx, args.orgId);
    const request = await readRequestRow(trx, args.orgId, args.requestId);
    if (!request) throw notFound("request", args.requestId);
    const row = isAttachmentId(args.attachmentId)
      ? await trx
          .selectFrom("request_attachments")
          .select(["id", "purpose", "size", "sha256", "media_type"])
          .where("id", "=", args.attachmentId)
          .where("request_id", "=", request.id)
          .where("org_id", "=", args.orgId)
          .executeTakeFirst()
      : undefined;
    if (!row) throw notFound("attachment", args.attachmentId);
    await trx
      .deleteFrom("request_attachments")
      .where("id", "=", row.id)
      .where("org_id", "=", args.orgId)
      .execute();
    await recordRequestEvent(ctx, trx, {
      orgId: args.orgId,
      requestId: request.id,
      kind: "attachment_removed",
      actor: args.actor,
      data: {
        attachmentId: row.id,
        purpose: row.purpose,
        mediaType: row.media_type,
        size: Number(row.size),
        sha256: row.sha256,
      },
    });
  });
}
