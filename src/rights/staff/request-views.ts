/**
 * What staff (HTTP and CLI) see of a request. The list is compact and holds nothing of the requester;
 * one request, read on its own, shows who asked (opened from the sealed column) and its whole timeline.
 */
import { z } from "zod";
import {
  type DataSubjectRequest,
  IdentityStatus,
  Lang,
  RequestChannel,
  Requester,
  RequestOutcome,
  RequestRole,
  RequestStatus,
  RequestType,
} from "../model/request.schema.ts";
import { isOpen } from "../model/transitions.ts";

const Timestamp = z.string().describe("ISO 8601 UTC");
const CalendarDate = z.string().describe("YYYY-MM-DD, in the organisation's time zone");

export const RequestSummary = z.object({
  id: z.uuid(),
  reference: z.string().describe("DSR-<year of receipt>-<number in the organisation>"),
  type: RequestType,
  status: RequestStatus,
  channel: RequestChannel,
  receivedOn: CalendarDate,
  dueOn: CalendarDate.describe("Art. 12(3): one month from receipt, moved off weekends and holidays"),
  identityStatus: IdentityStatus,
  duplicateOf: z.uuid().nullable().describe("The first open request of the same person and type"),
  assignee: z.string().nullable().describe("The staff address reminders go to"),
  outcome: RequestOutcome.nullable(),
  overdue: z.boolean().describe("Still open after its due date (the organisation's today)"),
  revision: z.number().int().describe("Also the ETag; send it in If-Match to change the request"),
});
export type RequestSummary = z.infer<typeof RequestSummary>;

/** The answer to a creation: the summary, and what was done about the person's identity. */
export const CreatedRequest = RequestSummary.extend({
  identityCheck: z
    .enum(["not_needed", "mail_queued", "awaiting_staff"])
    .describe(
      "not_needed: verified, or a duplicate; mail_queued: the person gets a signed link to confirm by e-mail; awaiting_staff: no e-mail address, staff confirm identity",
    ),
});
export type CreatedRequest = z.infer<typeof CreatedRequest>;

export const RequestView = RequestSummary.extend({
  number: z.number().int(),
  role: RequestRole,
  lang: Lang,
  receivedAt: Timestamp,
  originalDueOn: CalendarDate,
  extension: z
    .object({
      extraMonths: z.number().int(),
      reason: z.string(),
      decidedOn: z.string(),
      noticeSentAt: z.string().optional(),
    })
    .nullable(),
  requester: Requester.describe("Sealed at rest; shown to staff of the organisation only"),
  activityRefs: z.array(z.string()),
  external: z.record(z.string(), z.unknown()).nullable(),
  overdueAt: Timestamp.nullable(),
  answeredAt: Timestamp.nullable(),
  closedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type RequestView = z.infer<typeof RequestView>;

function isOverdue(request: Pick<DataSubjectRequest, "status" | "dueOn">, today: string): boolean {
  return isOpen(request.status) && request.dueOn < today;
}

export function toRequestSummary(request: DataSubjectRequest, today: string): RequestSummary {
  return {
    id: request.id,
    reference: request.reference,
    type: request.type,
    status: request.status,
    channel: request.channel,
    receivedOn: request.receivedOn,
    dueOn: request.dueOn,
    identityStatus: request.identityStatus,
    duplicateOf: request.duplicateOf,
    assignee: request.assignee,
    outcome: request.outcome,
    overdue: isOverdue(request, today),
    revision: request.revision,
  };
}

export function toRequestView(request: DataSubjectRequest, today: string): RequestView {
  return {
    ...toRequestSummary(request, today),
    number: request.number,
    role: request.role,
    lang: request.lang,
    receivedAt: request.receivedAt,
    originalDueOn: request.originalDueOn,
    extension: request.extension,
    requester: request.requester,
    activityRefs: request.activityRefs,
    external: request.external,
    overdueAt: request.overdueAt,
    answeredAt: request.answeredAt,
    closedAt: request.closedAt,
    createdAt: request.createdAt,
    updatedAt: request.updatedAt,
  };
}
