import type { AppContext } from "../app/app-context.ts";
import { AppError } from "../errors/app-error.ts";
import { hashToken, TOKEN_PREFIX } from "./create-token.ts";

/** Who a request acts as: an organisation-scoped token, or an admin token (orgId null) for every organisation. */
export type Principal = { tokenId: string; orgId: string | null; admin: boolean; actor: string };

export async function authenticateToken(ctx: AppContext, token: string): Promise<Principal> {
  if (!token.startsWith(TOKEN_PREFIX)) throw unauthenticated();
  const row = await ctx.db
    .selectFrom("api_tokens")
    .select(["id", "org_id", "revoked_at"])
    .where("token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null) throw unauthenticated();
  return { tokenId: row.id, orgId: row.org_id, admin: row.org_id === null, actor: `token:${row.id}` };
}

/** May this principal act on this organisation? */
export function canActOn(principal: Principal, orgId: string): boolean {
  return principal.admin || principal.orgId === orgId;
}

function unauthenticated(): AppError {
  return new AppError("UNAUTHENTICATED", "a valid API token is required", {
    userMessage: { fr: "Un jeton d'API valide est requis.", en: "A valid API token is required." },
  });
}
