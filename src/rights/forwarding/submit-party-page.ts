import type { AppContext } from "../../app/app-context.ts";
import type { Lang } from "../model/request.schema.ts";
import type { OpenedPartyLink } from "./open-party-link.ts";
import type { ControllerDecision, PartyView, ProcessorResult } from "./party.ts";
import type { PartyPage } from "./party-links.ts";
import { type PartyField, partyChoices, partyPageTexts } from "./party-pages.ts";
import { recordControllerDecision } from "./record-controller-decision.ts";
import { recordProcessorAnswer } from "./record-processor-answer.ts";

const MAX_TEXT = 5000;

export type PartyPageResult =
  | { ok: true; party: PartyView }
  | { ok: false; choice: string; text: string; errors: Array<{ field: PartyField; message: string }> };

function field(body: unknown, name: string): string {
  const value = body && typeof body === "object" ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === "string" ? value : "";
}

/**
 * What a counterpart posted on its page: validated (a choice among the page's, a text of at most 5,000
 * characters, required to say why a processor cannot act), then recorded as the controller's decision or
 * the processor's answer. Invalid input comes back with the errors, for the page to show; nothing is stored.
 */
export async function submitPartyPage(
  ctx: AppContext,
  input: { opened: OpenedPartyLink; page: PartyPage; lang: Lang; body: unknown },
): Promise<PartyPageResult> {
  const t = partyPageTexts(input.lang);
  const choice = field(input.body, "choice");
  const text = field(input.body, "text").trim();
  const errors: Array<{ field: PartyField; message: string }> = [];
  if (!partyChoices(input.page).includes(choice))
    errors.push({ field: "choice", message: t.chooseError(input.page) });
  if (text.length > MAX_TEXT) errors.push({ field: "text", message: t.tooLong });
  else if (input.page === "processor-answer" && choice === "not_done" && text === "")
    errors.push({ field: "text", message: t.textError });
  if (errors.length > 0) return { ok: false, choice, text, errors };
  const { party, request } = input.opened;
  const common = { orgId: party.org_id, requestId: request.id, partyId: party.id, via: "email" as const };
  if (input.page === "controller-decision") {
    return {
      ok: true,
      party: await recordControllerDecision(ctx, {
        ...common,
        decision: choice as ControllerDecision,
        instruction: text || undefined,
        actor: `controller-link:${party.id}`,
      }),
    };
  }
  return {
    ok: true,
    party: await recordProcessorAnswer(ctx, {
      ...common,
      result: choice as ProcessorResult,
      note: text || undefined,
      actor: `processor-link:${party.id}`,
    }),
  };
}
