/** The calendar date of a moment, as the register writes dates (YYYY-MM-DD, UTC). */
export function todayIso(now: Date): string {
  return now.toISOString().slice(0, 10);
}
