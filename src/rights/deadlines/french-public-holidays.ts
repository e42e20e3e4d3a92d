import type { CalendarDate } from "./calendar-date.ts";
import { HOLIDAY_RULES, holidaysOf } from "./holiday-calendars.ts";

/**
 * The French public holidays of a year (Code du travail L3133-1), with Good Friday and 26 December when the
 * organisation is established in Alsace-Moselle (L3134-13). Sorted by date.
 *
 * @example frenchPublicHolidays(2026, { alsaceMoselle: false })[1] // { date: "2026-04-06", name: "Lundi de Pâques" }
 */
export function frenchPublicHolidays(
  year: number,
  options: { alsaceMoselle: boolean },
): Array<{ date: CalendarDate; name: string }> {
  const fr = HOLIDAY_RULES.FR!;
  return [...holidaysOf(fr, year, options)].map(([date, name]) => ({ date, name }));
}
