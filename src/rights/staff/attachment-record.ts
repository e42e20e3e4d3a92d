/**
 * Attachments of a request, sealed at rest: the file and its name are AES-256-GCM under the
 * `request-attachment` key, with the attachment's id as additional data, so a sealed file copied onto
 * another attachment's row does not open. Size, media type and SHA-256 stay in clear for listing and
 * integrity checks; they say nothing of the person.
 */
import { z } from "zod";
import type { Config } from "../../config/config.schema.ts";
import { openBytes, openText, sealBytes, sealText } from "../../crypto/seal.ts";
import type { RequestAttachmentRow } from "../../db/schema.ts";

export const ATTACHMENT_PURPOSES = ["evidence", "identity", "package", "correspondence"] as const;
export const AttachmentPurpose = z
  .enum(ATTACHMENT_PURPOSES)
  .describe(
    "evidence: what the answer rests on; identity: proof of identity (Art. 12(6)); package: goes to the person with the answer; correspondence: letters and e-mails exchanged",
  );
export type AttachmentPurpose = z.infer<typeof AttachmentPurpose>;

/** 10 MiB of file: a scanned letter or an export fits; larger sets belong in the data package's collection. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export const AttachmentMeta = z.object({
  id: z.uuid(),
  name: z.string().describe("The file name as given (sealed at rest)"),
  mediaType: z.string(),
  size: z.number().int().describe("Bytes"),
  sha256: z.string().describe("Hex SHA-256 of the file"),
  purpose: AttachmentPurpose,
  source: z.string().describe("staff, requester or system"),
  createdAt: z.string(),
  actor: z.string(),
});
export type AttachmentMeta = z.infer<typeof AttachmentMeta>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Attachment ids are UUIDs; anything else is not looked up (and is not found). */
export function isAttachmentId(value: string): boolean {
  return UUID.test(value);
}

export function sealAttachmentName(config: Config, id: string, name: string): string {
  return sealText(config, name, { use: "request-attachment", aad: id });
}

export function sealAttachmentContent(config: Config, id: string, content: Buffer): string {
  return sealBytes(config, content, { use: "request-attachment", aad: id });
}

export function openAttachmentContent(
  config: Config,
  row: Pick<RequestAttachmentRow, "id" | "content_sealed">,
): Buffer {
  return openBytes(config, row.content_sealed, { use: "request-attachment", aad: row.id });
}

export function toAttachmentMeta(config: Config, row: RequestAttachmentRow): AttachmentMeta {
  return {
    id: row.id,
    name: openText(config, row.name_sealed, { use: "request-attachment", aad: row.id }),
    mediaType: row.media_type,
    size: Number(row.size),
    sha256: row.sha256,
    purpose: row.purpose as AttachmentPurpose,
    source: row.source,
    createdAt: row.created_at,
    actor: row.actor,
  };
}
