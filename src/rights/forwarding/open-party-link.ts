import type { AppContext } from "../../app/app-context.ts";
import type { RequestPartyRow, RequestRow } from "../../db/schema.ts";
import { invalidRequestLink, verifyRequestLink } from "../links/request-link.ts";
import { readRequestRow } from "../requests/get-request.ts";
import { readPartyRow } from "./party.ts";
import type { PartyPage } from "./party-links.ts";

export type OpenedPartyLink = { party: RequestPartyRow; request: RequestRow };

/**
 * The party a counterpart's link names, for the organisation in the URL. Everything that is not a valid,
 * unexpired link of this organisation, for a party reached by e-mail with the page's role, is the same
 * `invalid_link` answer: a link says nothing about which check failed.
 */
export async function openPartyLink(
  ctx: AppContext,
  input: { orgId: string; token: string; page: PartyPage },
): Promise<OpenedPartyLink> {
  const claims = verifyRequestLink(ctx.config, input.token, "controller-decision", ctx.now());
  if (!claims.subject) throw invalidRequestLink();
  const party = await readPartyRow(ctx.db, input.orgId, claims.requestId, claims.subject);
  const role = input.page === "controller-decision" ? "controller" : "processor";
  if (!party || party.role !== role || party.channel !== "email") throw invalidRequestLink();
  const request = await readRequestRow(ctx.db, input.orgId, claims.requestId);
  if (!request) throw invalidRequestLink();
  return { party, request };
}
