import type { AppContext } from "../../app/app-context.ts";
import { recordRequestEvent } from "../../rights/requests/record-request-event.ts";
import { OpenDsrCreatedBody } from "../opendsr.schema.ts";
import { callPeer } from "../opendsr-http.ts";
import { toPeer } from "../peers/peer-record.ts";
import { openOutboxBody } from "./queue-opendsr-message.ts";

/** Minutes before each retry (OpenDSR §8.5: callbacks SHOULD be retried); then the message is marked failed. */
const BACKOFF_MINUTES = [1, 5, 30, 120, 720];

type Attempt = { ok: true; expected?: string } | { ok: false; error: string };

/**
 * Sends the queued OpenDSR messages that are due, each signed with its organisation's key. A request
 * counts as delivered on a 2xx whose body is a signed OpenDSR answer (§7.3); a callback on any 2xx.
 * Safe with several processes: a message is claimed by a conditional update before it is sent, under a
 * lease that lets another sender take it again if this one dies before recording the outcome. Failures
 * are retried with backoff; the last one records `opendsr_failed` on the request (and marks the party),
 * so staff see it and reach the party another way. Returns the counts.
 */
export async function deliverOpenDsrOutbox(
  ctx: AppContext,
  options: { limit?: number } = {},
): Promise<{ sent: number; retried: number; failed: number }> {
  const now = ctx.now();
  const due = await ctx.db
    .selectFrom("opendsr_outbox")
    .selectAll()
    // A message left `sending` by a sender that crashed is taken again once its lease has run out.
    .where("status", "in", ["queued", "sending"])
    .where("next_attempt_at", "<=", now.toISOString())
    .orderBy("next_attempt_at")
    .limit(options.limit ?? 100)
    .execute();
  const counts = { sent: 0, retried: 0, failed: 0 };
  for (const message of due) {
    const lease = new Date(now.getTime() + 10 * 60_000).toISOString();
    const claimed = await ctx.db
      .updateTable("opendsr_outbox")
      .set({ status: "sending", next_attempt_at: lease })
      .where("id", "=", message.id)
      // Unchanged since it was read: another sender has not claimed it in between.
      .where("status", "=", message.status)
      .where("next_attempt_at", "=", message.next_attempt_at)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) continue;
    const exchange = await ctx.db
      .selectFrom("opendsr_exchanges")
      .selectAll()
      .where("id", "=", message.exchange_id)
      .executeTakeFirstOrThrow();
    const peerRow = await ctx.db
      .selectFrom("opendsr_peers")
      .selectAll()
      .where("id", "=", exchange.peer_id)
      .executeTakeFirstOrThrow();
    const peer = toPeer(peerRow);
    let attempt: Attempt;
    if (peer.status !== "active") attempt = { ok: false, error: "peer_archived" };
    else {
      try {
        const response = await callPeer(ctx, {
          orgId: message.org_id,
          peer,
          method: "POST",
          url: message.url,
          body: openOutboxBody(ctx, message.id, message.body_sealed),
        });
        if (response.status < 200 || response.status > 299)
          attempt = { ok: false, error: `http_${response.status}` };
        else if (message.kind === "callback") attempt = { ok: true };
        else if (!response.signedByPeer) attempt = { ok: false, error: "unsigned_response" };
        else {
          let parsed: ReturnType<typeof OpenDsrCreatedBody.safeParse>;
          try {
            parsed = OpenDsrCreatedBody.safeParse(JSON.parse(response.body.toString("utf8")));
          } catch {
            parsed = OpenDsrCreatedBody.safeParse(undefined);
          }
          attempt = parsed.success
            ? { ok: true, expected: parsed.data.expected_completion_time }
            : { ok: false, error: "bad_response" };
        }
      } catch (error) {
        attempt = {
          ok: false,
          error: error instanceof Error && error.name === "TimeoutError" ? "timeout" : "unreachable",
        };
      }
    }
    const attempts = Number(message.attempts) + 1;
    await ctx.db.transaction().execute(async (trx) => {
      const at = ctx.now().toISOString();
      if (attempt.ok) {
        counts.sent++;
        await trx
          .updateTable("opendsr_outbox")
          .set({ status: "sent", attempts, sent_at: at, last_error: null })
          .where("id", "=", message.id)
          .execute();
        if (message.kind === "request") {
          await trx
            .updateTable("opendsr_exchanges")
            .set({
              remote_status: exchange.remote_status ?? "pending",
              ...(attempt.expected ? { expected_completion_time: attempt.expected } : {}),
              updated_at: at,
            })
            .where("id", "=", exchange.id)
            .execute();
        }
        await recordRequestEvent(ctx, trx, {
          orgId: message.org_id,
          requestId: message.request_id,
          kind: message.kind === "request" ? "opendsr_delivered" : "callback_sent",
          actor: "system",
          data: { peer: peer.ref, exchange: exchange.id, attempts },
        });
        return;
      }
      const wait = BACKOFF_MINUTES[attempts - 1];
      const giveUp = wait === undefined || attempt.error === "peer_archived";
      await trx
        .updateTable("opendsr_outbox")
        .set({
          status: giveUp ? "failed" : "queued",
          attempts,
          last_error: attempt.error,
          next_attempt_at: new Date(ctx.now().getTime() + (wait ?? 0) * 60_000).toISOString(),
        })
        .where("id", "=", message.id)
        .execute();
      if (!giveUp) {
        counts.retried++;
        return;
      }
      counts.failed++;
      if (message.kind === "request" && exchange.party_id) {
        const party = await trx
          .selectFrom("request_parties")
          .select("data")
          .where("id", "=", exchange.party_id)
          .executeTakeFirst();
        if (party) {
          await trx
            .updateTable("request_parties")
            .set({
              data: JSON.stringify({ ...JSON.parse(party.data), deliveryFailed: true }),
              updated_at: at,
            })
            .where("id", "=", exchange.party_id)
            .execute();
        }
      }
      await recordRequestEvent(ctx, trx, {
        orgId: message.org_id,
        requestId: message.request_id,
        kind: "opendsr_failed",
        actor: "system",
        data: { peer: peer.ref, exchange: exchange.id, kind: message.kind, reason: attempt.error, attempts },
      });
    });
  }
  return counts;
}
