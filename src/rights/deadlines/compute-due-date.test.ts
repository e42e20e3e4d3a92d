import assert from "node:assert/strict";
import { test } from "node:test";
import { isAppError } from "../../errors/app-error.ts";
import { addDays, dayOfWeek } from "./calendar-date.ts";
import { computeDueDate } from "./compute-due-date.ts";
import { holidayCalendar } from "./holiday-calendars.ts";
import { isWorkingDay } from "./is-working-day.ts";

/**
 * Hand-checked due dates, French calendar. Each comment reasons the case out: the period ends on the same date
 * one month after receipt (Reg. 1182/71 Art. 3(1) and 3(2)(c): the day of receipt does not count), clamped to
 * the month's last day, then moves day by day off Saturdays, Sundays and public holidays (Art. 3(4)).
 * Weekdays were checked with `new Date(Date.UTC(y, m - 1, d)).getUTCDay()`, not from memory.
 */
type Case = { receivedOn: string; due: string; alsaceMoselle?: boolean; why: string };

const CASES: Case[] = [
  // Month ends and leap years
  {
    receivedOn: "2026-01-31",
    due: "2026-03-02",
    why: "no 31 Feb, 2026 not leap → Sat 28 Feb → Sun 1 → Mon 2 Mar",
  },
  { receivedOn: "2024-01-31", due: "2024-02-29", why: "2024 leap → 29 Feb, a Thursday" },
  { receivedOn: "2028-01-31", due: "2028-02-29", why: "2028 leap → 29 Feb, a Tuesday" },
  { receivedOn: "2027-01-31", due: "2027-03-01", why: "2027 not leap → Sun 28 Feb → Mon 1 Mar" },
  {
    receivedOn: "2100-01-31",
    due: "2100-03-01",
    why: "2100 not leap (÷100, not ÷400) → Sun 28 Feb → Mon 1 Mar",
  },
  { receivedOn: "2100-01-29", due: "2100-03-01", why: "no 29 Feb 2100 → last day, Sun 28 Feb → Mon 1 Mar" },
  { receivedOn: "2000-01-31", due: "2000-02-29", why: "2000 leap (÷400) → 29 Feb, a Tuesday" },
  { receivedOn: "2026-03-31", due: "2026-04-30", why: "no 31 Apr → 30 Apr, a Thursday" },
  { receivedOn: "2026-01-30", due: "2026-03-02", why: "no 30 Feb → Sat 28 Feb → Sun 1 → Mon 2 Mar" },
  { receivedOn: "2024-01-30", due: "2024-02-29", why: "no 30 Feb → last day 29 Feb (leap), a Thursday" },
  { receivedOn: "2026-01-29", due: "2026-03-02", why: "no 29 Feb 2026 → Sat 28 Feb → Sun 1 → Mon 2 Mar" },
  { receivedOn: "2024-01-29", due: "2024-02-29", why: "29 Feb exists in 2024, a Thursday" },
  { receivedOn: "2028-01-29", due: "2028-02-29", why: "29 Feb exists in 2028, a Tuesday" },
  { receivedOn: "2026-05-31", due: "2026-06-30", why: "no 31 Jun → 30 Jun, a Tuesday" },
  { receivedOn: "2026-08-31", due: "2026-09-30", why: "no 31 Sep → 30 Sep, a Wednesday" },
  { receivedOn: "2026-03-15", due: "2026-04-15", why: "plain case: receipt day not counted → Wed 15 Apr" },
  {
    receivedOn: "2026-02-28",
    due: "2026-03-30",
    why: "same date, not month end: Sat 28 Mar → Sun 29 → Mon 30",
  },
  { receivedOn: "2026-07-14", due: "2026-08-14", why: "receipt on a holiday changes nothing: Fri 14 Aug" },
  // Easter-based holidays
  {
    receivedOn: "2024-02-29",
    due: "2024-03-29",
    why: "Fri 29 Mar 2024 is Good Friday, not a holiday outside A-M",
  },
  {
    receivedOn: "2024-02-29",
    alsaceMoselle: true,
    due: "2024-04-02",
    why: "A-M: Good Fri 29 Mar → Sat 30 → Easter Sun 31 → Easter Mon 1 Apr → Tue 2 Apr",
  },
  { receivedOn: "2026-03-06", due: "2026-04-07", why: "Easter Monday 6 Apr 2026 → Tue 7 Apr" },
  { receivedOn: "2025-03-21", due: "2025-04-22", why: "Easter Monday 21 Apr 2025 → Tue 22 Apr" },
  { receivedOn: "2027-02-28", due: "2027-03-30", why: "Easter Sun 28 Mar 2027 → Easter Mon 29 → Tue 30 Mar" },
  { receivedOn: "2026-03-03", due: "2026-04-03", why: "Good Friday 3 Apr 2026 is a working day outside A-M" },
  {
    receivedOn: "2026-03-03",
    alsaceMoselle: true,
    due: "2026-04-07",
    why: "A-M: Good Fri 3 Apr → Sat 4 → Sun 5 → Easter Mon 6 → Tue 7",
  },
  {
    receivedOn: "2025-03-18",
    alsaceMoselle: true,
    due: "2025-04-22",
    why: "A-M: Good Fri 18 Apr 2025 → Sat 19 → Sun 20 → Easter Mon 21 → Tue 22",
  },
  {
    receivedOn: "2026-04-14",
    due: "2026-05-15",
    why: "Ascension Thu 14 May 2026 (Easter + 39) → Fri 15 (bridge)",
  },
  { receivedOn: "2026-04-25", due: "2026-05-26", why: "Whit Monday 25 May 2026 (Easter + 50) → Tue 26" },
  { receivedOn: "2028-05-05", due: "2028-06-06", why: "Whit Monday 5 Jun 2028 → Tue 6 Jun" },
  // 1 May, 8 May, chained
  { receivedOn: "2026-04-01", due: "2026-05-04", why: "1 May 2026 a Friday → Sat 2 → Sun 3 → Mon 4" },
  { receivedOn: "2026-04-08", due: "2026-05-11", why: "8 May 2026 a Friday → Sat 9 → Sun 10 → Mon 11" },
  { receivedOn: "2024-04-08", due: "2024-05-10", why: "8 May 2024 Wed → Ascension Thu 9 → Fri 10 (chained)" },
  { receivedOn: "2028-03-29", due: "2028-05-02", why: "Sat 29 Apr 2028 → Sun 30 → 1 May Mon → Tue 2 May" },
  { receivedOn: "2028-04-06", due: "2028-05-09", why: "Sat 6 May 2028 → Sun 7 → 8 May Mon → Tue 9 May" },
  // Summer and autumn holidays, with bridges
  { receivedOn: "2029-06-14", due: "2029-07-16", why: "14 Jul 2029 a Saturday → Sun 15 → Mon 16" },
  { receivedOn: "2028-06-14", due: "2028-07-17", why: "14 Jul 2028 a Friday → Sat 15 → Sun 16 → Mon 17" },
  { receivedOn: "2025-07-15", due: "2025-08-18", why: "15 Aug 2025 a Friday → Sat 16 → Sun 17 → Mon 18" },
  { receivedOn: "2026-07-15", due: "2026-08-17", why: "15 Aug 2026 a Saturday → Sun 16 → Mon 17" },
  { receivedOn: "2024-10-01", due: "2024-11-04", why: "1 Nov 2024 a Friday → Sat 2 → Sun 3 → Mon 4" },
  { receivedOn: "2026-10-01", due: "2026-11-02", why: "1 Nov 2026 a Sunday → Mon 2" },
  { receivedOn: "2026-10-11", due: "2026-11-12", why: "11 Nov 2026 a Wednesday → Thu 12" },
  {
    receivedOn: "2024-10-09",
    due: "2024-11-12",
    why: "Sat 9 Nov 2024 → Sun 10 → 11 Nov Mon → Tue 12 (chained)",
  },
  { receivedOn: "2028-10-11", due: "2028-11-13", why: "11 Nov 2028 a Saturday → Sun 12 → Mon 13" },
  // Christmas and Alsace-Moselle's 26 December
  { receivedOn: "2026-11-25", due: "2026-12-28", why: "25 Dec 2026 a Friday → Sat 26 → Sun 27 → Mon 28" },
  {
    receivedOn: "2026-11-25",
    alsaceMoselle: true,
    due: "2026-12-28",
    why: "A-M: 25 Dec Fri → 26 Dec Sat (holiday and Saturday) → Sun 27 → Mon 28",
  },
  {
    receivedOn: "2025-11-25",
    due: "2025-12-26",
    why: "25 Dec 2025 a Thursday → Fri 26, a working day outside A-M",
  },
  {
    receivedOn: "2025-11-25",
    alsaceMoselle: true,
    due: "2025-12-29",
    why: "A-M: 25 Dec Thu → 26 Dec Fri (Saint-Étienne) → Sat 27 → Sun 28 → Mon 29",
  },
  { receivedOn: "2025-11-26", due: "2025-12-26", why: "Fri 26 Dec 2025 is a working day outside A-M" },
  {
    receivedOn: "2025-11-26",
    alsaceMoselle: true,
    due: "2025-12-29",
    why: "A-M: 26 Dec Fri → Sat 27 → Sun 28 → Mon 29",
  },
  // Year boundaries
  { receivedOn: "2026-11-30", due: "2026-12-30", why: "Wed 30 Dec 2026" },
  { receivedOn: "2025-11-30", due: "2025-12-30", why: "Tue 30 Dec 2025" },
  { receivedOn: "2026-12-01", due: "2027-01-04", why: "1 Jan 2027 a Friday → Sat 2 → Sun 3 → Mon 4 Jan" },
  { receivedOn: "2025-12-01", due: "2026-01-02", why: "1 Jan 2026 a Thursday → Fri 2 Jan" },
  { receivedOn: "2026-12-31", due: "2027-02-01", why: "Sun 31 Jan 2027 → Mon 1 Feb" },
  { receivedOn: "2025-12-31", due: "2026-02-02", why: "Sat 31 Jan 2026 → Sun 1 → Mon 2 Feb" },
];

