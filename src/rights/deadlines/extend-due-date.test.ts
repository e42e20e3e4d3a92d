import assert from "node:assert/strict";
import { test } from "node:test";
import { isAppError } from "../../errors/app-error.ts";
import { extendDueDate } from "./extend-due-date.ts";
import type { TExtendDueDateRequest } from "./extend-due-date.types.ts";

const reason = "Nombreuses demandes simultanées";

function extend(receivedOn: string, requestedOn: string, extraMonths: 1 | 2, alsaceMoselle = false) {
  return extendDueDate({ receivedOn, requestedOn, extraMonths, reason, country: "FR", alsaceMoselle });
}

/** Extended due date = receipt + 1 + extraMonths months (Reg. 1182/71 Art. 3(2)(c)), then off non-working days. */
const CASES: Array<{
  receivedOn: string;
  requestedOn: string;
  extraMonths: 1 | 2;
  am?: boolean;
  due: string;
  why: string;
}> = [
  {
    receivedOn: "2026-03-31",
    requestedOn: "2026-04-10",
    extraMonths: 2,
    due: "2026-06-30",
    why: "Tue 30 Jun",
  },
  {
    receivedOn: "2024-03-31",
    requestedOn: "2024-04-15",
    extraMonths: 2,
    due: "2024-07-01",
    why: "30 Jun 2024 a Sunday → Mon 1 Jul",
  },
  {
    receivedOn: "2029-03-31",
    requestedOn: "2029-04-10",
    extraMonths: 2,
    due: "2029-07-02",
    why: "30 Jun 2029 a Saturday → Sun 1 → Mon 2 Jul",
  },
  {
    receivedOn: "2026-01-31",
    requestedOn: "2026-02-10",
    extraMonths: 1,
    due: "2026-03-31",
    why: "Tue 31 Mar, from receipt; not moved due Mon 2 Mar + 1 month = 2 Apr",
  },
  {
    receivedOn: "2026-01-31",
    requestedOn: "2026-02-10",
    extraMonths: 2,
    due: "2026-04-30",
    why: "Thu 30 Apr, from receipt; the Feb clamp (28th) is not carried over",
  },
  {
    receivedOn: "2026-09-25",
    requestedOn: "2026-10-01",
    extraMonths: 2,
    am: true,
    due: "2026-12-28",
    why: "A-M: 25 Dec Fri → 26 Dec Sat → Sun 27 → Mon 28",
  },
  {
    receivedOn: "2026-04-01",
    requestedOn: "2026-05-01",
    extraMonths: 2,
    due: "2026-07-01",
    why: "first month moved from Fri 1 May to Mon 4 May, so 1 May is still in time; Wed 1 Jul",
  },
  { receivedOn: "2026-03-31", requestedOn: "2026-03-31", extraMonths: 2, due: "2026-06-30", why: "same day" },
];

test(`extended due dates: ${CASES.length} hand-checked cases`, () => {
  for (const c of CASES) {
    const result = extend(c.receivedOn, c.requestedOn, c.extraMonths, c.am);
    assert.equal(result.dueOn, c.due, `${c.receivedOn} +${c.extraMonths}: ${c.why}`);
  }
});

test("keeps the original due date, the reason and the months granted", () => {
  const result = extend("2026-01-31", "2026-02-10", 2);
  assert.equal(result.originalDueOn, "2026-03-02");
  assert.equal(result.periodEndsOn, "2026-04-30");
  assert.equal(result.reason, reason);
  assert.equal(result.extraMonths, 2);
});

function errorOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    assert.ok(isAppError(error));
    return error;
  }
  assert.fail("expected an AppError");
}

test("refused on or after the original due date (Art. 12(3): within the first month)", () => {
  // Received 31 Mar 2026, due Thu 30 Apr.
  assert.doesNotThrow(() => extend("2026-03-31", "2026-04-29", 2));
  for (const requestedOn of ["2026-04-30", "2026-05-15"]) {
    const error = errorOf(() => extend("2026-03-31", requestedOn, 2));
    assert.equal(error.code, "CONFLICT");
    assert.match(error.message, /before the original due date 2026-04-30 \(GDPR Art\. 12\(3\)\)/);
  }
  // Received 1 Apr 2026: the first month ends on Mon 4 May, not Fri 1 May.
  assert.equal(errorOf(() => extend("2026-04-01", "2026-05-04", 1)).code, "CONFLICT");
});

test("refused before the request was received", () => {
  const error = errorOf(() => extend("2026-03-31", "2026-03-30", 1));
  assert.equal(error.code, "BAD_REQUEST");
  assert.match(error.message, /requestedOn is before receivedOn/);
});

test("validates its input, naming the field", () => {
  const base: TExtendDueDateRequest = {
    receivedOn: "2026-03-31",
    requestedOn: "2026-04-10",
    extraMonths: 2,
    reason,
    country: "FR",
  };
  const bad: Array<[Record<string, unknown>, string]> = [
    [{ requestedOn: "2026-02-30" }, "requestedOn"],
    [{ receivedOn: "2026-04-31" }, "receivedOn"],
    [{ extraMonths: 3 }, "extraMonths"],
    [{ reason: "   " }, "reason"],
    [{ country: "France" }, "country"],
  ];
  for (const [change, path] of bad) {
    const error = errorOf(() => extendDueDate({ ...base, ...change } as TExtendDueDateRequest));
    assert.equal(error.code, "VALIDATION_FAILED");
    assert.ok(error.message.startsWith(`${path}: `), error.message);
  }
  assert.equal(errorOf(() => extendDueDate({ ...base, country: "BE" })).code, "VALIDATION_FAILED");
});
