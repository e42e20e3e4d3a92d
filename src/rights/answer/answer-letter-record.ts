import { createHash, randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Actor, AppContext } from "../../app/app-context.ts";
import type { Database, RequestAttachmentRow } from "../../db/schema.ts";
import type { GardienDocument } from "../../documents/document-model.ts";
import type { LetterReasons } from "../letters/letter-reasons.ts";
import type { RequestOutcome } from "../model/request.schema.ts";
import { recordRequestEvent } from "../requests/record-request-event.ts";
import {
  openAttachmentContent,
  sealAttachmentContent,
  sealAttachmentName,
} from "../staff/attachment-record.ts";

/**
 * A letter as sent: what the organisation answered, kept to show it (Art. 5(2)). It is correspondence (the
 * staff API's purpose for letters exchanged) from the source "answer", which marks Gardien's own letters.
 */
export const ANSWER_LETTER = { purpose: "correspondence", source: "answer" } as const;

export type StoredAnswerLetter = {
  document: GardienDocument;
  outcome: RequestOutcome;
  reasons: LetterReasons | null;
  staffNote: string | null;
  packageAttachmentId: string | null;
};

/**
 * Keeps the letter as sent (its document model, from which every format renders again) with staff's reasons
 * and note, sealed like any attachment: they may name the person. An `attachment_added` entry records it.
 */
export async function storeAnswerLetter(
  ctx: AppContext,
  trx: Transaction<Database>,
  input: { orgId: string; requestId: string; reference: string; actor: Actor; letter: StoredAnswerLetter },
): Promise<string> {
  const id = randomUUID();
  const content = Buffer.from(JSON.stringify(input.letter), "utf8");
  const row: RequestAttachmentRow = {
    id,
    request_id: input.requestId,
    org_id: input.orgId,
    name_sealed: sealAttachmentName(ctx.config, id, `${input.reference}-answer.json`),
    media_type: "application/json",
    size: content.length,
    sha256: createHash("sha256").update(content).digest("hex"),
    content_sealed: sealAttachmentContent(ctx.config, id, content),
    purpose: ANSWER_LETTER.purpose,
    source: ANSWER_LETTER.source,
    created_at: ctx.now().toISOString(),
    actor: input.actor,
  };
  await trx.insertInto("request_attachments").values(row).execute();
  await recordRequestEvent(ctx, trx, {
    orgId: input.orgId,
    requestId: input.requestId,
    kind: "attachment_added",
    actor: input.actor,
    data: {
      attachmentId: id,
      purpose: ANSWER_LETTER.purpose,
      source: ANSWER_LETTER.source,
      outcome: input.letter.outcome,
      size: row.size,
      sha256: row.sha256,
    },
  });
  return id;
}

/** The latest letter sent for a request, or undefined when it was never answered. */
export async function readAnswerLetter(
  ctx: AppContext,
  db: Kysely<Database>,
  input: { orgId: string; requestId: string },
): Promise<StoredAnswerLetter | undefined> {
  const row = await db
    .selectFrom("request_attachments")
    .selectAll()
    .where("org_id", "=", input.orgId)
    .where("request_id", "=", input.requestId)
    .where("purpose", "=", ANSWER_LETTER.purpose)
    .where("source", "=", ANSWER_LETTER.source)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  return JSON.parse(openAttachmentContent(ctx.config, row).toString("utf8")) as StoredAnswerLetter;
}
