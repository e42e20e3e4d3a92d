import assert from "node:assert/strict";
import { test } from "node:test";
import { daysBetween, reminderDue } from "./reminder-due.ts";

const due = (today: string, overdueFlagged = false, daysBefore = [7, 2]) =>
  reminderDue({ today, dueOn: "2027-03-01", daysBefore, overdueFlagged });

test("counts calendar days across month ends, leap years and DST changes", () => {
  assert.equal(daysBetween("2027-02-22", "2027-03-01"), 7);
  assert.equal(daysBetween("2028-02-28", "2028-03-01"), 2);
  assert.equal(daysBetween("2027-03-27", "2027-03-29"), 2); // Paris moves to summer time on the 28th
  assert.equal(daysBetween("2027-03-02", "2027-03-01"), -1);
});

test("a reminder on each threshold day, the smallest one reached, and none outside the window", () => {
  assert.equal(due("2027-02-21"), null);
  assert.deepEqual(due("2027-02-22"), { kind: "reminder", daysBefore: 7, daysLeft: 7 });
  // A missed 7-day run is caught up, not lost; the 2-day one does not go out with it.
  assert.deepEqual(due("2027-02-25"), { kind: "reminder", daysBefore: 7, daysLeft: 4 });
  assert.deepEqual(due("2027-02-27"), { kind: "reminder", daysBefore: 2, daysLeft: 2 });
  assert.deepEqual(due("2027-03-01"), { kind: "reminder", daysBefore: 2, daysLeft: 0 });
  assert.deepEqual(due("2027-02-27", false, [2, 14, 7]), { kind: "reminder", daysBefore: 2, daysLeft: 2 });
});

test("overdue from the day after the due date (the due date itself is still in time), once", () => {
  assert.deepEqual(due("2027-03-02"), { kind: "overdue", daysLate: 1 });
  assert.deepEqual(due("2027-03-10"), { kind: "overdue", daysLate: 9 });
  assert.equal(due("2027-03-02", true), null);
});
