import type { AppContext } from "../app/app-context.ts";
import { AppError } from "../errors/app-error.ts";
import { hashToken, TOKEN_PREFIX } from "./create-token.ts";

/** Who a request acts as: an organisation-scoped token, or an admin token (orgId null) for every organisation. */
export type Principal = { tokenId: string; orgId: string | null; admin: boolean; actor: string };

/**
 * How long a successful check is remembered. A revocation takes effect at once in the process that
 * made it and within this delay in the others (several API instances on one PostgreSQL).
 */
export const TOKEN_CACHE_MS = 5_000;
const CACHE_LIMIT = 10_000;
const cache = new WeakMap<object, Map<string, { principal: Principal; until: number; generation: number }>>();
let generation = 0;

export async function authenticateToken(ctx: AppContext, token: string): Promise<Principal> {
  if (!token.startsWith(TOKEN_PREFIX)) throw unauthenticated();
  const hash = hashToken(token);
  let known = cache.get(ctx.db);
  if (!known) {
    known = new Map();
    cache.set(ctx.db, known);
  }
  const now = Date.now();
  const hit = known.get(hash);
  if (hit && hit.until > now && hit.generation === generation) return hit.principal;
  const seen = generation;
  const row = await ctx.db
    .selectFrom("api_tokens")
    .leftJoin("organisations", "organisations.id", "api_tokens.org_id")
    .select(["api_tokens.id", "api_tokens.org_id", "api_tokens.revoked_at", "organisations.archived_at"])
    .where("api_tokens.token_hash", "=", hash)
    .executeTakeFirst();
  // An archived organisation's tokens stop working with it.
  if (!row || row.revoked_at !== null || (row.org_id !== null && row.archived_at !== null)) {
    known.delete(hash);
    throw unauthenticated();
  }
  const principal = Object.freeze({
    tokenId: row.id,
    orgId: row.org_id,
    admin: row.org_id === null,
    actor: `token:${row.id}`,
  });
  if (known.size >= CACHE_LIMIT) known.clear();
  known.set(hash, { principal, until: now + TOKEN_CACHE_MS, generation: seen });
  return principal;
}

/** Forgets every remembered check: called when a token is revoked or an organisation changes. */
export function forgetAuthenticatedTokens(): void {
  generation++;
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
