import assert from "node:assert/strict";
import { test } from "node:test";
import { addDays, addMonthsClamped, CalendarDateSchema, dayOfWeek, isLeapYear } from "./calendar-date.ts";

test("leap years: ÷4, except ÷100 unless ÷400", () => {
  assert.deepEqual([2024, 2028, 2100, 2000, 2026].map(isLeapYear), [true, true, false, true, false]);
});

test("addMonthsClamped keeps the date or falls back to the month's last day (Reg. 1182/71 Art. 3(2)(c))", () => {
  assert.equal(addMonthsClamped("2026-01-31", 1), "2026-02-28");
  assert.equal(addMonthsClamped("2024-01-31", 1), "2024-02-29");
  assert.equal(addMonthsClamped("2026-03-31", 3), "2026-06-30");
  assert.equal(addMonthsClamped("2026-11-30", 2), "2027-01-30");
  assert.equal(addMonthsClamped("2026-12-31", 1), "2027-01-31");
});

test("addDays crosses months, years and the DST change days without drifting", () => {
  assert.equal(addDays("2026-03-28", 1), "2026-03-29"); // EU DST starts 29 March 2026
  assert.equal(addDays("2026-03-29", 1), "2026-03-30");
  assert.equal(addDays("2026-10-24", 2), "2026-10-26"); // DST ends 25 October 2026
  assert.equal(addDays("2026-12-31", 1), "2027-01-01");
  assert.equal(addDays("2024-02-28", 1), "2024-02-29");
});

test("dayOfWeek: 0 = Sunday", () => {
  assert.equal(dayOfWeek("2026-04-05"), 0); // Easter Sunday
  assert.equal(dayOfWeek("2026-07-14"), 2); // Tuesday
});

test("CalendarDateSchema accepts real dates only", () => {
  assert.ok(CalendarDateSchema.safeParse("2024-02-29").success);
  for (const bad of [
    "2026-02-30",
    "2100-02-29",
    "2026-00-10",
    "2026-06-31",
    "1500-01-01",
    "2026-1-01",
    20260101,
  ]) {
    assert.equal(CalendarDateSchema.safeParse(bad).success, false, String(bad));
  }
});
