/**
 * The other side of a request (table `request_parties`): the controller a processor forwarded it to
 * (role `controller`), or a processor the controller instructed (role `processor`). A party names an
 * organisation, never a person: its name is the company's, and what may be personal (an instruction, a
 * reason, a contact address) lives sealed on the timeline or in the mail outbox.
 */
import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import { z } from "zod";
import type { Database, RequestPartyRow } from "../../db/schema.ts";

/**
 * - `pending`: nothing sent yet (no way to reach the party, or waiting for this organisation's decision);
 * - `sent`: forwarded or instructed, waiting for the answer;
 * - `confirmed` / `refused`: a controller's instruction to its processor (proceed, or do not act);
 * - `answered`: a processor's answer; `waived`: staff decided to proceed without it, with a reason;
 * - `cancelled`: nothing more is expected (the controller told the forwarding processor not to act).
 * `pending` and `sent` processors block answering or closing the request (transitionRequestIn).
 */
export const PARTY_STATUSES = [
  "pending",
  "sent",
  "confirmed",
  "refused",
  "answered",
  "waived",
  "cancelled",
] as const;
export type PartyStatus = (typeof PARTY_STATUSES)[number];

/** internal: another organisation of this Gardien; opendsr: a remote peer; email: a signed link; manual: staff. */
export const PARTY_CHANNELS = ["internal", "opendsr", "email", "manual"] as const;
export type PartyChannel = (typeof PARTY_CHANNELS)[number];

export const PartyRole = z.enum(["controller", "processor"]);
export type PartyRole = z.infer<typeof PartyRole>;

/** A processor's answer: it did what was asked, it holds no data on the person, or it could not act. */
export const PROCESSOR_RESULTS = ["completed", "no_data", "not_done"] as const;
export const ProcessorResult = z.enum(PROCESSOR_RESULTS);
export type ProcessorResult = z.infer<typeof ProcessorResult>;

/** A party still owes its answer or decision (pending: not reached yet; sent: reached). */
export function awaitsAnswer(status: string): boolean {
  return status === "pending" || status === "sent";
}

/**
 * What a processor's own handling of a request amounts to, however it reached the controller (its copy
 * here, or an OpenDSR status): withdrawn or cancelled, or refused, is not done; answered with no action
 * means it held no data; any other answer is done.
 */
export function processorResultOf(stopped: boolean, outcome: string | null | undefined): ProcessorResult {
  if (stopped || outcome === "refused") return "not_done";
  if (outcome === "no_action") return "no_data";
  return "completed";
}

export const ControllerDecision = z.enum(["confirm", "refuse"]);
export type ControllerDecision = z.infer<typeof ControllerDecision>;

/** Non-personal facts kept with a party (column `data`). */
export type PartyData = {
  /** The peer it goes through (internal or OpenDSR). */
  peerRef?: string;
  /** Processor side: the processor-register entry (client controller) the request concerns. */
  controllerRef?: string;
  /** Controller side: the activities that list this processor. */
  activityRefs?: string[];
  /** The processor that forwarded the request to this controller: its instruction is this party's decision. */
  origin?: boolean;
  decision?: ControllerDecision;
  result?: ProcessorResult;
  /** Why a party stays pending (no contact, the type has no OpenDSR form, not registered in return). */
  reason?: string;
  /** The outbox gave up sending to it: staff must reach it another way (or waive it). */
  deliveryFailed?: boolean;
  /** The remote side's OpenDSR status, as last reported. */
  remoteStatus?: string;
};

