import { randomUUID } from "node:crypto";
import { sql, type Transaction } from "kysely";
import type { Actor, AppContext } from "../../app/app-context.ts";
import { lookupHash } from "../../crypto/seal.ts";
import type { Database, RequestRow } from "../../db/schema.ts";
import { validationError } from "../../errors/app-error.ts";
import { parseOrThrow } from "../../errors/from-zod.ts";
import { normaliseEmail } from "../../subscriptions/protect-email.ts";
import { computeDueDate } from "../deadlines/compute-due-date.ts";
import { CreateRequestInput, type DataSubjectRequest, type Requester } from "../model/request.schema.ts";
import { OPEN_STATUSES } from "../model/transitions.ts";
import { lockRequestTimeline } from "../staff/lock-request-timeline.ts";
import { calendarDateIn, loadOrganisationCalendar } from "./organisation-calendar.ts";
import { recordRequestEvent } from "./record-request-event.ts";
import { sealRequester, toDataSubjectRequest } from "./request-record.ts";

export type CreateRequestResult = {
  request: DataSubjectRequest;
  /** Set when an open request of the same person and type existed: this one is linked to it, not counted. */
  duplicateOf: DataSubjectRequest | null;
};

export type CreateRequestOptions = {
  /** Further writes that must commit with the request (an identity mail, a forwarding). */
  within?: (trx: Transaction<Database>, result: CreateRequestResult) => Promise<void>;
  /** Another organisation whose timeline `within` writes to: its lock is taken with this one's, in order. */
  lockAlso?: string;
};

// A request may be dated a little ahead of the server's clock (another host's clock), never days ahead.
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/**
 * Who the person is, for duplicate detection: the normalised e-mail, else the customer id. A keyed hash,
 * so the column finds a person without holding their address.
 */
export function requesterLookup(ctx: AppContext, requester: Requester): string | null {
  if (requester.email)
    return lookupHash(ctx.config, "request-lookup", `email:${normaliseEmail(requester.email)}`);
  if (requester.customerId)
    return lookupHash(ctx.config, "request-lookup", `customer:${requester.customerId.trim()}`);
  return null;
}

/**
 * The first open request of this person and type, if any. Almost every intake finds none: the probe reads
 * ids only (a whole row costs several times more to hand to JavaScript, even when none matches), and the
 * row is read once one is found.
 */
async function findOpenRequestOf(
  trx: Transaction<Database>,
  orgId: string,
  lookup: string,
  type: string,
): Promise<RequestRow | undefined> {
  const found = await trx
    .selectFrom("requests")
    .select("id")
    .where("org_id", "=", orgId)
    .where("requester_lookup", "=", lookup)
    .where("type", "=", type)
    .where("duplicate_of", "is", null)
    .where("status", "in", OPEN_STATUSES)
    .orderBy(sql`number + 0`)
    .limit(1)
    .executeTakeFirst();
  if (!found) return undefined;
  return trx.selectFrom("requests").selectAll().where("id", "=", found.id).executeTakeFirst();
}

/**
 * Records a data subject request from any channel: computes its due date (Art. 12(3), Reg. 1182/71), seals
 * who asked, links a duplicate (same person, same type, still open) to the first request, and appends to
 * the timeline and the audit trail — all in one transaction.
 *
 * @example
 * const { request } = await createRequest(ctx, { orgId, actor: "token:abc", input: {
 *   type: "access", channel: "letter", receivedAt: "2026-03-02T10:00:00+01:00",
 *   requester: { name: "Jeanne Martin", postalAddress: "12 rue des Lilas, 75011 Paris" } } });
 */