test(`due dates: ${CASES.length} hand-checked cases`, () => {
  assert.ok(CASES.length >= 40);
  for (const c of CASES) {
    const { dueOn } = computeDueDate({
      receivedOn: c.receivedOn,
      country: "FR",
      alsaceMoselle: c.alsaceMoselle,
    });
    assert.equal(dueOn, c.due, `${c.receivedOn}${c.alsaceMoselle ? " (Alsace-Moselle)" : ""}: ${c.why}`);
  }
});

test("reports the unmoved end of the period and each day moved over, with why", () => {
  assert.deepEqual(computeDueDate({ receivedOn: "2026-11-25", country: "FR", alsaceMoselle: true }), {
    receivedOn: "2026-11-25",
    periodEndsOn: "2026-12-25",
    dueOn: "2026-12-28",
    movedOver: [
      { date: "2026-12-25", reason: "Noël" },
      { date: "2026-12-26", reason: "Saint-Étienne" },
      { date: "2026-12-27", reason: "Sunday" },
    ],
  });
  assert.deepEqual(computeDueDate({ receivedOn: "2026-03-15", country: "FR" }).movedOver, []);
});

test("months counts from receipt: 3 months from 31 March is 30 June", () => {
  assert.equal(computeDueDate({ receivedOn: "2026-03-31", country: "FR", months: 3 }).dueOn, "2026-06-30");
});

