import type { Transaction } from "kysely";
import type { Actor, AppContext } from "../../app/app-context.ts";
import type { Database } from "../../db/schema.ts";
import { notFound } from "../../errors/app-error.ts";
import { recordRequestEvent } from "../requests/record-request-event.ts";
import { lockRequestTimeline } from "../staff/lock-request-timeline.ts";
import {
  awaitsAnswer,
  type PartyView,
  type ProcessorResult,
  readPartyRow,
  toPartyView,
  updateParty,
} from "./party.ts";
import { alreadyDecided } from "./record-controller-decision.ts";
import { settleProcessorsIn } from "./settle-processors.ts";

export type ProcessorAnswerInput = {
  orgId: string;
  requestId: string;
  partyId: string;
  result: ProcessorResult;
  /** The processor's words (what it did, why it could not): sealed on the timeline. */
  note?: string | undefined;
  actor: Actor;
  via: "email" | "internal" | "opendsr" | "staff";
};

/**
 * Controller side: records a processor's answer to an instruction (Art. 28(3)(e): the processor assists the
 * controller in answering the person). When it was the last one awaited, the request goes back to in
 * progress.
 */
export async function recordProcessorAnswerIn(
  ctx: AppContext,
  trx: Transaction<Database>,
  input: ProcessorAnswerInput,
): Promise<PartyView> {
  await lockRequestTimeline(trx, input.orgId);
  const party = await readPartyRow(trx, input.orgId, input.requestId, input.partyId);
  if (party?.role !== "processor") throw notFound("party", input.partyId);
  if (!awaitsAnswer(party.status)) throw alreadyDecided(party.status);
  const at = ctx.now().toISOString();
  const answered = await updateParty(trx, party, at, {
    status: "answered",
    data: { result: input.result },
    answeredAt: at,
  });
  await recordRequestEvent(ctx, trx, {
    orgId: input.orgId,
    requestId: input.requestId,
    kind: "processor_answered",
    actor: input.actor,
    data: { party: party.id, partyRef: party.party_ref, result: input.result, via: input.via },
    ...(input.note ? { sealed: input.note } : {}),
  });
  await settleProcessorsIn(ctx, trx, { orgId: input.orgId, requestId: input.requestId, actor: input.actor });
  return toPartyView(answered);
}

/** @example await recordProcessorAnswer(ctx, { orgId, requestId, partyId, result: "completed", actor, via: "staff" }) */
export async function recordProcessorAnswer(
  ctx: AppContext,
  input: ProcessorAnswerInput,
): Promise<PartyView> {
  return ctx.db.transaction().execute((trx) => recordProcessorAnswerIn(ctx, trx, input));
}
