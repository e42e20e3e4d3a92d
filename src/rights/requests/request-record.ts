import type { Config } from "../../config/config.schema.ts";
import { openText, sealText } from "../../crypto/seal.ts";
import type { RequestRow } from "../../db/schema.ts";
import type {
  DataSubjectRequest,
  Extension,
  IdentityStatus,
  Lang,
  RequestChannel,
  Requester,
  RequestOutcome,
  RequestRole,
  RequestStatus,
  RequestType,
} from "../model/request.schema.ts";

/** `DSR-2026-0042`: the year of receipt and the organisation's sequence number. */
export function requestReference(receivedAt: string, number: number): string {
  return `DSR-${receivedAt.slice(0, 4)}-${String(number).padStart(4, "0")}`;
}

// The row id is the additional data: a sealed identity copied onto another request does not open.
export function sealRequester(config: Config, requestId: string, requester: Requester): string {
  return sealText(config, JSON.stringify(requester), { use: "requester-identity", aad: requestId });
}

export function openRequester(config: Config, requestId: string, sealed: string): Requester {
  return JSON.parse(openText(config, sealed, { use: "requester-identity", aad: requestId })) as Requester;
}

export function sealAssignee(config: Config, requestId: string, assignee: string): string {
  return sealText(config, assignee, { use: "requester-identity", aad: `${requestId}:assignee` });
}

// The reason goes in a column of its own, so that `keys rotate` re-seals it (see sealed-columns.ts).
export function sealExtensionReason(config: Config, requestId: string, reason: string): string {
  return sealText(config, reason, { use: "requester-identity", aad: `${requestId}:extension` });
}

/**
 * The extension of a request row with its reason opened: sealed in `extension_reason_sealed`, or, for an
 * extension decided before the reason was sealed, still in the JSON.
 */
export function readExtension(
  config: Config,
  row: Pick<RequestRow, "id" | "extension" | "extension_reason_sealed">,
): Extension | null {
  if (!row.extension) return null;
  const stored = JSON.parse(row.extension) as Omit<Extension, "reason"> & { reason?: string };
  const reason = row.extension_reason_sealed
    ? openText(config, row.extension_reason_sealed, { use: "requester-identity", aad: `${row.id}:extension` })
    : (stored.reason ?? "");
  return { ...stored, reason };
}

/** A row as operations return it, the requester opened (the caller is staff, or the person themselves). */
export function toDataSubjectRequest(
  config: Config,
  row: RequestRow,
  opened?: Requester,
): DataSubjectRequest {
  return {
    id: row.id,
    orgId: row.org_id,
    number: Number(row.number),
    reference: requestReference(row.received_at, Number(row.number)),
    type: row.type as RequestType,
    status: row.status as RequestStatus,
    channel: row.channel as RequestChannel,
    role: row.role as RequestRole,
    lang: row.lang as Lang,
    receivedAt: row.received_at,
    receivedOn: row.received_on,
    dueOn: row.due_on,
    originalDueOn: row.original_due_on,
    extension: readExtension(config, row),
    identityStatus: row.identity_status as IdentityStatus,
    // Opened on first read: lists and summaries never read it, and should not decrypt who asked.
    get requester() {
      opened ??= openRequester(config, row.id, row.requester_sealed);
      return opened;
    },
    activityRefs: JSON.parse(row.activity_refs) as string[],
    duplicateOf: row.duplicate_of,
    assignee: row.assignee_sealed
      ? openText(config, row.assignee_sealed, { use: "requester-identity", aad: `${row.id}:assignee` })
      : null,
    outcome: row.outcome as RequestOutcome | null,
    external: row.external ? (JSON.parse(row.external) as DataSubjectRequest["external"]) : null,
    overdueAt: row.overdue_at,
    answeredAt: row.answered_at,
    closedAt: row.closed_at,
    revision: Number(row.revision),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
