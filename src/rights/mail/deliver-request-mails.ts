import type { AppContext } from "../../app/app-context.ts";
import { sendMail } from "../../mail/send-mail.ts";
import { recordRequestEvent } from "../requests/record-request-event.ts";
import { openQueuedMessage } from "./enqueue-request-mail.ts";

/** Minutes to wait before each retry; after the last, the mail is marked failed and staff see it on the request. */
const BACKOFF_MINUTES = [1, 5, 30, 120, 720];

/**
 * Sends the queued mails that are due. Safe with several processes: each mail is claimed by a conditional
 * update before it is sent, so only one sender takes it. Returns the counts.
 */
export async function deliverRequestMails(
  ctx: AppContext,
  options: { limit?: number } = {},
): Promise<{ sent: number; retried: number; failed: number }> {
  const now = ctx.now();
  const due = await ctx.db
    .selectFrom("request_mails")
    .select(["id", "org_id", "request_id", "kind", "message_sealed", "attempts", "status", "next_attempt_at"])
    // A mail left `sending` by a sender that crashed is taken again once its lease has run out.
    .where("status", "in", ["queued", "sending"])
    .where("next_attempt_at", "<=", now.toISOString())
    .orderBy("next_attempt_at")
    .limit(options.limit ?? 100)
    .execute();
  const counts = { sent: 0, retried: 0, failed: 0 };
  for (const mail of due) {
    // Claim: a sender that crashes mid-send leaves the mail to be retried after the lease.
    const lease = new Date(now.getTime() + 10 * 60_000).toISOString();
    const claimed = await ctx.db
      .updateTable("request_mails")
      .set({ status: "sending", next_attempt_at: lease })
      .where("id", "=", mail.id)
      .where("status", "=", mail.status)
      .where("next_attempt_at", "=", mail.next_attempt_at)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) continue;
    const result = await sendMail(ctx, openQueuedMessage(ctx, mail.id, mail.message_sealed));
    const attempts = Number(mail.attempts) + 1;
    await ctx.db.transaction().execute(async (trx) => {
      if (result.sent) {
        await trx
          .updateTable("request_mails")
          .set({ status: "sent", attempts, sent_at: ctx.now().toISOString(), last_error: null })
          .where("id", "=", mail.id)
          .execute();
        counts.sent++;
        if (mail.request_id) {
          await recordRequestEvent(ctx, trx, {
            orgId: mail.org_id,
            requestId: mail.request_id,
            kind: mail.kind === "reminder" || mail.kind === "overdue" ? "reminder_sent" : "letter_sent",
            actor: "system",
            data: { mail: mail.id, kind: mail.kind },
          });
        }
        return;
      }
      const wait = BACKOFF_MINUTES[attempts - 1];
      const giveUp = wait === undefined || result.reason === "no_smtp";
      await trx
        .updateTable("request_mails")
        .set({
          status: giveUp ? "failed" : "queued",
          attempts,
          last_error: result.reason,
          next_attempt_at: new Date(ctx.now().getTime() + (wait ?? 0) * 60_000).toISOString(),
        })
        .where("id", "=", mail.id)
        .execute();
      if (giveUp) {
        counts.failed++;
        if (mail.request_id) {
          await recordRequestEvent(ctx, trx, {
            orgId: mail.org_id,
            requestId: mail.request_id,
            kind: "mail_failed",
            actor: "system",
            data: { mail: mail.id, kind: mail.kind, reason: result.reason, attempts },
          });
        }
      } else counts.retried++;
    });
  }
  return counts;
}
