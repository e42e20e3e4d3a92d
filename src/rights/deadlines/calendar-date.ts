/**
 * Calendar dates as "YYYY-MM-DD" strings. Deadlines are counted in whole days (Reg. 1182/71 Art. 3), so they
 * never touch local time: every conversion goes through UTC day numbers, which no DST change can shift.
 */
import { z } from "zod";

/** A calendar date, "YYYY-MM-DD" (proleptic Gregorian, years 1583–9999). */
export type CalendarDate = string;

const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function toCalendarDate(year: number, month: number, day: number): CalendarDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Splits a date already known to be well formed (see the CalendarDateSchema). */
export function partsOf(date: CalendarDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

function dayNumber(date: CalendarDate): number {
  const { year, month, day } = partsOf(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function fromDayNumber(n: number): CalendarDate {
  const d = new Date(n * MS_PER_DAY);
  return toCalendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: CalendarDate): number {
  const { year, month, day } = partsOf(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/**
 * Reg. 1182/71 Art. 3(2)(c): a period of `months` ends on the same date of the last month, or on that month's
 * last day when the date does not exist there (31 January + 1 month → 28 or 29 February).
 */
export function addMonthsClamped(date: CalendarDate, months: number): CalendarDate {
  const { year, month, day } = partsOf(date);
  const index = year * 12 + (month - 1) + months;
  const toYear = Math.floor(index / 12);
  const toMonth = (index % 12) + 1;
  return toCalendarDate(toYear, toMonth, Math.min(day, daysInMonth(toYear, toMonth)));
}

function isRealDate(value: string): boolean {
  const { year, month, day } = partsOf(value);
  return year >= 1583 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export const CalendarDateSchema = z
  .string()
  // abort: a malformed string gets one message, not a second one from the calendar check.
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a date written YYYY-MM-DD", abort: true })
  .refine(isRealDate, "must be a real calendar date (Gregorian, from 1583), e.g. not 2026-02-30");
