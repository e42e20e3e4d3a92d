import type { CalendarDate } from "../deadlines/calendar-date.ts";

const hourIn = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Paris",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/**
 * The instant at which Paris clocks show `date` at `hh:mm` (winter +01:00 or summer +02:00). Times that do
 * not exist or happen twice on a DST night are avoided by the simulation's choice of hours (01:30 is never
 * skipped: the change happens at 02:00).
 */
export function parisInstant(date: CalendarDate, hhmm: string): Date {
  for (const offset of ["+01:00", "+02:00"]) {
    const candidate = new Date(`${date}T${hhmm}:00${offset}`);
    if (hourIn.format(candidate) === hhmm) return candidate;
  }
  throw new Error(`${date} ${hhmm} does not exist in Paris`);
}
