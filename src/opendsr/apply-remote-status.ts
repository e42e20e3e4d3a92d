import type { AppContext } from "../app/app-context.ts";
import type { OpenDsrExchangeRow } from "../db/schema.ts";
import { isAppError } from "../errors/app-error.ts";
import { partyData, processorResultOf } from "../rights/forwarding/party.ts";
import { recordControllerDecisionIn } from "../rights/forwarding/record-controller-decision.ts";
import { recordProcessorAnswerIn } from "../rights/forwarding/record-processor-answer.ts";
import type { OpenDsrStatus } from "./opendsr.schema.ts";
import { isStatusAdvance } from "./opendsr-status.ts";
import type { Peer } from "./peers/peer.schema.ts";

export type ApplyOutcome = "decision" | "answer" | "status" | "ignored";

export type RemoteStatus = {
  status: OpenDsrStatus;
  expectedCompletionTime?: string | undefined;
  resultsUrl?: string | null | undefined;
  extension?:
    | {
        controller_decision?: "confirm" | "refuse" | undefined;
        instruction?: string | undefined;
        outcome?: string | undefined;
      }
    | undefined;
};

/**
 * What a peer reports about a request exchanged with it (a callback, or the answer to a poll) applied to
 * the party it concerns:
 * - a controller's decision (Gardien extension; `cancelled` counts as a refusal) on a request this
 *   organisation forwarded as a processor;
 * - a processor's completion (`completed`, or `cancelled`: not done) on a request this organisation sent
 *   it as a controller, or on a request the processor forwarded here and was told to act on.
 * A status never moves back (a replayed or late callback changes nothing). Returns what it did.
 */
export async function applyRemoteStatus(
  ctx: AppContext,
  input: { exchange: OpenDsrExchangeRow; peer: Peer; report: RemoteStatus },
): Promise<ApplyOutcome> {
  const { exchange, peer, report } = input;
  const previous = (exchange.remote_status as OpenDsrStatus | null) ?? null;
  const advance = isStatusAdvance(previous, report.status);
  const actor = `opendsr:${peer.ref}`;
  let outcome: ApplyOutcome = "ignored";
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const party = exchange.party_id
        ? await trx
            .selectFrom("request_parties")
            .selectAll()
            .where("id", "=", exchange.party_id)
            .where("org_id", "=", exchange.org_id)
            .executeTakeFirst()
        : undefined;
      const open = party && (party.status === "pending" || party.status === "sent");
      if (party && open && party.role === "controller") {
        const decision =
          report.extension?.controller_decision ?? (report.status === "cancelled" ? "refuse" : undefined);
        if (decision) {
          await recordControllerDecisionIn(ctx, trx, {
            orgId: exchange.org_id,
            requestId: exchange.request_id,
            partyId: party.id,
            decision,
            instruction: report.extension?.instruction,
            actor,
            via: "opendsr",
          });
          outcome = "decision";
        }
      } else if (party && open && party.role === "processor" && party.status === "sent") {
        // An inbound exchange's party is the processor that forwarded the request: only its completion
        // after this organisation's instruction counts; an outbound one's is the processor instructed.
        if (report.status === "completed" || report.status === "cancelled") {
          await recordProcessorAnswerIn(ctx, trx, {
            orgId: exchange.org_id,
            requestId: exchange.request_id,
            partyId: party.id,
            result: processorResultOf(report.status === "cancelled", report.extension?.outcome),
            actor,
            via: "opendsr",
          });
          outcome = "answer";
        }
      }
      if (advance || report.expectedCompletionTime || report.resultsUrl) {
        await trx
          .updateTable("opendsr_exchanges")
          .set({
            ...(advance ? { remote_status: report.status } : {}),
            ...(report.expectedCompletionTime
              ? { expected_completion_time: report.expectedCompletionTime }
              : {}),
            ...(report.resultsUrl ? { results_url: report.resultsUrl } : {}),
            updated_at: ctx.now().toISOString(),
          })
          .where("id", "=", exchange.id)
          .execute();
        if (party && advance) {
          // Re-read: a decision or an answer above has just changed the party's data.
          const current = await trx
            .selectFrom("request_parties")
            .select("data")
            .where("id", "=", party.id)
            .executeTakeFirstOrThrow();
          await trx
            .updateTable("request_parties")
            .set({ data: JSON.stringify({ ...partyData(current), remoteStatus: report.status }) })
            .where("id", "=", party.id)
            .execute();
        }
        if (outcome === "ignored" && advance) outcome = "status";
      }
    });
  } catch (error) {
    // The party was answered meanwhile (a callback and a poll crossing): the first one won.
    if (isAppError(error) && error.code === "CONFLICT") return "ignored";
    throw error;
  }
  return outcome;
}
