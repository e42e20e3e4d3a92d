import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Actor, AppContext } from "../app/app-context.ts";
import { appendAudit, SYSTEM_CHAIN } from "../audit/append-audit.ts";
import { validationError } from "../errors/app-error.ts";
import { getOrganisation } from "../register/organisations/get-organisation.ts";

export const TOKEN_PREFIX = "gdn_";

/** Tokens carry 256 random bits, so a plain SHA-256 is enough to store them: no salt or slow hash needed. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type CreatedToken = { id: string; token: string; orgSlug: string | null; name: string };

/**
 * Creates an API token for one organisation, or an admin token for all (`admin: true`).
 * The plain token is returned once and never stored.
 */
export async function createToken(
  ctx: AppContext,
  input: { orgSlug?: string; admin?: boolean; name: string; actor: Actor },
): Promise<CreatedToken> {
  const name = input.name.trim();
  if (name.length === 0 || name.length > 100) {
    throw validationError([{ path: "name", rule: "length", message: "must be 1-100 characters" }]);
  }
  if (!input.admin && !input.orgSlug) {
    throw validationError([
      { path: "org", rule: "required", message: "name an organisation, or ask for an admin token" },
    ]);
  }
  const orgId = input.admin ? null : (await getOrganisation(ctx, { slug: input.orgSlug! })).id;
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const id = randomUUID();
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("api_tokens")
      .values({
        id,
        org_id: orgId,
        name,
        token_hash: hashToken(token),
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
        created_at: now.toISOString(),
        revoked_at: null,
      })
      .execute();
    await appendAudit(
      trx,
      {
        chain: orgId ?? SYSTEM_CHAIN,
        actor: input.actor,
        action: "token.create",
        entityType: "api_token",
        entityId: id,
        details: { scope: orgId ? "organisation" : "admin" },
      },
      now,
    );
  });
  return { id, token, orgSlug: input.admin ? null : (input.orgSlug ?? null), name };
}
