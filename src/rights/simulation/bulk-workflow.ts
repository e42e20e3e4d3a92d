/**
 * The simulation's fast lane for the organisations it does not run through the real operations: a day's
 * arrivals and a day's staff steps written in one transaction each, with the columns `createRequest` and
 * `transitionRequest` write (due date by `computeDueDate`, requester sealed, lookup hash, statuses and
 * stamps). What the reminders read is the same; what they skip is the per-request timeline and audit entry
 * of those steps, which the scheduler never looks at. See run-simulation.ts for why.
 */
import { randomUUID } from "node:crypto";
import type { AppContext } from "../../app/app-context.ts";
import type { RequestRow } from "../../db/schema.ts";
import type { CalendarDate } from "../deadlines/calendar-date.ts";
import { computeDueDate } from "../deadlines/compute-due-date.ts";
import { extendDueDate } from "../deadlines/extend-due-date.ts";
import type { Lang, RequestOutcome, RequestType } from "../model/request.schema.ts";
import { requesterLookup } from "../requests/create-request.ts";
import { calendarDateIn } from "../requests/organisation-calendar.ts";
import { sealAssignee, sealRequester } from "../requests/request-record.ts";

export type BulkArrival = {
  orgId: string;
  number: number;
  lang: Lang;
  alsaceMoselle: boolean;
  type: RequestType;
  channel: "api" | "web_form";
  receivedAt: Date;
  name: string;
  email: string;
  identityVerified: boolean;
  duplicateOf: string | null;
  assignee: string | null;
};

/** Records a day's arrivals as `createRequest` would, in one transaction; returns their ids and due dates. */
export async function insertArrivals(
  ctx: AppContext,
  arrivals: BulkArrival[],
): Promise<Array<{ id: string; dueOn: CalendarDate }>> {
  if (arrivals.length === 0) return [];
  const at = ctx.now().toISOString();
  const rows = arrivals.map((a): RequestRow => {
    const id = randomUUID();
    const receivedOn = calendarDateIn(a.receivedAt, "Europe/Paris");
    const { dueOn } = computeDueDate({ receivedOn, country: "FR", alsaceMoselle: a.alsaceMoselle });
    const requester = { name: a.name, email: a.email };
    return {
      id,
      org_id: a.orgId,
      number: a.number,
      type: a.type,
      status: a.duplicateOf ? "closed" : a.identityVerified ? "in_progress" : "awaiting_identity",
      channel: a.channel,
      role: "controller",
      lang: a.lang,
      received_at: a.receivedAt.toISOString(),
      received_on: receivedOn,
      due_on: dueOn,
      original_due_on: dueOn,
      extension: null,
      extension_reason_sealed: null,
      identity_status: a.identityVerified ? "verified" : "pending",
      requester_sealed: sealRequester(ctx.config, id, requester),
      requester_lookup: requesterLookup(ctx, requester),
      activity_refs: "[]",
      duplicate_of: a.duplicateOf,
      assignee_sealed: a.assignee ? sealAssignee(ctx.config, id, a.assignee) : null,
      outcome: null,
      external: null,
      overdue_at: null,
      answered_at: null,
      closed_at: a.duplicateOf ? at : null,
      revision: 1,
      created_at: at,
      updated_at: at,
    };
  });
  await ctx.db.transaction().execute((trx) => trx.insertInto("requests").values(rows).execute());
  return rows.map((r) => ({ id: r.id, dueOn: r.due_on }));
}

export type BulkStep =
  | { kind: "verify"; id: string }
  | { kind: "answer"; id: string; outcome: RequestOutcome }
  | { kind: "withdraw"; id: string }
  | { kind: "extend"; id: string; receivedOn: CalendarDate; extraMonths: 1 | 2; alsaceMoselle: boolean };

/** Applies a day's staff steps as `transitionRequest` (and an extension) would, in one transaction. */
export async function applySteps(ctx: AppContext, day: CalendarDate, steps: BulkStep[]): Promise<void> {
  if (steps.length === 0) return;
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const ids = (kind: BulkStep["kind"], outcome?: RequestOutcome) =>
      steps
        .filter(
          (s) => s.kind === kind && (outcome === undefined || (s.kind === "answer" && s.outcome === outcome)),
        )
        .map((s) => s.id);
    const verified = ids("verify");
    if (verified.length > 0) {
      await trx
        .updateTable("requests")
        .set((eb) => ({ status: "in_progress", revision: eb("revision", "+", 1), updated_at: at }))
        .where("id", "in", verified)
        .execute();
    }
    for (const outcome of ["granted", "partly_granted", "refused", "no_action"] as const) {
      const answered = ids("answer", outcome);
      if (answered.length === 0) continue;
      await trx
        .updateTable("requests")
        .set((eb) => ({
          status: "answered",
          outcome,
          answered_at: at,
          revision: eb("revision", "+", 1),
          updated_at: at,
        }))
        .where("id", "in", answered)
        .execute();
    }
    const withdrawn = ids("withdraw");
    if (withdrawn.length > 0) {
      await trx
        .updateTable("requests")
        .set((eb) => ({
          status: "withdrawn",
          closed_at: at,
          revision: eb("revision", "+", 1),
          updated_at: at,
        }))
        .where("id", "in", withdrawn)
        .execute();
    }
    for (const step of steps) {
      if (step.kind !== "extend") continue;
      const extended = extendDueDate({
        receivedOn: step.receivedOn,
        requestedOn: day,
        extraMonths: step.extraMonths,
        reason: "simulation",
        country: "FR",
        alsaceMoselle: step.alsaceMoselle,
      });
      await trx
        .updateTable("requests")
        .set((eb) => ({
          due_on: extended.dueOn,
          extension: JSON.stringify({ extraMonths: step.extraMonths, reason: "simulation", decidedOn: day }),
          revision: eb("revision", "+", 1),
          updated_at: at,
        }))
        .where("id", "=", step.id)
        .execute();
    }
  });
}
