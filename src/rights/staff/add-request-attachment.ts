import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import type { Actor, AppContext } from "../../app/app-context.ts";
import type { RequestAttachmentRow } from "../../db/schema.ts";
import { AppError, notFound, validationError } from "../../errors/app-error.ts";
import { parseOrThrow } from "../../errors/from-zod.ts";
import { readRequestRow } from "../requests/get-request.ts";
import { recordRequestEvent } from "../requests/record-request-event.ts";
import {
  ATTACHMENT_MAX_BYTES,
  type AttachmentMeta,
  AttachmentPurpose,
  sealAttachmentContent,
  sealAttachmentName,
  toAttachmentMeta,
} from "./attachment-record.ts";
import { lockRequestTimeline } from "./lock-request-timeline.ts";

// A file name, not a path: no separators, no control characters (they would break Content-Disposition).
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
const BAD_NAME = /[\u0000-\u001f\u007f/\\]/;
// RFC 6838 type/subtype, lower case, no parameters: it is sent back as the download's Content-Type.
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

export const AttachmentInput = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .refine((n) => !BAD_NAME.test(n) && n !== "." && n !== "..", {
        message: "must be a file name: no '/', '\\' or control characters",
      })
      .describe("File name, e.g. lettre-2026-11-20.pdf (sealed at rest)"),
    mediaType: z
      .string()
      .trim()
      .toLowerCase()
      .regex(MEDIA_TYPE, "must be a media type such as application/pdf, without parameters")
      .describe("Sent back as the download's Content-Type"),
    contentBase64: z
      .base64("must be standard base64 (RFC 4648 §4), without line breaks")
      .describe(`The file, base64; at most ${ATTACHMENT_MAX_BYTES} bytes once decoded`),
    purpose: AttachmentPurpose,
  })
  .strict();
export type AttachmentInput = z.input<typeof AttachmentInput>;

/** The one refusal for a file over the limit, from the operation and from the route's body limit alike. */
export function attachmentTooLarge(): AppError {
  const mib = ATTACHMENT_MAX_BYTES / (1024 * 1024);
  return new AppError(
    "PAYLOAD_TOO_LARGE",
    `an attachment may hold at most ${mib} MiB (${ATTACHMENT_MAX_BYTES} bytes) once decoded`,
    {
      userMessage: {
        en: `An attachment may hold at most ${mib} MiB (${ATTACHMENT_MAX_BYTES} bytes) once decoded.`,
        fr: `Une pièce jointe ne peut pas dépasser ${mib} Mio (${ATTACHMENT_MAX_BYTES} octets) une fois décodée.`,
      },
      details: { field: "contentBase64", limitBytes: ATTACHMENT_MAX_BYTES },
    },
  );
}

/**
 * Attaches a file to a request: sealed with its name (AES-256-GCM, key `request-attachment`, the
 * attachment id as additional data), its SHA-256 kept for integrity, an `attachment_added` event on
 * the timeline and the audit trail in the same transaction. The event holds ids, purpose, size and
 * hash — never the name, which may name the person.
 */
export async function addRequestAttachment(
  ctx: AppContext,
  args: { orgId: string; requestId: string; actor: Actor; input: unknown; source?: string },
): Promise<AttachmentMeta> {
  const input = parseOrThrow(AttachmentInput, args.input);
  // base64 is 4 characters per 3 bytes: refuse an oversized file before decoding it.
  if (Math.floor((input.contentBase64.length * 3) / 4) - 2 > ATTACHMENT_MAX_BYTES) throw attachmentTooLarge();
  const content = Buffer.from(input.contentBase64, "base64");
  if (content.length > ATTACHMENT_MAX_BYTES) throw attachmentTooLarge();
  if (content.length === 0) {
    throw validationError([{ path: "contentBase64", rule: "not_empty", message: "the file is empty" }]);
  }
  const id = randomUUID();
  const row: RequestAttachmentRow = {
    id,
    request_id: args.requestId,
    org_id: args.orgId,
    name_sealed: sealAttachmentName(ctx.config, id, input.name),
    media_type: input.mediaType,
    size: content.length,
    sha256: createHash("sha256").update(content).digest("hex"),
    content_sealed: sealAttachmentContent(ctx.config, id, content),
    purpose: input.purpose,
    source: args.source ?? "staff",
    created_at: ctx.now().toISOString(),
    actor: args.actor,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await lockRequestTimeline(trx, args.orgId);
    const request = await readRequestRow(trx, args.orgId, args.requestId);
    if (!request) throw notFound("request", args.requestId);
    await trx.insertInto("request_attachments").values(row).execute();
    await recordRequestEvent(ctx, trx, {
      orgId: args.orgId,
      requestId: request.id,
      kind: "attachment_added",
      actor: args.actor,
      data: {
        attachmentId: id,
        purpose: row.purpose,
        mediaType: row.media_type,
        size: row.size,
        sha256: row.sha256,
      },
      after: { ...row, name_sealed: undefined, content_sealed: undefined },
    });
  });
  return toAttachmentMeta(ctx.config, row);
}
