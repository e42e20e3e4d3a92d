import type { Actor, AppContext } from "../../app/app-context.ts";
import { AppError, notFound } from "../../errors/app-error.ts";
import { parseOrThrow } from "../../errors/from-zod.ts";
import { recordRequestEvent } from "../requests/record-request-event.ts";
import { lockRequestTimeline } from "../staff/lock-request-timeline.ts";
import { WaiveInput } from "./forwarding.types.ts";
import { awaitsAnswer, type PartyView, partyData, readPartyRow, toPartyView, updateParty } from "./party.ts";
import { alreadyDecided } from "./record-controller-decision.ts";
import { settleProcessorsIn } from "./settle-processors.ts";

/**
 * Controller side: staff decide to answer without a processor's answer, and say why (it holds nothing on
 * this person, it went out of business, the answer is overdue and the person's deadline is not). The
 * reason is required, sealed on the timeline and in the audit trail's hash (accountability, Art. 5(2)).
 *
 * @example await waiveProcessor(ctx, { orgId, requestId, partyId, actor, body: { reason: "No data held" } })
 */
export async function waiveProcessor(
  ctx: AppContext,
  input: { orgId: string; requestId: string; partyId: string; actor: Actor; body: unknown },
): Promise<PartyView> {
  const { reason } = parseOrThrow(WaiveInput, input.body);
  return ctx.db.transaction().execute(async (trx) => {
    await lockRequestTimeline(trx, input.orgId);
    const party = await readPartyRow(trx, input.orgId, input.requestId, input.partyId);
    if (party?.role !== "processor") throw notFound("party", input.partyId);
    if (!awaitsAnswer(party.status)) throw alreadyDecided(party.status);
    if (partyData(party).origin && party.status === "pending") {
      // The processor that forwarded the request waits for this organisation's instruction (Art. 29):
      // proceeding without it would leave it waiting for ever.
      throw new AppError("CONFLICT", "the forwarding processor waits for an instruction", {
        userMessage: {
          fr: "Ce sous-traitant vous a transmis la demande et attend votre instruction : donnez-la (instruct-processors, act ou do_not_act) plutôt que de vous en passer.",
          en: "This processor forwarded the request to you and waits for your instruction: give it (instruct-processors, act or do_not_act) instead of waiving it.",
        },
        details: { rule: "origin_needs_instruction" },
      });
    }
    const at = ctx.now().toISOString();
    const waived = await updateParty(trx, party, at, { status: "waived" });
    await recordRequestEvent(ctx, trx, {
      orgId: input.orgId,
      requestId: input.requestId,
      kind: "processor_waived",
      actor: input.actor,
      data: { party: party.id, partyRef: party.party_ref },
      sealed: reason,
    });
    await settleProcessorsIn(ctx, trx, {
      orgId: input.orgId,
      requestId: input.requestId,
      actor: input.actor,
    });
    return toPartyView(waived);
  });
}
