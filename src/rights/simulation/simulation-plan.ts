/**
 * The plan of the three-year simulation: who asks what and when, and what staff then do, drawn from a
 * seeded PRNG so that a failure replays exactly. Pure: no store, no clock.
 */
import { addDays, type CalendarDate } from "../deadlines/calendar-date.ts";
import { daysBetween } from "../reminders/reminder-due.ts";

/** mulberry32: small, fast, and good enough to draw test scenarios (not for secrets). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** What happens to a request after it arrives. */
export const FATES = [
  "on_time", // answered before or on its due date
  "late", // answered after it
  "extended", // extended by 1 or 2 months before the first month ends, then answered (mostly in time)
  "withdrawn", // withdrawn by the person, sometimes after the due date
  "identity", // waits on the identity check, then is answered (sometimes late)
  "abandoned", // never answered: still open, flagged, at the end
  "duplicate", // the same person asks the same thing again while the first is open
] as const;
export type Fate = (typeof FATES)[number];

const FATE_WEIGHTS: Readonly<Record<Fate, number>> = {
  on_time: 0.7,
  late: 0.08,
  extended: 0.07,
  withdrawn: 0.06,
  identity: 0.05,
  abandoned: 0.005,
  duplicate: 0.035,
};

export type Arrival = {
  index: number;
  org: number;
  /** Day of receipt (the organisation's calendar) and the minute of that day (0–1438). */
  day: CalendarDate;
  minute: number;
  type: "access" | "erasure" | "rectification" | "objection" | "portability" | "restriction";
  fate: Fate;
  /** Per-request draws used once the due date is known. */
  draws: [number, number, number];
};

export type PlannedStep =
  | { kind: "verify" }
  | { kind: "answer"; outcome: "granted" | "partly_granted" | "refused" | "no_action" }
  | { kind: "extend"; extraMonths: 1 | 2 }
  | { kind: "withdraw" };

const TYPES: Arrival["type"][] = [
  "access",
  "erasure",
  "rectification",
  "objection",
  "portability",
  "restriction",
];
const OUTCOMES = ["granted", "granted", "granted", "partly_granted", "refused", "no_action"] as const;

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function fateOf(random: () => number): Fate {
  let r = random();
  for (const fate of FATES) {
    r -= FATE_WEIGHTS[fate];
    if (r < 0) return fate;
  }
  return "on_time";
}

/** `count` arrivals spread at random over `days` days from `start`, in order of arrival. */
export function planArrivals(input: {
  seed: number;
  start: CalendarDate;
  days: number;
  count: number;
  organisations: number;
}): Arrival[] {
  const random = seededRandom(input.seed);
  const slots = Array.from({ length: input.count }, () => ({
    offset: Math.floor(random() * input.days),
    minute: Math.floor(random() * 1439),
  })).sort((a, b) => a.offset - b.offset || a.minute - b.minute);
  return slots.map((slot, index) => ({
    index,
    // A few organisations receive most requests, as in life.
    org: Math.min(input.organisations - 1, Math.floor(random() ** 1.3 * input.organisations)),
    day: addDays(input.start, slot.offset),
    minute: slot.minute,
    type: pick(random, TYPES),
    fate: fateOf(random),
    draws: [random(), random(), random()],
  }));
}

/**
 * What staff do with a request once its due date is known: day → step. Delays are in calendar days from
 * receipt; every step falls on a day after receipt, one step a day at most.
 */
export function planSteps(arrival: Arrival, dueOn: CalendarDate): Map<CalendarDate, PlannedStep> {
  const [a, b, c] = arrival.draws;
  const receivedOn = arrival.day;
  const span = daysBetween(receivedOn, dueOn); // 28 to 35 days
  const steps = new Map<CalendarDate, PlannedStep>();
  const outcome = OUTCOMES[Math.floor(c * OUTCOMES.length)]!;
  const at = (days: number, step: PlannedStep) => steps.set(addDays(receivedOn, days), step);
  switch (arrival.fate) {
    case "on_time":
      // Most answers come early; a tail comes in the last week, after a reminder.
      at(1 + Math.floor(a ** 1.4 * span), { kind: "answer", outcome });
      break;
    case "late":
      at(span + 1 + Math.floor(a * 25), { kind: "answer", outcome });
      break;
    case "extended": {
      // Decided before the first month ends (Art. 12(3)); the new date is counted again from receipt.
      const extraMonths = b < 0.5 ? 1 : 2;
      at(3 + Math.floor(a * (span - 5)), { kind: "extend", extraMonths });
      const newSpan = span + 28 * extraMonths;
      at(b < 0.5 ? span + Math.floor(c * 20) : newSpan + 2 + Math.floor(c * 10), {
        kind: "answer",
        outcome,
      });
      break;
    }
    case "withdrawn":
      at(1 + Math.floor(a * (span + 15)), { kind: "withdraw" });
      break;
    case "identity": {
      const verifiedAfter = 1 + Math.floor(a * 12);
      at(verifiedAfter, { kind: "verify" });
      at(verifiedAfter + 1 + Math.floor(b * (span - verifiedAfter + 6)), { kind: "answer", outcome });
      break;
    }
    case "abandoned":
    case "duplicate":
      break;
  }
  return steps;
}
