import type { Actor, AppContext } from "../app/app-context.ts";
import { appendAudit, SYSTEM_CHAIN } from "../audit/append-audit.ts";
import { notFound } from "../errors/app-error.ts";
import { forgetAuthenticatedTokens } from "./authenticate-token.ts";

export async function revokeToken(ctx: AppContext, input: { id: string; actor: Actor }): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("api_tokens")
      .select(["id", "org_id", "revoked_at"])
      .where("id", "=", input.id)
      .executeTakeFirst();
    if (!row) throw notFound("token", input.id);
    if (row.revoked_at !== null) return;
    await trx
      .updateTable("api_tokens")
      .set({ revoked_at: now.toISOString() })
      .where("id", "=", input.id)
      .execute();
    await appendAudit(
      trx,
      {
        chain: row.org_id ?? SYSTEM_CHAIN,
        actor: input.actor,
        action: "token.revoke",
        entityType: "api_token",
        entityId: row.id,
      },
      now,
    );
  });
  forgetAuthenticatedTokens();
}
