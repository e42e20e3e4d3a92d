import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { expectedCompletionTime, isStatusAdvance, openDsrStatusOf } from "./opendsr-status.ts";

describe("OpenDSR status", () => {
  test("maps Gardien statuses; untouched in_progress is still pending", () => {
    const cases: Array<[string, number, string]> = [
      ["received", 1, "pending"],
      ["awaiting_identity", 3, "pending"],
      ["awaiting_controller", 2, "pending"],
      ["in_progress", 1, "pending"],
      ["in_progress", 2, "in_progress"],
      ["awaiting_processors", 2, "in_progress"],
      ["answered", 3, "completed"],
      ["closed", 1, "completed"],
      ["withdrawn", 2, "cancelled"],
    ];
    for (const [status, revision, expected] of cases)
      assert.equal(openDsrStatusOf({ status, revision }), expected, `${status}@${revision}`);
  });

  test("a status only moves forward", () => {
    assert.equal(isStatusAdvance(null, "pending"), true);
    assert.equal(isStatusAdvance("pending", "in_progress"), true);
    assert.equal(isStatusAdvance("in_progress", "completed"), true);
    assert.equal(isStatusAdvance("completed", "in_progress"), false);
    assert.equal(isStatusAdvance("completed", "cancelled"), false);
    assert.equal(isStatusAdvance("pending", "pending"), false);
  });

  test("the expected completion is the end of the due date in the organisation's time zone", () => {
    assert.equal(expectedCompletionTime("2027-01-15", "Europe/Paris"), "2027-01-15T22:59:59Z");
    assert.equal(expectedCompletionTime("2027-07-15", "Europe/Paris"), "2027-07-15T21:59:59Z");
    assert.equal(
      expectedCompletionTime("2027-03-28", "Europe/Paris"),
      "2027-03-28T21:59:59Z",
      "the day summer time starts",
    );
    assert.equal(expectedCompletionTime("2027-01-15", "UTC"), "2027-01-15T23:59:59Z");
  });
});
