import type { Actor, AppContext } from "../../app/app-context.ts";
import { notFound, validationError } from "../../errors/app-error.ts";
import { parseOrThrow } from "../../errors/from-zod.ts";
import { PartyAnswerInput } from "./forwarding.types.ts";
import { type PartyView, readPartyRow } from "./party.ts";
import { recordControllerDecision } from "./record-controller-decision.ts";
import { recordProcessorAnswer } from "./record-processor-answer.ts";

/**
 * Staff record what a party answered outside Gardien (by phone, by mail, on a portal): a controller's
 * decision on a forwarded request, or a processor's answer to an instruction. The fields required follow
 * the party's role, and the error names the missing one.
 *
 * @example await recordPartyAnswer(ctx, { orgId, requestId, partyId, actor, body: { result: "completed" } })
 */
export async function recordPartyAnswer(
  ctx: AppContext,
  input: { orgId: string; requestId: string; partyId: string; actor: Actor; body: unknown },
): Promise<PartyView> {
  const body = parseOrThrow(PartyAnswerInput, input.body);
  const party = await readPartyRow(ctx.db, input.orgId, input.requestId, input.partyId);
  if (!party) throw notFound("party", input.partyId);
  const common = { orgId: input.orgId, requestId: input.requestId, partyId: party.id, actor: input.actor };
  if (party.role === "controller") {
    if (body.decision === undefined)
      throw validationError([
        {
          path: "decision",
          rule: "required",
          message: "a controller's answer is a decision: confirm or refuse",
        },
      ]);
    if (body.result !== undefined || body.note !== undefined)
      throw validationError([
        {
          path: body.result !== undefined ? "result" : "note",
          rule: "role",
          message: "is for a processor's answer",
        },
      ]);
    return recordControllerDecision(ctx, {
      ...common,
      decision: body.decision,
      instruction: body.instruction,
      via: "staff",
    });
  }
  if (body.result === undefined)
    throw validationError([
      {
        path: "result",
        rule: "required",
        message: "a processor's answer is a result: completed, no_data or not_done",
      },
    ]);
  if (body.decision !== undefined || body.instruction !== undefined)
    throw validationError([
      {
        path: body.decision !== undefined ? "decision" : "instruction",
        rule: "role",
        message: "is for a controller's decision",
      },
    ]);
  return recordProcessorAnswer(ctx, { ...common, result: body.result, note: body.note, via: "staff" });
}
