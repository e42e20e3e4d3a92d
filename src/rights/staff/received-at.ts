import { z } from "zod";

/**
 * The date of receipt as staff know it: a calendar date (a letter stamped on arrival) or an instant with
 * its offset (an e-mail's Date header). A date means the start of that day where the organisation is
 * established, so the day of receipt — what starts the Art. 12(3) period — is the date written.
 */
export const ReceivedAt = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: "must be a date (YYYY-MM-DD) or a date-time with its offset (2026-03-02T10:00:00+01:00)",
});

/** Milliseconds to add to UTC to read the wall clock in `timeZone` at `instant`. */
function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wall - instant;
}

/**
 * The ISO instant a `ReceivedAt` stands for: a date-time as given, a date at 00:00 in the time zone.
 *
 * @example receivedInstant("2027-02-01", "Europe/Paris") // "2027-01-31T23:00:00.000Z"
 */
export function receivedInstant(value: string, timeZone: string): string {
  if (value.length > 10) return value;
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  const midnightAsUtc = Date.UTC(y, m - 1, d);
  // Two passes: the offset at the guess is the one in force at local midnight (no zone in use moves
  // its clocks at midnight).
  const guess = midnightAsUtc - offsetMs(midnightAsUtc, timeZone);
  return new Date(midnightAsUtc - offsetMs(guess, timeZone)).toISOString();
}