test("every due date from 2024 to 2030 is a working day at most a week after the period ends", () => {
  for (const alsaceMoselle of [false, true]) {
    const calendar = holidayCalendar("FR", { alsaceMoselle });
    for (let day = "2024-01-01"; day < "2031-01-01"; day = addDays(day, 1)) {
      const { periodEndsOn, dueOn } = computeDueDate({ receivedOn: day, country: "FR", alsaceMoselle });
      assert.ok(isWorkingDay(dueOn, calendar), dueOn);
      assert.ok(dueOn >= periodEndsOn && dueOn <= addDays(periodEndsOn, 6), `${day} → ${dueOn}`);
      assert.ok(![0, 6].includes(dayOfWeek(dueOn)));
    }
  }
});

function validationPaths(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    assert.ok(isAppError(error));
    assert.equal(error.code, "VALIDATION_FAILED");
    const { issues } = error.details as { issues: Array<{ path: string }> };
    return issues.map((i) => i.path);
  }
  assert.fail("expected a validation error");
}

test("rejects impossible or malformed dates, naming the field", () => {
  for (const receivedOn of [
    "2026-02-30",
    "2100-02-29",
    "2026-13-01",
    "2026-04-31",
    "15/03/2026",
    "2026-3-5",
    "",
  ]) {
    assert.deepEqual(
      validationPaths(() => computeDueDate({ receivedOn, country: "FR" })),
      ["receivedOn"],
      receivedOn,
    );
  }
  assert.throws(
    () => computeDueDate({ receivedOn: "2026-02-30", country: "FR" }),
    /receivedOn: must be a real/,
  );
});

test("refuses a country without a holiday calendar, and a malformed one", () => {
  assert.throws(
    () => computeDueDate({ receivedOn: "2026-03-15", country: "DE" }),
    /country: no public-holiday calendar for country "DE" \(supported: FR\)/,
  );
  assert.deepEqual(
    validationPaths(() => computeDueDate({ receivedOn: "2026-03-15", country: "fr" })),
    ["country"],
  );
  assert.deepEqual(
    validationPaths(() => computeDueDate({ receivedOn: "2026-03-15", country: "FR", months: 0 })),
    ["months"],
  );
});
