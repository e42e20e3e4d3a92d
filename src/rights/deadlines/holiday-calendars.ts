/**
 * Public holidays as data, one entry per country. Reg. 1182/71 Art. 3(4) moves a deadline off "public holidays",
 * which the Regulation leaves to each Member State, so the controller's country decides (gdpr-reference §3).
 * To add a country, add its rules here; nothing else changes.
 */
import { validationError } from "../../errors/app-error.ts";
import { addDays, type CalendarDate, toCalendarDate } from "./calendar-date.ts";
import { easterSunday } from "./easter-sunday.ts";

/** A holiday fixed in the calendar, or a number of days after (negative: before) Easter Sunday. */
export type HolidayRule =
  | { name: string; month: number; day: number; alsaceMoselleOnly?: boolean }
  | { name: string; easterOffset: number; alsaceMoselleOnly?: boolean };

export type CountryHolidays = {
  /** Days of the week that are never working days, 0 = Sunday … 6 = Saturday (Art. 3(4): Saturday, Sunday). */
  weekend: readonly number[];
  rules: readonly HolidayRule[];
};

export type HolidayOptions = { alsaceMoselle?: boolean };

export const HOLIDAY_RULES: Readonly<Record<string, CountryHolidays>> = {
  // Code du travail, art. L3133-1 (the eleven "fêtes légales"); Alsace-Moselle, art. L3134-13 adds Good Friday
  // and 26 December (local law kept from 1918). L3134-13 grants Good Friday only in communes with a Protestant
  // or mixed church; the one `alsaceMoselle` setting applies both days, which gives a day more than the law where
  // the commune has none; a per-commune setting would be needed to be exact.
  FR: {
    weekend: [6, 0],
    rules: [
      { name: "Jour de l'an", month: 1, day: 1 },
      { name: "Vendredi saint", easterOffset: -2, alsaceMoselleOnly: true },
      { name: "Lundi de Pâques", easterOffset: 1 },
      { name: "Fête du Travail", month: 5, day: 1 },
      { name: "Victoire 1945", month: 5, day: 8 },
      { name: "Ascension", easterOffset: 39 },
      { name: "Lundi de Pentecôte", easterOffset: 50 },
      { name: "Fête nationale", month: 7, day: 14 },
      { name: "Assomption", month: 8, day: 15 },
      { name: "Toussaint", month: 11, day: 1 },
      { name: "Armistice 1918", month: 11, day: 11 },
      { name: "Noël", month: 12, day: 25 },
      { name: "Saint-Étienne", month: 12, day: 26, alsaceMoselleOnly: true },
    ],
  },
};

/** The public holidays of a year, date → name, sorted by date. */
export function holidaysOf(
  country: CountryHolidays,
  year: number,
  options: HolidayOptions = {},
): Map<CalendarDate, string> {
  const easter = easterSunday(year);
  const found = new Map<CalendarDate, string>();
  for (const rule of country.rules) {
    if (rule.alsaceMoselleOnly && !options.alsaceMoselle) continue;
    const date =
      "easterOffset" in rule
        ? addDays(easter, rule.easterOffset)
        : toCalendarDate(year, rule.month, rule.day);
    // Two holidays can share a day (Ascension fell on 1 May in 2008): keep both names.
    const already = found.get(date);
    found.set(date, already ? `${already} / ${rule.name}` : rule.name);
  }
  return new Map([...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** What `isWorkingDay` needs: the weekend, and the holidays of any year (computed once per year). */
export type HolidayCalendar = {
  country: string;
  weekend: readonly number[];
  holidayName(date: CalendarDate): string | undefined;
};

/**
 * The calendar of a country. Refuses a country with no holiday data rather than silently counting only
 * weekends, which would give a due date later than the law allows wherever a holiday was missed.
 */
export function holidayCalendar(country: string, options: HolidayOptions = {}): HolidayCalendar {
  const data = Object.hasOwn(HOLIDAY_RULES, country) ? HOLIDAY_RULES[country] : undefined;
  if (!data) {
    const known = Object.keys(HOLIDAY_RULES).join(", ");
    throw validationError([
      {
        path: "country",
        rule: "unsupported_country",
        message: `no public-holiday calendar for country "${country}" (supported: ${known})`,
      },
    ]);
  }
  const byYear = new Map<number, Map<CalendarDate, string>>();
  return {
    country,
    weekend: data.weekend,
    holidayName(date) {
      const year = Number(date.slice(0, 4));
      let holidays = byYear.get(year);
      if (!holidays) {
        holidays = holidaysOf(data, year, options);
        byYear.set(year, holidays);
      }
      return holidays.get(date);
    },
  };
}
