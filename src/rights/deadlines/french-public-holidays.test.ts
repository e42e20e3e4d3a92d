import assert from "node:assert/strict";
import { test } from "node:test";
import { frenchPublicHolidays } from "./french-public-holidays.ts";

test("the eleven French public holidays of 2026, Easter-based ones from Easter Sunday 5 April", () => {
  assert.deepEqual(frenchPublicHolidays(2026, { alsaceMoselle: false }), [
    { date: "2026-01-01", name: "Jour de l'an" },
    { date: "2026-04-06", name: "Lundi de Pâques" }, // Easter + 1
    { date: "2026-05-01", name: "Fête du Travail" },
    { date: "2026-05-08", name: "Victoire 1945" },
    { date: "2026-05-14", name: "Ascension" }, // Easter + 39
    { date: "2026-05-25", name: "Lundi de Pentecôte" }, // Easter + 50
    { date: "2026-07-14", name: "Fête nationale" },
    { date: "2026-08-15", name: "Assomption" },
    { date: "2026-11-01", name: "Toussaint" },
    { date: "2026-11-11", name: "Armistice 1918" },
    { date: "2026-12-25", name: "Noël" },
  ]);
});

test("Alsace-Moselle adds Good Friday (Easter − 2) and 26 December", () => {
  const local = frenchPublicHolidays(2026, { alsaceMoselle: true });
  assert.equal(local.length, 13);
  assert.deepEqual(local[1], { date: "2026-04-03", name: "Vendredi saint" });
  assert.deepEqual(local.at(-1), { date: "2026-12-26", name: "Saint-Étienne" });
});

test("2024: Easter 31 March puts Easter Monday on 1 April and Ascension on 9 May", () => {
  const dates = frenchPublicHolidays(2024, { alsaceMoselle: true }).map((h) => h.date);
  assert.ok(dates.includes("2024-03-29")); // Good Friday
  assert.ok(dates.includes("2024-04-01"));
  assert.ok(dates.includes("2024-05-09"));
  assert.ok(dates.includes("2024-05-20")); // Whit Monday
});

test("two holidays on one day keep both names (Ascension on 1 May 2008)", () => {
  const holidays = frenchPublicHolidays(2008, { alsaceMoselle: false });
  assert.equal(holidays.length, 10);
  assert.deepEqual(holidays[2], { date: "2008-05-01", name: "Fête du Travail / Ascension" });
});
