import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { addDays, type CalendarDate } from "../deadlines/calendar-date.ts";
import { OPEN_STATUSES } from "../model/transitions.ts";
import { reminderHorizon } from "./reminder-due.ts";

export type ReminderCandidate = {
  id: string;
  org_id: string;
  number: number;
  type: string;
  status: string;
  received_at: string;
  due_on: string;
  original_due_on: string;
  assignee_sealed: string | null;
  overdue_at: string | null;
};

/**
 * The open requests (duplicates left out: their first request is reminded) that may need a reminder or the
 * overdue flag today: due within `days` days, or past due and not yet flagged. One query on the
 * `requests_open_due (status, due_on)` index: a range per open status, never a scan of every request.
 * Requests already flagged overdue stay out unless their due date is ahead again (moved after the flag).
 */
export async function findReminderCandidates(
  db: Kysely<Database>,
  input: { utcToday: CalendarDate; days: number; orgId?: string | undefined },
): Promise<ReminderCandidate[]> {
  const flaggedStillDueFrom = addDays(input.utcToday, -1);
  let query = db
    .selectFrom("requests")
    .select([
      "id",
      "org_id",
      "number",
      "type",
      "status",
      "received_at",
      "due_on",
      "original_due_on",
      "assignee_sealed",
      "overdue_at",
    ])
    .where("status", "in", OPEN_STATUSES)
    .where("due_on", "<=", reminderHorizon(input.utcToday, input.days))
    .where("duplicate_of", "is", null)
    .where((eb) => eb.or([eb("overdue_at", "is", null), eb("due_on", ">=", flaggedStillDueFrom)]));
  if (input.orgId !== undefined) query = query.where("org_id", "=", input.orgId);
  return query.orderBy("due_on").execute();
}
