import { z } from "zod";
import type { AppContext } from "../../app/app-context.ts";
import { openText, UnsealError } from "../../crypto/seal.ts";
import type { RequestEventRow, RequestPartyRow } from "../../db/schema.ts";
import { notFound } from "../../errors/app-error.ts";
import { readRequestRow } from "../requests/get-request.ts";
import { toDataSubjectRequest } from "../requests/request-record.ts";
import { AttachmentMeta, toAttachmentMeta } from "./attachment-record.ts";
import { organisationToday } from "./organisation-today.ts";
import { RequestView, toRequestView } from "./request-views.ts";

export const TimelineEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string().describe("token:<id>, cli, system or requester"),
  kind: z.string(),
  data: z.record(z.string(), z.unknown()).describe("Non-personal facts: statuses, dates, ids"),
  text: z
    .string()
    .nullable()
    .describe("The sealed part (a note, a reason, an assignee), opened for staff; null when there is none"),
  unreadable: z
    .boolean()
    .optional()
    .describe("true when the sealed part cannot be opened (a retired key that is no longer configured)"),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const PartyView = z.object({
  id: z.string(),
  role: z
    .string()
    .describe("controller (a processor forwards to it) or processor (a controller instructs it)"),
  partyRef: z.string(),
  name: z.string(),
  channel: z.string(),
  status: z.string(),
  remoteRequestId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  sentAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PartyView = z.infer<typeof PartyView>;

export const RequestDetails = z.object({
  request: RequestView,
  timeline: z.array(TimelineEntry),
  attachments: z.array(AttachmentMeta),
  parties: z.array(PartyView),
});
export type RequestDetails = z.infer<typeof RequestDetails>;

/** Opens an event's sealed text (see recordRequestEvent: requester-identity key, request and event ids). */
export function toTimelineEntry(ctx: AppContext, row: RequestEventRow): TimelineEntry {
  const entry: TimelineEntry = {
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    kind: row.kind,
    data: JSON.parse(row.data) as Record<string, unknown>,
    text: null,
  };
  if (row.data_sealed === null) return entry;
  try {
    entry.text = openText(ctx.config, row.data_sealed, {
      use: "requester-identity",
      aad: `${row.request_id}:event:${row.id}`,
    });
  } catch (error) {
    if (!(error instanceof UnsealError)) throw error;
    entry.unreadable = true;
  }
  return entry;
}

function toPartyView(row: RequestPartyRow): PartyView {
  return {
    id: row.id,
    role: row.role,
    partyRef: row.party_ref,
    name: row.name,
    channel: row.channel,
    status: row.status,
    remoteRequestId: row.remote_request_id,
    data: JSON.parse(row.data) as Record<string, unknown>,
    sentAt: row.sent_at,
    answeredAt: row.answered_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * One request as staff work on it: who asked, its whole timeline (notes and reasons opened), its
 * attachments (names opened, files not loaded) and the other parties (controller or processors).
 * Another organisation's request is not found, exactly like an unknown id.
 */
export async function getRequestDetails(
  ctx: AppContext,
  input: { orgId: string; requestId: string },
): Promise<RequestDetails> {
  const row = await readRequestRow(ctx.db, input.orgId, input.requestId);
  if (!row) throw notFound("request", input.requestId);
  const [events, attachments, parties, today] = await Promise.all([
    ctx.db
      .selectFrom("request_events")
      .selectAll()
      .where("request_id", "=", row.id)
      .where("org_id", "=", input.orgId)
      .orderBy("seq")
      .execute(),
    ctx.db
      .selectFrom("request_attachments")
      .selectAll()
      .where("request_id", "=", row.id)
      .where("org_id", "=", input.orgId)
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
    ctx.db
      .selectFrom("request_parties")
      .selectAll()
      .where("request_id", "=", row.id)
      .where("org_id", "=", input.orgId)
      .orderBy("role")
      .orderBy("party_ref")
      .execute(),
    organisationToday(ctx, input.orgId),
  ]);
  return {
    request: toRequestView(toDataSubjectRequest(ctx.config, row), today),
    timeline: events.map((e) => toTimelineEntry(ctx, e)),
    attachments: attachments.map((a) => toAttachmentMeta(ctx.config, a)),
    parties: parties.map(toPartyView),
  };
}
