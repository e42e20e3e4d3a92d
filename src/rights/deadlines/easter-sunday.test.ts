import assert from "node:assert/strict";
import { test } from "node:test";
import { dayOfWeek } from "./calendar-date.ts";
import { easterSunday } from "./easter-sunday.ts";

test("Easter Sunday 2024–2030 (published dates)", () => {
  const expected: Record<number, string> = {
    2024: "2024-03-31",
    2025: "2025-04-20",
    2026: "2026-04-05",
    2027: "2027-03-28",
    2028: "2028-04-16",
    2029: "2029-04-01",
    2030: "2030-04-21",
  };
  for (const [year, date] of Object.entries(expected)) assert.equal(easterSunday(Number(year)), date);
});

test("Easter extremes: earliest 22 March (2285), latest 25 April (2038), and 2000 (leap century)", () => {
  assert.equal(easterSunday(2285), "2285-03-22");
  assert.equal(easterSunday(2038), "2038-04-25");
  assert.equal(easterSunday(2000), "2000-04-23");
});

test("always a Sunday between 22 March and 25 April", () => {
  for (let year = 1583; year <= 4099; year++) {
    const date = easterSunday(year);
    assert.equal(dayOfWeek(date), 0, date);
    const monthDay = date.slice(5);
    assert.ok(monthDay >= "03-22" && monthDay <= "04-25", date);
  }
});

test("refuses years outside the Gregorian range it is defined for", () => {
  assert.throws(() => easterSunday(1500), RangeError);
  assert.throws(() => easterSunday(2026.5), RangeError);
});