export const PartyView = z.object({
  id: z.string(),
  requestId: z.string(),
  role: PartyRole,
  ref: z.string().describe("Processor ref, peer ref, or e-mail-… for a controller reached by e-mail"),
  name: z.string(),
  channel: z.enum(PARTY_CHANNELS),
  status: z.enum(PARTY_STATUSES),
  peerRef: z.string().nullable(),
  controllerRef: z.string().nullable(),
  activityRefs: z.array(z.string()),
  origin: z.boolean().describe("The processor that forwarded this request to the organisation"),
  decision: ControllerDecision.nullable(),
  result: ProcessorResult.nullable(),
  reason: z.string().nullable(),
  deliveryFailed: z.boolean(),
  remoteRequestId: z.string().nullable(),
  sentAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PartyView = z.infer<typeof PartyView>;

export function partyData(row: Pick<RequestPartyRow, "data">): PartyData {
  return JSON.parse(row.data) as PartyData;
}

export function toPartyView(row: RequestPartyRow): PartyView {
  const data = partyData(row);
  return {
    id: row.id,
    requestId: row.request_id,
    role: row.role as PartyRole,
    ref: row.party_ref,
    name: row.name,
    channel: row.channel as PartyChannel,
    status: row.status as PartyStatus,
    peerRef: data.peerRef ?? null,
    controllerRef: data.controllerRef ?? null,
    activityRefs: data.activityRefs ?? [],
    origin: data.origin === true,
    decision: data.decision ?? null,
    result: data.result ?? null,
    reason: data.reason ?? null,
    deliveryFailed: data.deliveryFailed === true,
    remoteRequestId: row.remote_request_id,
    sentAt: row.sent_at,
    answeredAt: row.answered_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type NewParty = {
  /** Given when the caller needs the id before the insert (to seal a value bound to it). */
  id?: string;
  orgId: string;
  requestId: string;
  role: PartyRole;
  ref: string;
  name: string;
  channel: PartyChannel;
  status: PartyStatus;
  targetOrgId?: string | null;
  remoteRequestId?: string | null;
  data: PartyData;
  sentAt?: string | null;
  answeredAt?: string | null;
  addressSealed?: string | null;
};

export async function insertParty(
  trx: Transaction<Database>,
  at: string,
  party: NewParty,
): Promise<RequestPartyRow> {
  const row: RequestPartyRow = {
    id: party.id ?? randomUUID(),
    request_id: party.requestId,
    org_id: party.orgId,
    role: party.role,
    party_ref: party.ref,
    name: party.name,
    channel: party.channel,
    status: party.status,
    target_org_id: party.targetOrgId ?? null,
    remote_request_id: party.remoteRequestId ?? null,
    data: JSON.stringify(party.data),
    sent_at: party.sentAt ?? null,
    answered_at: party.answeredAt ?? null,
    created_at: at,
    updated_at: at,
    address_sealed: party.addressSealed ?? null,
  };
  await trx.insertInto("request_parties").values(row).execute();
  return row;
}

/** Writes a party's new status and data (merged), scoped to its organisation. */
export async function updateParty(
  trx: Transaction<Database>,
  row: RequestPartyRow,
  at: string,
  change: {
    status?: PartyStatus;
    data?: PartyData;
    sentAt?: string;
    answeredAt?: string;
    remoteRequestId?: string;
    targetOrgId?: string;
  },
): Promise<RequestPartyRow> {
  const next: RequestPartyRow = {
    ...row,
    status: change.status ?? row.status,
    data: JSON.stringify({ ...partyData(row), ...(change.data ?? {}) }),
    sent_at: change.sentAt ?? row.sent_at,
    answered_at: change.answeredAt ?? row.answered_at,
    remote_request_id: change.remoteRequestId ?? row.remote_request_id,
    target_org_id: change.targetOrgId ?? row.target_org_id,
    updated_at: at,
  };
  await trx
    .updateTable("request_parties")
    .set({
      status: next.status,
      data: next.data,
      sent_at: next.sent_at,
      answered_at: next.answered_at,
      remote_request_id: next.remote_request_id,
      target_org_id: next.target_org_id,
      updated_at: next.updated_at,
    })
    .where("id", "=", row.id)
    .where("org_id", "=", row.org_id)
    .execute();
  return next;
}

export async function readPartyRow(
  db: Transaction<Database> | import("kysely").Kysely<Database>,
  orgId: string,
  requestId: string,
  partyId: string,
): Promise<RequestPartyRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(partyId)) return undefined;
  return db
    .selectFrom("request_parties")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("request_id", "=", requestId)
    .where("id", "=", partyId)
    .executeTakeFirst();
}
