import { type CalendarDate, dayOfWeek } from "./calendar-date.ts";
import type { HolidayCalendar } from "./holiday-calendars.ts";

/**
 * Reg. 1182/71 Art. 3(4): a working day is neither a Saturday, a Sunday nor a public holiday of the calendar.
 *
 * @example isWorkingDay("2026-07-14", holidayCalendar("FR")) // false (Fête nationale)
 */
export function isWorkingDay(date: CalendarDate, calendar: HolidayCalendar): boolean {
  return !calendar.weekend.includes(dayOfWeek(date)) && calendar.holidayName(date) === undefined;
}

/** Why a day is not a working day, for showing the person why their deadline moved; undefined if it is one. */
export function nonWorkingReason(date: CalendarDate, calendar: HolidayCalendar): string | undefined {
  const holiday = calendar.holidayName(date);
  if (holiday) return holiday;
  const weekday = dayOfWeek(date);
  if (calendar.weekend.includes(weekday))
    return weekday === 6 ? "Saturday" : weekday === 0 ? "Sunday" : "weekend";
  return undefined;
}
