import type { Actor, AppContext } from "../../app/app-context.ts";
import { AppError, conflict, notFound } from "../../errors/app-error.ts";
import type { DataSubjectRequest, IdentityStatus, RequestStatus } from "../model/request.schema.ts";
import { isOpen } from "../model/transitions.ts";
import { readRequestRow } from "../requests/get-request.ts";
import { recordRequestEvent } from "../requests/record-request-event.ts";
import { toDataSubjectRequest } from "../requests/request-record.ts";
import { transitionRequestIn } from "../requests/transition-request.ts";
import { lockRequestTimeline } from "../staff/lock-request-timeline.ts";

/**
 * How identity was established. `email_link`: the person confirmed through the signed link (control of the
 * address they wrote from); the others are staff's own checks, recorded with a sealed note.
 */
export const VERIFICATION_METHODS = [
  "email_link",
  "known_customer",
  "additional_information",
  "document_checked",
  "in_person",
  "phone",
  "other",
] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

export type VerifyIdentityResult = { changed: boolean; request: DataSubjectRequest };

export function requestNotOpen(status: RequestStatus): AppError {
  return new AppError("CONFLICT", `the request is ${status}`, {
    userMessage: {
      fr: "Cette demande est close ou a été retirée : il n'y a plus rien à confirmer.",
      en: "This request is closed or was withdrawn: there is nothing left to confirm.",
    },
    details: { rule: "request_not_open", status },
  });
}

export function moreInfoPending(): AppError {
  return new AppError("CONFLICT", "the organisation asked for more information", {
    userMessage: {
      fr: "L'organisme vous a demandé des informations complémentaires pour vérifier votre identité : répondez par le lien de son message.",
      en: "The organisation asked you for more information to check your identity: answer through the link in its message.",
    },
    details: { rule: "more_info_requested" },
  });
}

/**
 * Whether an identity check can still be completed by `method`: "done" when it already is (or the request
 * needs none); throws when the request is no longer open, or when a link tries to complete a check for
 * which staff asked for more information. The confirmation page asks the same question before offering
 * its button.
 */
export function identityCheckState(
  row: { status: string; identity_status: string },
  method: VerificationMethod,
): "done" | "to_confirm" {
  const from = row.identity_status as IdentityStatus;
  if (from === "verified" || from === "not_required") return "done";
  if (!isOpen(row.status as RequestStatus)) throw requestNotOpen(row.status as RequestStatus);
  if (method === "email_link" && from !== "pending") throw moreInfoPending();
  return "to_confirm";
}

/**
 * Marks the requester's identity as verified and, if the request was waiting for it, moves it from
 * `awaiting_identity` to `in_progress` — one transaction, with an `identity_verified` event.
 *
 * Idempotent: a second click on the link, or a request that needs no check, changes nothing. Through
 * the link (`email_link`) only a pending check can be completed: once staff asked for more information
 * (Art. 12(6)), control of the mailbox is not enough and staff decide, with another method.
 *
 * @example await verifyIdentity(ctx, { orgId, requestId, actor: "requester", method: "email_link" })
 */
export async function verifyIdentity(
  ctx: AppContext,
  input: {
    orgId: string;
    requestId: string;
    actor: Actor;
    method: VerificationMethod;
    /** Staff's words on how they checked (may name documents or people): sealed on the timeline. */
    note?: string | undefined;
    expectedRevision?: number | undefined;
  },
): Promise<VerifyIdentityResult> {
  return ctx.db.transaction().execute(async (trx) => {
    // Before any read: the next timeline entry and audit entry are numbered from what this reads.
    await lockRequestTimeline(trx, input.orgId);
    const row = await readRequestRow(trx, input.orgId, input.requestId);
    if (!row) throw notFound("request", input.requestId);
    if (input.expectedRevision !== undefined && Number(row.revision) !== input.expectedRevision) {
      throw conflict(`request revision is ${row.revision}, not ${input.expectedRevision}`, {
        rule: "revision",
        revision: Number(row.revision),
      });
    }
    if (identityCheckState(row, input.method) === "done")
      return { changed: false, request: toDataSubjectRequest(ctx.config, row) };
    const from = row.identity_status as IdentityStatus;

    // Conditional on the status read: of two clicks at once, the second updates nothing and changes nothing.
    const claimed = await trx
      .updateTable("requests")
      .set({ identity_status: "verified" })
      .where("id", "=", row.id)
      .where("org_id", "=", input.orgId)
      .where("identity_status", "=", from)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) {
      const current = await readRequestRow(trx, input.orgId, input.requestId);
      return { changed: false, request: toDataSubjectRequest(ctx.config, current ?? row) };
    }
    await recordRequestEvent(ctx, trx, {
      orgId: input.orgId,
      requestId: row.id,
      kind: "identity_verified",
      actor: input.actor,
      data: { method: input.method, from },
      ...(input.note ? { sealed: input.note } : {}),
    });
    if (row.status === "awaiting_identity") {
      const { after } = await transitionRequestIn(ctx, trx, {
        orgId: input.orgId,
        requestId: row.id,
        to: "in_progress",
        actor: input.actor,
        data: { reason: "identity_verified" },
      });
      return { changed: true, request: toDataSubjectRequest(ctx.config, after) };
    }
    const at = ctx.now().toISOString();
    const revision = Number(row.revision) + 1;
    await trx
      .updateTable("requests")
      .set({ revision, updated_at: at })
      .where("id", "=", row.id)
      .where("org_id", "=", input.orgId)
      .execute();
    return {
      changed: true,
      request: toDataSubjectRequest(ctx.config, {
        ...row,
        identity_status: "verified",
        revision,
        updated_at: at,
      }),
    };
  });
}
