import assert from "node:assert/strict";
import { test } from "node:test";
import { isAppError } from "../../errors/app-error.ts";
import { holidayCalendar } from "./holiday-calendars.ts";
import { isWorkingDay, nonWorkingReason } from "./is-working-day.ts";

test("weekends and French holidays are not working days", () => {
  const fr = holidayCalendar("FR");
  assert.equal(isWorkingDay("2026-07-14", fr), false); // Tuesday, Fête nationale
  assert.equal(isWorkingDay("2026-07-13", fr), true); // Monday
  assert.equal(isWorkingDay("2026-07-18", fr), false); // Saturday
  assert.equal(isWorkingDay("2026-07-19", fr), false); // Sunday
  assert.equal(isWorkingDay("2026-04-03", fr), true); // Good Friday: only in Alsace-Moselle
  assert.equal(nonWorkingReason("2026-05-25", fr), "Lundi de Pentecôte");
  assert.equal(nonWorkingReason("2026-07-18", fr), "Saturday");
  assert.equal(nonWorkingReason("2026-07-13", fr), undefined);
});

test("Alsace-Moselle calendar: Good Friday and 26 December", () => {
  const am = holidayCalendar("FR", { alsaceMoselle: true });
  assert.equal(isWorkingDay("2026-04-03", am), false);
  assert.equal(isWorkingDay("2025-12-26", am), false); // Friday
  assert.equal(isWorkingDay("2025-12-26", holidayCalendar("FR")), true);
});

test("an unknown country is refused with a clear error, not counted as weekends only", () => {
  for (const country of ["DE", "XX", "toString"]) {
    assert.throws(
      () => holidayCalendar(country),
      (error) =>
        isAppError(error) &&
        error.code === "VALIDATION_FAILED" &&
        error.message.includes(`no public-holiday calendar for country "${country}"`),
    );
  }
});
