import type { RequestRow } from "../db/schema.ts";
import type { OpenDsrStatus } from "./opendsr.schema.ts";

/**
 * A Gardien request's status as OpenDSR §8 names it:
 * - `pending`: received and not acted on yet — waiting for identity or for the controller, or still at the
 *   first revision (nobody has touched it since it arrived). Only a pending request can be cancelled (§9).
 * - `in_progress`: being handled (in progress, or waiting for processors).
 * - `completed`: answered or closed (the outcome travels in `extensions.gardien.outcome`).
 * - `cancelled`: withdrawn.
 */
export function openDsrStatusOf(row: Pick<RequestRow, "status" | "revision">): OpenDsrStatus {
  switch (row.status) {
    case "withdrawn":
      return "cancelled";
    case "answered":
    case "closed":
      return "completed";
    case "received":
    case "awaiting_identity":
    case "awaiting_controller":
      return "pending";
    case "in_progress":
      return Number(row.revision) <= 1 ? "pending" : "in_progress";
    default:
      return "in_progress";
  }
}

const RANK: Readonly<Record<OpenDsrStatus, number>> = {
  pending: 0,
  in_progress: 1,
  completed: 2,
  cancelled: 2,
};

/** Whether `next` moves a status forward: a replayed or late callback never takes a request back. */
export function isStatusAdvance(previous: OpenDsrStatus | null, next: OpenDsrStatus): boolean {
  if (previous === null) return true;
  return RANK[next] > RANK[previous];
}

export function isFinalStatus(status: OpenDsrStatus | null): boolean {
  return status === "completed" || status === "cancelled";
}

/**
 * The end of the due date in the organisation's time zone, as an RFC 3339 UTC time: the moment the
 * request is expected to be completed at the latest.
 */
export function expectedCompletionTime(dueOn: string, timeZone: string): string {
  const naive = Date.parse(`${dueOn}T23:59:59Z`);
  // The zone's offset at that instant, read back through Intl (twice: a DST change that day moves it).
  let instant = naive;
  for (let i = 0; i < 2; i++) instant = naive - offsetMs(new Date(instant), timeZone);
  return new Date(instant).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function offsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return local - Math.floor(at.getTime() / 1000) * 1000;
}
