import type { AppContext } from "../../app/app-context.ts";
import type { RequestRow } from "../../db/schema.ts";
import type { Extension, IdentityStatus, RequestStatus, RequestType } from "../model/request.schema.ts";
import { isOpen } from "../model/transitions.ts";
import { calendarDateIn, loadOrganisationCalendar } from "../requests/organisation-calendar.ts";
import { openRequester, readExtension, requestReference } from "../requests/request-record.ts";
import { maskEmail } from "./mask-email.ts";

export type StatusHistoryEntry = {
  /** The calendar date in the organisation's time zone. */
  on: string;
  kind:
    | "received"
    | "status"
    | "identity_verified"
    | "more_info_requested"
    | "more_info_received"
    | "extended";
  /** For `received` and `status`: the status the request entered. */
  status?: RequestStatus;
};

/**
 * What the requester's status page shows: the request's facts and the dated history of where it went,
 * nothing else — no staff notes, no assignee, no actor, no processor names, and of the person's own data
 * only their address, masked.
 */
export type RequestStatusView = {
  reference: string;
  type: RequestType;
  status: RequestStatus;
  identityStatus: IdentityStatus;
  receivedOn: string;
  dueOn: string;
  originalDueOn: string;
  /** Art. 12(3): an extension and its reason are the person's to know. */
  extension: Pick<Extension, "extraMonths" | "reason" | "decidedOn"> | null;
  maskedEmail: string | null;
  /** Open requests can be withdrawn from the page. */
  open: boolean;
  history: StatusHistoryEntry[];
};

const SHOWN = [
  "created",
  "status_changed",
  "withdrawn",
  "identity_verified",
  "more_info_requested",
  "more_info_received",
  "extended",
] as const;

function entryOf(
  event: { kind: string; at: string; data: string },
  input: { receivedOn: string; timeZone: string },
): StatusHistoryEntry | null {
  const data = JSON.parse(event.data) as { status?: unknown; to?: unknown };
  const on = calendarDateIn(new Date(event.at), input.timeZone);
  switch (event.kind) {
    case "created":
      return { on: input.receivedOn, kind: "received", status: data.status as RequestStatus };
    case "status_changed":
    case "withdrawn":
      return { on, kind: "status", status: data.to as RequestStatus };
    case "identity_verified":
    case "more_info_requested":
    case "more_info_received":
    case "extended":
      return { on, kind: event.kind };
    default:
      return null;
  }
}

/**
 * The status page's view of a request the caller opened through a status link (`openRequestLink`).
 *
 * @example const view = await getRequestStatus(ctx, (await openRequestLink(ctx, { orgId, token, purpose: "status" })).row)
 */
export async function getRequestStatus(ctx: AppContext, row: RequestRow): Promise<RequestStatusView> {
  const events = await ctx.db
    .selectFrom("request_events")
    .select(["kind", "at", "data"])
    .where("org_id", "=", row.org_id)
    .where("request_id", "=", row.id)
    .where("kind", "in", [...SHOWN])
    .orderBy("seq")
    .execute();
  const calendar = await loadOrganisationCalendar(ctx.db, row.org_id);
  const requester = openRequester(ctx.config, row.id, row.requester_sealed);
  const extension = readExtension(ctx.config, row);
  return {
    reference: requestReference(row.received_at, Number(row.number)),
    type: row.type as RequestType,
    status: row.status as RequestStatus,
    identityStatus: row.identity_status as IdentityStatus,
    receivedOn: row.received_on,
    dueOn: row.due_on,
    originalDueOn: row.original_due_on,
    extension: extension
      ? { extraMonths: extension.extraMonths, reason: extension.reason, decidedOn: extension.decidedOn }
      : null,
    maskedEmail: requester.email ? maskEmail(requester.email) : null,
    open: isOpen(row.status as RequestStatus),
    history: events.flatMap(
      (e) => entryOf(e, { receivedOn: row.received_on, timeZone: calendar.timeZone }) ?? [],
    ),
  };
}
