import { createHash } from "node:crypto";
import type { AppContext } from "../../app/app-context.ts";
import { AppError, notFound } from "../../errors/app-error.ts";
import { readRequestRow } from "../requests/get-request.ts";
import {
  type AttachmentMeta,
  isAttachmentId,
  openAttachmentContent,
  toAttachmentMeta,
} from "./attachment-record.ts";

/**
 * One attachment of one request of one organisation, opened. Another organisation's attachment, or one
 * of another request, is not found. The content is checked against its recorded SHA-256: GCM already
 * refuses a changed file, the hash also catches a changed hash column.
 */
export async function getRequestAttachment(
  ctx: AppContext,
  input: { orgId: string; requestId: string; attachmentId: string },
): Promise<{ meta: AttachmentMeta; content: Buffer }> {
  const request = await readRequestRow(ctx.db, input.orgId, input.requestId);
  if (!request) throw notFound("request", input.requestId);
  const row = isAttachmentId(input.attachmentId)
    ? await ctx.db
        .selectFrom("request_attachments")
        .selectAll()
        .where("id", "=", input.attachmentId)
        .where("request_id", "=", request.id)
        .where("org_id", "=", input.orgId)
        .executeTakeFirst()
    : undefined;
  if (!row) throw notFound("attachment", input.attachmentId);
  const content = openAttachmentContent(ctx.config, row);
  if (createHash("sha256").update(content).digest("hex") !== row.sha256) {
    throw new AppError("INTERNAL", "attachment content does not match its recorded SHA-256", {
      details: { attachmentId: row.id },
    });
  }
  return { meta: toAttachmentMeta(ctx.config, row), content };
}
