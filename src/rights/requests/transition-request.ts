import type { Transaction } from "kysely";
import type { Actor, AppContext } from "../../app/app-context.ts";
import type { Database, RequestRow } from "../../db/schema.ts";
import { AppError, conflict, notFound, validationError } from "../../errors/app-error.ts";
import type { DataSubjectRequest, RequestOutcome, RequestStatus } from "../model/request.schema.ts";
import { canTransition, TRANSITIONS } from "../model/transitions.ts";
import { readRequestRow } from "./get-request.ts";
import { recordRequestEvent } from "./record-request-event.ts";
import { toDataSubjectRequest } from "./request-record.ts";

export type TransitionInput = {
  orgId: string;
  requestId: string;
  to: RequestStatus;
  actor: Actor;
  /** Required to move to `answered`. */
  outcome?: RequestOutcome;
  /** Optimistic concurrency: the revision the caller saw (If-Match). */
  expectedRevision?: number;
  /** Non-personal facts recorded with the transition. */
  data?: Record<string, unknown>;
  /** Staff's words (may name people): sealed on the timeline. */
  note?: string;
};

function invalidTransition(from: RequestStatus, to: RequestStatus): AppError {
  return new AppError("CONFLICT", `a request cannot go from ${from} to ${to}`, {
    userMessage: {
      fr: `Une demande ne peut pas passer de « ${from} » à « ${to} ».`,
      en: `A request cannot go from "${from}" to "${to}".`,
    },
    details: { rule: "transition", from, to, allowed: TRANSITIONS[from] },
  });
}

/**
 * Moves a request along the workflow inside a caller's transaction (other operations combine it with their
 * own writes). Controller side, a request cannot be answered or closed while a processor it was sent to has
 * neither answered nor been waived with a reason.
 */
export async function transitionRequestIn(
  ctx: AppContext,
  trx: Transaction<Database>,
  input: TransitionInput,
): Promise<{ before: RequestRow; after: RequestRow }> {
  const before = await readRequestRow(trx, input.orgId, input.requestId);
  if (!before) throw notFound("request", input.requestId);
  if (input.expectedRevision !== undefined && Number(before.revision) !== input.expectedRevision) {
    throw conflict(`request revision is ${before.revision}, not ${input.expectedRevision}`, {
      rule: "revision",
      revision: Number(before.revision),
    });
  }
  const from = before.status as RequestStatus;
  if (!canTransition(from, input.to)) throw invalidTransition(from, input.to);
  if (input.to === "answered" && input.outcome === undefined) {
    throw validationError([
      { path: "outcome", rule: "required", message: "an answered request needs an outcome" },
    ]);
  }
  if (input.to === "answered" || input.to === "closed") {
    const waiting = await trx
      .selectFrom("request_parties")
      .select(["party_ref", "status"])
      .where("request_id", "=", input.requestId)
      .where("role", "=", "processor")
      .where("status", "in", ["pending", "sent"])
      .execute();
    if (waiting.length > 0) {
      throw new AppError("CONFLICT", "processors have not answered yet", {
        userMessage: {
          fr: `Des sous-traitants n'ont pas encore répondu : ${waiting.map((w) => w.party_ref).join(", ")}. Enregistrez leur réponse ou la raison de s'en passer.`,
          en: `Processors have not answered yet: ${waiting.map((w) => w.party_ref).join(", ")}. Record their answer or why to proceed without it.`,
        },
        details: { rule: "processors_pending", processors: waiting.map((w) => w.party_ref) },
      });
    }
  }
  const at = ctx.now().toISOString();
  const after: RequestRow = {
    ...before,
    status: input.to,
    revision: Number(before.revision) + 1,
    updated_at: at,
    ...(input.to === "answered" ? { outcome: input.outcome ?? null, answered_at: at } : {}),
    ...(input.to === "closed" || input.to === "withdrawn" ? { closed_at: at } : {}),
    // Reopening (answered → in_progress) clears the outcome: the next answer decides it again.
    ...(from === "answered" && input.to === "in_progress" ? { outcome: null, answered_at: null } : {}),
  };
  await trx
    .updateTable("requests")
    .set({
      status: after.status,
      revision: after.revision,
      updated_at: after.updated_at,
      outcome: after.outcome,
      answered_at: after.answered_at,
      closed_at: after.closed_at,
    })
    .where("id", "=", before.id)
    .where("org_id", "=", input.orgId)
    .execute();
  await recordRequestEvent(ctx, trx, {
    orgId: input.orgId,
    requestId: before.id,
    kind: input.to === "withdrawn" ? "withdrawn" : "status_changed",
    actor: input.actor,
    data: {
      from,
      to: input.to,
      revision: after.revision,
      ...(input.outcome ? { outcome: input.outcome } : {}),
      ...(input.data ?? {}),
    },
    ...(input.note !== undefined ? { sealed: input.note } : {}),
    after: { ...after, requester_sealed: undefined, assignee_sealed: undefined },
  });
  return { before, after };
}

/** @example await transitionRequest(ctx, { orgId, requestId, to: "in_progress", actor: "token:abc" }) */
export async function transitionRequest(
  ctx: AppContext,
  input: TransitionInput,
): Promise<DataSubjectRequest> {
  const { after } = await ctx.db.transaction().execute((trx) => transitionRequestIn(ctx, trx, input));
  return toDataSubjectRequest(ctx.config, after);
}
