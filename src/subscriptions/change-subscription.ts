import type { AppContext } from "../app/app-context.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { resolveOrganisation } from "../register/organisations/resolve-organisation.ts";
import { invalidLink, verifyToken } from "./subscription-token.ts";

/**
 * Follows a signed link: `confirm` makes a pending subscriber confirmed (the second step of the double
 * opt-in), `unsubscribe` ends a subscription and erases the address (only its keyed hash and the dates stay,
 * as the record of consent and of its withdrawal, Art. 7(1) and 7(3)). Both are idempotent. A forged,
 * expired or other organisation's token is refused with BAD_REQUEST.
 */
export async function changeSubscription(
  ctx: AppContext,
  input: { slug: string; token: string; action: "confirm" | "unsubscribe" },
): Promise<{ status: "confirmed" | "unsubscribed" }> {
  const now = ctx.now();
  const id = verifyToken(ctx.config, input.token, input.action, now);
  const org = await resolveOrganisation(ctx.db, input.slug);
  if (!org) throw invalidLink();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("subscribers")
      .select(["id", "status"])
      .where("id", "=", id)
      .where("org_id", "=", org.id)
      .executeTakeFirst();
    if (input.action === "confirm") {
      // An unsubscribed (or purged) subscriber cannot be revived by an old confirmation link.
      if (!row || row.status === "unsubscribed") throw invalidLink();
      if (row.status === "confirmed") return { status: "confirmed" as const };
      await trx
        .updateTable("subscribers")
        .set({ status: "confirmed", confirmed_at: now.toISOString() })
        .where("id", "=", id)
        .execute();
    } else {
      if (!row || row.status === "unsubscribed") return { status: "unsubscribed" as const };
      await trx
        .updateTable("subscribers")
        .set({ status: "unsubscribed", unsubscribed_at: now.toISOString(), email_encrypted: "" })
        .where("id", "=", id)
        .execute();
    }
    await appendAudit(
      trx,
      {
        chain: org.id,
        actor: "public",
        action: `subscriber.${input.action}`,
        entityType: "subscriber",
        entityId: id,
      },
      now,
    );
    return { status: input.action === "confirm" ? ("confirmed" as const) : ("unsubscribed" as const) };
  });
}
