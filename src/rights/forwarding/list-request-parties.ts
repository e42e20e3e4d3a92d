import type { AppContext } from "../../app/app-context.ts";
import { notFound } from "../../errors/app-error.ts";
import { readRequestRow } from "../requests/get-request.ts";
import { type PartyView, toPartyView } from "./party.ts";
import { syncInternalParties } from "./sync-internal-parties.ts";

/**
 * The controllers a request was forwarded to and the processors it went to, with where each stands.
 * Answers that other organisations of this Gardien gave are brought in first, so the list is current.
 */
export async function listRequestParties(
  ctx: AppContext,
  input: { orgId: string; requestId: string },
): Promise<PartyView[]> {
  const request = await readRequestRow(ctx.db, input.orgId, input.requestId);
  if (!request) throw notFound("request", input.requestId);
  await syncInternalParties(ctx, { orgId: input.orgId, requestId: input.requestId });
  const rows = await ctx.db
    .selectFrom("request_parties")
    .selectAll()
    .where("org_id", "=", input.orgId)
    .where("request_id", "=", input.requestId)
    .orderBy("created_at")
    .orderBy("party_ref")
    .execute();
  return rows.map(toPartyView);
}
