import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { AppContext } from "../../app/app-context.ts";
import { openText, sealText } from "../../crypto/seal.ts";
import type { Database } from "../../db/schema.ts";
import type { MailMessage } from "../../mail/send-mail.ts";

export const REQUEST_MAIL_KINDS = [
  "identity_link",
  "more_info",
  "acknowledgement",
  "extension_notice",
  "answer",
  "reminder",
  "overdue",
  "forward_to_controller",
  "processor_instruction",
  "status_update",
  "withdrawal_notice",
] as const;
export type RequestMailKind = (typeof REQUEST_MAIL_KINDS)[number];

export type QueuedMail = {
  orgId: string;
  requestId: string | null;
  kind: RequestMailKind;
  /** Makes the enqueue idempotent: a second mail with the same key is not queued (a reminder sent once). */
  dedupeKey?: string;
  message: MailMessage;
};

/**
 * Queues a mail in the caller's transaction (a transactional outbox): the letter exists if and only if the
 * change that causes it commits, and a crash before SMTP delivery loses nothing. The message (address,
 * names) is sealed; `deliverRequestMails` sends it. Returns false when the dedupe key was already used.
 */
export async function enqueueRequestMail(
  ctx: AppContext,
  trx: Transaction<Database>,
  mail: QueuedMail,
): Promise<boolean> {
  const id = randomUUID();
  const at = ctx.now().toISOString();
  const result = await trx
    .insertInto("request_mails")
    .values({
      id,
      org_id: mail.orgId,
      request_id: mail.requestId,
      kind: mail.kind,
      dedupe_key: mail.dedupeKey ?? null,
      message_sealed: sealText(ctx.config, JSON.stringify(mail.message), {
        use: "requester-identity",
        aad: `mail:${id}`,
      }),
      status: "queued",
      attempts: 0,
      next_attempt_at: at,
      last_error: null,
      created_at: at,
      sent_at: null,
    })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export function openQueuedMessage(ctx: AppContext, id: string, sealed: string): MailMessage {
  return JSON.parse(
    openText(ctx.config, sealed, { use: "requester-identity", aad: `mail:${id}` }),
  ) as MailMessage;
}
