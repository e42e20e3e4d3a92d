import type { Transaction } from "kysely";
import type { AppContext } from "../../app/app-context.ts";
import type { Database } from "../../db/schema.ts";
import { queueIdentityMail } from "../identity/queue-identity-mail.ts";
import type { CreateRequestResult } from "../requests/create-request.ts";

/** What was done about the person's identity when a request was recorded. */
export type IdentityCheck =
  /** Verified, waived, or a duplicate closed at once (the first request's check covers it). */
  | "not_needed"
  /** The signed identity link is queued for the person's e-mail address (sent after commit). */
  | "mail_queued"
  /** No e-mail address (a letter): staff check identity themselves and record it (identity/verify-identity.ts). */
  | "awaiting_staff";

/**
 * The identity step of a request entered by staff or posted by the organisation's systems, inside the
 * transaction that records it: the intake capability's e-mail link when the person gave an address.
 * Art. 12(6): more than that is asked for only on a reasonable doubt, so nothing here asks for documents.
 */
export async function queueIdentityCheck(
  ctx: AppContext,
  trx: Transaction<Database>,
  result: CreateRequestResult,
): Promise<IdentityCheck> {
  const { request } = result;
  if (request.status !== "awaiting_identity") return "not_needed";
  const queued = await queueIdentityMail(ctx, trx, { orgId: request.orgId, request });
  return queued ? "mail_queued" : "awaiting_staff";
}
