import assert from "node:assert/strict";
import { test } from "node:test";
import { calendarDateIn } from "../requests/organisation-calendar.ts";
import { ReceivedAt, receivedInstant } from "./received-at.ts";

test("a date of receipt is the start of that day where the organisation is, summer and winter", () => {
  const cases: Array<[string, string, string]> = [
    ["2027-02-01", "Europe/Paris", "2027-01-31T23:00:00.000Z"],
    ["2027-07-14", "Europe/Paris", "2027-07-13T22:00:00.000Z"],
    // The days clocks change in Paris (at 02:00 / 03:00, not at midnight).
    ["2027-03-28", "Europe/Paris", "2027-03-27T23:00:00.000Z"],
    ["2027-10-31", "Europe/Paris", "2027-10-30T22:00:00.000Z"],
    ["2027-07-14", "Europe/London", "2027-07-13T23:00:00.000Z"],
    ["2027-07-14", "UTC", "2027-07-14T00:00:00.000Z"],
  ];
  for (const [date, zone, instant] of cases) {
    assert.equal(receivedInstant(date, zone), instant, `${date} ${zone}`);
    assert.equal(
      calendarDateIn(new Date(instant), zone),
      date,
      "the same calendar date where it was received",
    );
  }
});

test("a date-time with its offset is taken as given; anything else is refused", () => {
  assert.equal(receivedInstant("2027-02-01T10:00:00+01:00", "Europe/Paris"), "2027-02-01T10:00:00+01:00");
  for (const ok of ["2027-02-01", "2027-02-01T10:00:00Z", "2027-02-01T10:00:00+01:00"]) {
    assert.equal(ReceivedAt.safeParse(ok).success, true, ok);
  }
  for (const bad of ["01/02/2027", "2027-02-30", "2027-02-01T10:00:00", "yesterday", ""]) {
    assert.equal(ReceivedAt.safeParse(bad).success, false, bad);
  }
});
