import type { RequestStatus } from "./request.schema.ts";

/**
 * The workflow. A request is "open" until it is answered, closed or withdrawn; only open requests count
 * against the deadline and as the first of a duplicate. `answered → in_progress` reopens a request the
 * person contests; `closed` and `withdrawn` are final (a new request starts a new period).
 */
export const TRANSITIONS: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  received: [
    "awaiting_identity",
    "in_progress",
    "awaiting_controller",
    "awaiting_processors",
    "answered",
    "withdrawn",
  ],
  awaiting_identity: ["in_progress", "awaiting_controller", "awaiting_processors", "answered", "withdrawn"],
  in_progress: ["awaiting_identity", "awaiting_controller", "awaiting_processors", "answered", "withdrawn"],
  awaiting_controller: ["in_progress", "awaiting_processors", "answered", "closed", "withdrawn"],
  awaiting_processors: ["in_progress", "answered", "withdrawn"],
  answered: ["closed", "in_progress"],
  closed: [],
  withdrawn: [],
};

export const OPEN_STATUSES: readonly RequestStatus[] = [
  "received",
  "awaiting_identity",
  "in_progress",
  "awaiting_controller",
  "awaiting_processors",
];

export function isOpen(status: RequestStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export function canTransition(from: RequestStatus, to: RequestStatus): boolean {
  return TRANSITIONS[from].includes(to);
}
