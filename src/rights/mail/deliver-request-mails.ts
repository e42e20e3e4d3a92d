import type { AppContext } from "../../app/app-context.ts";
import { type SendResult, sendMail } from "../../mail/send-mail.ts";
import { type RequestEventKind, recordRequestEvent } from "../requests/record-request-event.ts";
import { openQueuedMessage, type RequestMailKind } from "./enqueue-request-mail.ts";

/** The timeline event of a sent mail: a letter to the requester, unless it went to staff. */
const SENT_EVENT: Partial<Record<RequestMailKind, RequestEventKind>> = {
  reminder: "reminder_sent",
  overdue: "reminder_sent",
  withdrawal_notice: "staff_notified",
};

/** Minutes to wait before each retry; after the last, the mail is marked failed and staff see it on the request. */
const BACKOFF_MINUTES = [1, 5, 30, 120, 720];
/** How long a claim holds: a sender that crashes mid-batch leaves its mails to be taken again after this. */
const LEASE_MS = 10 * 60_000;
/**
 * Outcomes are written in one transaction per group, not one per mail: a commit costs more than the rows
 * it writes. A group is closed at this size, or once its oldest outcome has waited this long (a slow SMTP
 * server must not leave sent mails unrecorded for minutes: a crash would send them again).
 */
const RECORD_EVERY = 50;
const RECORD_WITHIN_MS = 1000;

type Claimed = {
  id: string;
  org_id: string;
  request_id: string | null;
  kind: string;
  message_sealed: string;
  attempts: number;
};
type Outcome = { mail: Claimed; result: SendResult };
export type DeliveryCounts = { sent: number; retried: number; failed: number };

/**
 * Sends the queued mails that are due, up to `limit`. Safe with several processes: the batch is claimed by
 * one conditional update (status `sending`, a lease as next attempt) before anything is sent, so only one
 * sender takes a mail; on PostgreSQL a competing claim re-checks the condition on the row it waited for
 * and skips what the other took. Returns the counts.
 */
export async function deliverRequestMails(
  ctx: AppContext,
  options: { limit?: number } = {},
): Promise<DeliveryCounts> {
  const now = ctx.now().toISOString();
  const lease = new Date(ctx.now().getTime() + LEASE_MS).toISOString();
  // A mail left `sending` by a sender that crashed is taken again once its lease has run out.
  const claimable = ["queued", "sending"] as const;
  const claimed = await ctx.db
    .updateTable("request_mails")
    .set({ status: "sending", next_attempt_at: lease })
    .where("id", "in", (eb) =>
      eb
        .selectFrom("request_mails as due")
        .select("due.id")
        .where("due.status", "in", claimable)
        .where("due.next_attempt_at", "<=", now)
        .orderBy("due.next_attempt_at")
        .limit(options.limit ?? 100),
    )
    .where("status", "in", claimable)
    .where("next_attempt_at", "<=", now)
    .returning(["id", "org_id", "request_id", "kind", "message_sealed", "attempts", "created_at"])
    .execute();
  // Oldest first, as they were queued (RETURNING promises no order).
  claimed.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));

  const counts: DeliveryCounts = { sent: 0, retried: 0, failed: 0 };
  let pending: Outcome[] = [];
  let oldest = 0;
  const claimedAt = Date.now();
  for (const row of claimed) {
    // One lease covers the whole batch: past half of it (a slow or hung SMTP server), the mails not yet
    // sent are left to run out their lease and be claimed again, rather than risk another sender taking
    // them while this one still sends.
    if (Date.now() - claimedAt > LEASE_MS / 2) break;
    const mail: Claimed = { ...row, attempts: Number(row.attempts) };
    const result = await sendMail(ctx, openQueuedMessage(ctx, mail.id, mail.message_sealed));
    if (pending.length === 0) oldest = Date.now();
    pending.push({ mail, result });
    if (pending.length >= RECORD_EVERY || Date.now() - oldest >= RECORD_WITHIN_MS) {
      await recordOutcomes(ctx, pending, counts);
      pending = [];
    }
  }
  if (pending.length > 0) await recordOutcomes(ctx, pending, counts);
  return counts;
}

/** Writes a group of send outcomes and their timeline entries in one transaction. */
async function recordOutcomes(ctx: AppContext, outcomes: Outcome[], counts: DeliveryCounts): Promise<void> {
  const tally: DeliveryCounts = { sent: 0, retried: 0, failed: 0 };
  await ctx.db.transaction().execute(async (trx) => {
    for (const { mail, result } of outcomes) {
      const attempts = mail.attempts + 1;
      if (result.sent) {
        await trx
          .updateTable("request_mails")
          .set({ status: "sent", attempts, sent_at: ctx.now().toISOString(), last_error: null })
          .where("id", "=", mail.id)
          .execute();
        tally.sent++;
        if (mail.request_id) {
          const kind = mail.kind as RequestMailKind;
          await recordRequestEvent(ctx, trx, {
            orgId: mail.org_id,
            requestId: mail.request_id,
            kind: SENT_EVENT[kind] ?? "letter_sent",
            actor: "system",
            data: { mail: mail.id, kind },
          });
        }
        continue;
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
      if (!giveUp) {
        tally.retried++;
        continue;
      }
      tally.failed++;
      if (mail.request_id) {
        await recordRequestEvent(ctx, trx, {
          orgId: mail.org_id,
          requestId: mail.request_id,
          kind: "mail_failed",
          actor: "system",
          data: { mail: mail.id, kind: mail.kind, reason: result.reason, attempts },
        });
      }
    }
  });
  // Counted once the group has committed: the counts say what is recorded.
  counts.sent += tally.sent;
  counts.retried += tally.retried;
  counts.failed += tally.failed;
}
