import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { Actor, AppContext } from "../../app/app-context.ts";
import { appendAudit } from "../../audit/append-audit.ts";
import { sealText } from "../../crypto/seal.ts";
import type { Database } from "../../db/schema.ts";
import { lockRequestTimeline } from "../staff/lock-request-timeline.ts";

/** Every kind of entry on a request's timeline. Each one also appends to the organisation's audit chain. */
export const REQUEST_EVENT_KINDS = [
  "created",
  "duplicate_linked",
  "status_changed",
  "identity_link_sent",
  "identity_verified",
  "more_info_requested",
  "more_info_received",
  "assigned",
  "unassigned",
  "note_added",
  "attachment_added",
  "attachment_removed",
  "extended",
  "letter_sent",
  "mail_failed",
  "reminder_sent",
  "staff_notified",
  "overdue_flagged",
  "forwarded_to_controller",
  "controller_instruction",
  "processor_instructed",
  "processor_answered",
  "processor_waived",
  "package_published",
  "package_downloaded",
  "withdrawn",
  "callback_sent",
  "opendsr_delivered",
  "opendsr_failed",
] as const;
export type RequestEventKind = (typeof REQUEST_EVENT_KINDS)[number];

export type RequestEventInput = {
  orgId: string;
  requestId: string;
  kind: RequestEventKind;
  actor: Actor;
  /** Non-personal facts: statuses, dates, counts, refs. Stored in clear and hashed into the audit entry. */
  data?: Record<string, unknown>;
  /** What may be personal (a note's text, a reason that names someone): sealed; the audit hashes the ciphertext. */
  sealed?: string;
  /** The request's state after the change, for the audit entry's after-hash. */
  after?: unknown;
};

/**
 * Appends one entry to a request's timeline and to the audit trail, inside the caller's transaction: a
 * transition and its record commit together or not at all.
 */
export async function recordRequestEvent(
  ctx: AppContext,
  trx: Transaction<Database>,
  input: RequestEventInput,
): Promise<void> {
  const at = ctx.now().toISOString();
  // Taken before reading the sequence: two writers on one request would otherwise both read the same
  // last seq and one would fail on the unique constraint.
  await lockRequestTimeline(trx, input.orgId);
  const last =
    input.kind === "created"
      ? undefined
      : await trx
          .selectFrom("request_events")
          .select((eb) => eb.fn.max("seq").as("seq"))
          .where("request_id", "=", input.requestId)
          .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  const id = randomUUID();
  const dataSealed =
    input.sealed === undefined
      ? null
      : sealText(ctx.config, input.sealed, {
          use: "requester-identity",
          aad: `${input.requestId}:event:${id}`,
        });
  await trx
    .insertInto("request_events")
    .values({
      id,
      request_id: input.requestId,
      org_id: input.orgId,
      seq,
      at,
      actor: input.actor,
      kind: input.kind,
      data: JSON.stringify(input.data ?? {}),
      data_sealed: dataSealed,
    })
    .execute();
  await appendAudit(
    trx,
    {
      chain: input.orgId,
      actor: input.actor,
      action: `request.${input.kind}`,
      entityType: "request",
      entityId: input.requestId,
      // The sealed text enters the hash as stored (ciphertext): a hash of a short note would be guessable.
      after: input.after ?? { kind: input.kind, data: input.data ?? {}, sealed: dataSealed },
      details: { seq, ...(input.data ?? {}) },
    },
    ctx.now(),
  );
}
