const ISO_DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

/**
 * An ISO 8601 calendar duration as comparable bounds. Years and months have no fixed length in days
 * (a year is 365 or 366 days, k < 12 months between 30k − 2 and 31k days), so a mixed comparison uses the
 * shortest and longest possible lengths and only concludes when they do not overlap.
 */
export type DurationBounds = {
  readonly months: number;
  readonly days: number;
  readonly minDays: number;
  readonly maxDays: number;
};

export function measureDuration(iso: string): DurationBounds | undefined {
  const m = ISO_DURATION.exec(iso);
  if (!m) return undefined;
  const months = Number(m[1] ?? 0) * 12 + Number(m[2] ?? 0);
  const days = Number(m[3] ?? 0) * 7 + Number(m[4] ?? 0);
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const minDays = years * 365 + (rest > 0 ? rest * 30 - 2 : 0) + days;
  const maxDays = years * 366 + rest * 31 + days;
  return { months, days, minDays, maxDays };
}

/** True only when `a` is longer than `b` whatever the start date: no false alarm on P2Y against P24M. */
export function isSurelyLonger(a: DurationBounds, b: DurationBounds): boolean {
  if (a.days === 0 && b.days === 0) return a.months > b.months;
  if (a.months === 0 && b.months === 0) return a.days > b.days;
  return a.minDays > b.maxDays;
}
