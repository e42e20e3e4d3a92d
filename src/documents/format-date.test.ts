import assert from "node:assert/strict";
import { test } from "node:test";
import { formatDate, latestDate } from "./format-date.ts";

test("dates in French and English words", () => {
  assert.equal(formatDate("2018-12-08", "fr"), "8 décembre 2018");
  assert.equal(formatDate("2018-12-08", "en"), "8 December 2018");
  assert.equal(formatDate("2019-03-13", "fr"), "13 mars 2019");
  assert.equal(formatDate("2019-03-13", "en"), "13 March 2019");
  assert.equal(formatDate("2024-08-01", "fr"), "1er août 2024", "French ordinal for the first day");
  assert.equal(formatDate("2024-08-01", "en"), "1 August 2024");
});

test("a value that is not a date is returned as is", () => {
  assert.equal(formatDate("08-12-2018", "fr"), "08-12-2018");
  assert.equal(formatDate("2018-13-01", "en"), "2018-13-01");
});

test("latestDate ignores missing dates", () => {
  assert.equal(latestDate(["2018-12-08", undefined, "2019-03-13", "2019-01-01"]), "2019-03-13");
  assert.equal(latestDate([undefined]), undefined);
});
