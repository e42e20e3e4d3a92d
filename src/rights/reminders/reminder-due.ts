import { addDays, type CalendarDate } from "../deadlines/calendar-date.ts";

/** What a request needs today: a reminder before its due date, the overdue flag, or nothing. */
export type ReminderDue =
  | { kind: "reminder"; daysBefore: number; daysLeft: number }
  | { kind: "overdue"; daysLate: number }
  | null;

const MS_PER_DAY = 86_400_000;

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

/**
 * Decides what is due for one open request on `today` (a date in the organisation's time zone).
 *
 * - Art. 12(3) counts the month to the due date inclusive: the answer is late from the day after `dueOn`,
 *   and on that day the request is flagged overdue (once).
 * - Before, the reminder of the smallest threshold that has been reached is due. A reminder day missed (the
 *   server was down, a letter entered late) is caught up on the next run instead of lost, and two reminders
 *   never go out together: with [7, 2] and 5 days left, the 7-day one goes; with 1 day left, the 2-day one.
 *   The caller's dedupe key makes each of them go out once per due date.
 */
export function reminderDue(input: {
  today: CalendarDate;
  dueOn: CalendarDate;
  daysBefore: readonly number[];
  overdueFlagged: boolean;
}): ReminderDue {
  const daysLeft = daysBetween(input.today, input.dueOn);
  if (daysLeft < 0) return input.overdueFlagged ? null : { kind: "overdue", daysLate: -daysLeft };
  const reached = input.daysBefore.filter((d) => daysLeft <= d);
  if (reached.length === 0) return null;
  return { kind: "reminder", daysBefore: Math.min(...reached), daysLeft };
}

/** The last date (UTC calendar) a request may be due on to need anything within `days` days, any time zone. */
export function reminderHorizon(utcToday: CalendarDate, days: number): CalendarDate {
  // ±1 day covers every zone's "today" against UTC's.
  return addDays(utcToday, days + 1);
}
