import type { Transaction } from "kysely";
import type { Actor, AppContext } from "../../app/app-context.ts";
import type { Database } from "../../db/schema.ts";
import { organisationName } from "../../documents/format-identity.ts";
import { AppError, notFound } from "../../errors/app-error.ts";
import { enqueueRequestMail } from "../mail/enqueue-request-mail.ts";
import { readRequestRow } from "../requests/get-request.ts";
import { loadOrganisationCalendar } from "../requests/organisation-calendar.ts";
import { recordRequestEvent } from "../requests/record-request-event.ts";
import { openRequester, requestReference } from "../requests/request-record.ts";
import { transitionRequestIn } from "../requests/transition-request.ts";
import { lockRequestTimeline } from "../staff/lock-request-timeline.ts";
import { controllerHandlesItMail } from "./forwarding-mails.ts";
import {
  awaitsAnswer,
  type ControllerDecision,
  type PartyView,
  readPartyRow,
  toPartyView,
  updateParty,
} from "./party.ts";

export type ControllerDecisionInput = {
  orgId: string;
  requestId: string;
  partyId: string;
  decision: ControllerDecision;
  /** The controller's words (what to erase, what to send): sealed on the timeline. */
  instruction?: string | undefined;
  actor: Actor;
  /** How the decision arrived: the public link, another organisation here, OpenDSR, or staff who heard it. */
  via: "email" | "internal" | "opendsr" | "staff";
};

export function alreadyDecided(status: string): AppError {
  return new AppError("CONFLICT", "this party has already answered", {
    userMessage: {
      fr: "Une réponse a déjà été enregistrée pour ce destinataire.",
      en: "An answer has already been recorded for this party.",
    },
    details: { rule: "already_answered", status },
  });
}

/**
 * Processor side: records the controller's instruction on a forwarded request (Art. 28(3)(a): a processor
 * acts only on documented instructions; Art. 29). Confirmed: once every controller it went to has decided,
 * the request moves on to in progress. Refused by all: the request is closed and the person is told the
 * controller handles it. Runs in the caller's transaction (an internal controller's decision commits with
 * its own side).
 */
export async function recordControllerDecisionIn(
  ctx: AppContext,
  trx: Transaction<Database>,
  input: ControllerDecisionInput,
): Promise<PartyView> {
  await lockRequestTimeline(trx, input.orgId);
  const party = await readPartyRow(trx, input.orgId, input.requestId, input.partyId);
  if (party?.role !== "controller") throw notFound("party", input.partyId);
  if (!awaitsAnswer(party.status)) throw alreadyDecided(party.status);
  const at = ctx.now().toISOString();
  const decided = await updateParty(trx, party, at, {
    status: input.decision === "confirm" ? "confirmed" : "refused",
    data: { decision: input.decision },
    answeredAt: at,
  });
  await recordRequestEvent(ctx, trx, {
    orgId: input.orgId,
    requestId: input.requestId,
    kind: "controller_instruction",
    actor: input.actor,
    data: { party: party.id, partyRef: party.party_ref, decision: input.decision, via: input.via },
    ...(input.instruction ? { sealed: input.instruction } : {}),
  });

  const controllers = await trx
    .selectFrom("request_parties")
    .select(["status", "name"])
    .where("request_id", "=", input.requestId)
    .where("org_id", "=", input.orgId)
    .where("role", "=", "controller")
    .execute();
  const waiting = controllers.some((c) => c.status === "pending" || c.status === "sent");
  const request = await readRequestRow(trx, input.orgId, input.requestId);
  if (waiting || request?.status !== "awaiting_controller") return toPartyView(decided);

  if (controllers.some((c) => c.status === "confirmed")) {
    await transitionRequestIn(ctx, trx, {
      orgId: input.orgId,
      requestId: input.requestId,
      to: "in_progress",
      actor: input.actor,
      data: { reason: "controller_confirmed" },
    });
    return toPartyView(decided);
  }
  await transitionRequestIn(ctx, trx, {
    orgId: input.orgId,
    requestId: input.requestId,
    to: "closed",
    actor: input.actor,
    data: { reason: "controller_handles_it" },
  });
  const requester = openRequester(ctx.config, request.id, request.requester_sealed);
  if (requester.email) {
    const calendar = await loadOrganisationCalendar(trx, input.orgId);
    const mail = controllerHandlesItMail({
      lang: request.lang === "en" ? "en" : "fr",
      processorName: organisationName(calendar.organisation),
      controllerNames: controllers.filter((c) => c.status === "refused").map((c) => c.name),
      reference: requestReference(request.received_at, Number(request.number)),
    });
    await enqueueRequestMail(ctx, trx, {
      orgId: input.orgId,
      requestId: input.requestId,
      kind: "status_update",
      dedupeKey: `controller-handles:${input.requestId}`,
      message: {
        to: requester.email,
        subject: mail.subject,
        text: mail.text,
        lang: request.lang === "en" ? "en" : "fr",
      },
    });
  }
  return toPartyView(decided);
}

/** The same in its own transaction. @example await recordControllerDecision(ctx, { orgId, requestId, partyId, decision: "confirm", instruction: "Erase", actor, via: "staff" }) */
export async function recordControllerDecision(
  ctx: AppContext,
  input: ControllerDecisionInput,
): Promise<PartyView> {
  return ctx.db.transaction().execute((trx) => recordControllerDecisionIn(ctx, trx, input));
}