export async function createRequest(
  ctx: AppContext,
  args: { orgId: string; actor: Actor; input: unknown },
  options: CreateRequestOptions = {},
): Promise<CreateRequestResult> {
  const input = parseOrThrow(CreateRequestInput, args.input);
  const now = ctx.now();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  if (receivedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw validationError([
      { path: "receivedAt", rule: "not_in_future", message: "must not be in the future" },
    ]);
  }
  const calendar = await loadOrganisationCalendar(ctx.db, args.orgId, { maxAgeMs: 1000 });
  const receivedOn = calendarDateIn(receivedAt, calendar.timeZone);
  const due = computeDueDate({
    receivedOn,
    country: calendar.country,
    alsaceMoselle: calendar.alsaceMoselle,
  });
  const lookup = requesterLookup(ctx, input.requester);
  const lang = input.lang ?? calendar.defaultLanguage;
  const verified = input.identityVerified || input.external !== undefined;

  return ctx.db.transaction().execute(async (trx) => {
    // The same lock as the organisation's audit chain: numbers and chain entries stay in step.
    await lockRequestTimeline(trx, args.orgId, ...(options.lockAlso ? [options.lockAlso] : []));
    await assertActivitiesExist(trx, args.orgId, input.activityRefs);
    const first = lookup === null ? undefined : await findOpenRequestOf(trx, args.orgId, lookup, input.type);
    const last = await trx
      .selectFrom("requests")
      .select((eb) => eb.fn.max("number").as("number"))
      .where("org_id", "=", args.orgId)
      .executeTakeFirst();
    const id = randomUUID();
    const at = now.toISOString();
    const row: RequestRow = {
      id,
      org_id: args.orgId,
      number: Number(last?.number ?? 0) + 1,
      type: input.type,
      // A duplicate is closed at once: the first request's answer covers it, and it must not be counted twice.
      status: first ? "closed" : verified ? "in_progress" : "awaiting_identity",
      channel: input.channel,
      role: input.role,
      lang,
      received_at: receivedAt.toISOString(),
      received_on: receivedOn,
      due_on: due.dueOn,
      original_due_on: due.dueOn,
      extension: null,
      extension_reason_sealed: null,
      identity_status: input.identityVerified ? "verified" : input.external ? "not_required" : "pending",
      requester_sealed: sealRequester(ctx.config, id, input.requester),
      requester_lookup: lookup,
      activity_refs: JSON.stringify(input.activityRefs),
      duplicate_of: first?.id ?? null,
      assignee_sealed: null,
      outcome: null,
      external: input.external ? JSON.stringify(input.external) : null,
      overdue_at: null,
      answered_at: null,
      closed_at: first ? at : null,
      revision: 1,
      created_at: at,
      updated_at: at,
    };
    await trx.insertInto("requests").values(row).execute();
    await recordRequestEvent(ctx, trx, {
      orgId: args.orgId,
      requestId: id,
      kind: "created",
      actor: args.actor,
      data: {
        type: row.type,
        channel: row.channel,
        role: row.role,
        status: row.status,
        receivedOn,
        dueOn: due.dueOn,
        activityRefs: input.activityRefs,
        ...(first ? { duplicateOf: first.id } : {}),
      },
      after: { ...row, requester_sealed: undefined },
    });
    if (first) {
      await recordRequestEvent(ctx, trx, {
        orgId: args.orgId,
        requestId: first.id,
        kind: "duplicate_linked",
        actor: args.actor,
        data: { duplicate: id, channel: row.channel },
      });
    }
    const result: CreateRequestResult = {
      request: toDataSubjectRequest(ctx.config, row, input.requester),
      duplicateOf: first ? toDataSubjectRequest(ctx.config, first) : null,
    };
    await options.within?.(trx, result);
    return result;
  });
}

async function assertActivitiesExist(
  trx: Transaction<Database>,
  orgId: string,
  refs: readonly string[],
): Promise<void> {
  if (refs.length === 0) return;
  const found = await trx
    .selectFrom("activities")
    .select("ref")
    .where("org_id", "=", orgId)
    .where("ref", "in", [...refs])
    .execute();
  const known = new Set(found.map((r) => r.ref));
  const issues = refs.flatMap((ref, i) =>
    known.has(ref)
      ? []
      : [
          {
            path: `activityRefs[${i}]`,
            rule: "known_activity",
            message: `no activity "${ref}" in the register`,
          },
        ],
  );
  if (issues.length > 0) throw validationError(issues);
}
