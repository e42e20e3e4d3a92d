import type { AppContext } from "../../app/app-context.ts";
import type { RequestRow } from "../../db/schema.ts";
import {
  invalidRequestLink,
  type LinkClaims,
  type LinkPurpose,
  verifyRequestLink,
} from "../links/request-link.ts";
import { readRequestRow } from "../requests/get-request.ts";
import { getRightsSettings } from "../settings/rights-settings.ts";
import { statusLinkUsable } from "./request-link-urls.ts";

/**
 * The request a public link points to, on the organisation whose path it was opened on. A forged,
 * expired or wrong-purpose token, a token of another organisation's request, and a status link past
 * `statusLinkDays` after closing all fail the same way (BAD_REQUEST `invalid_link`): the page never says
 * which, so a link reveals nothing about requests it does not open.
 */
export async function openRequestLink(
  ctx: AppContext,
  input: { orgId: string; token: string; purpose: LinkPurpose },
): Promise<{ claims: LinkClaims; row: RequestRow }> {
  const now = ctx.now();
  const claims = verifyRequestLink(ctx.config, input.token, input.purpose, now);
  const row = await readRequestRow(ctx.db, input.orgId, claims.requestId);
  if (!row) throw invalidRequestLink();
  if (input.purpose === "status") {
    const settings = await getRightsSettings(ctx.db, input.orgId);
    if (!statusLinkUsable(row.closed_at, now, settings)) throw invalidRequestLink();
  }
  return { claims, row };
}
