import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { AppContext } from "../app/app-context.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { organisationName } from "../documents/format-identity.ts";
import { parseOrThrow } from "../errors/from-zod.ts";
import { sendMail } from "../mail/send-mail.ts";
import { getPublication } from "../publication/get-publication.ts";
import { emailLookupHash, encryptEmail } from "./protect-email.ts";
import { confirmUrl, unsubscribeUrl } from "./subscription-links.ts";
import { confirmationMail } from "./subscription-mails.ts";
import { CONFIRM_TTL_MS } from "./subscription-token.ts";

export const SubscriptionRequest = z.object({
  email: z.string().trim().max(254).pipe(z.email()),
  lang: z.enum(["fr", "en"]),
});

/**
 * Someone asks to hear of material changes (double opt-in): a pending subscriber is stored (address
 * encrypted, lookup by HMAC) and a confirmation link is mailed. The answer is the same whether the address
 * was new, pending or already confirmed, so the form cannot tell anyone who subscribed; an already
 * confirmed address gets no mail. Pending requests older than the link's lifetime are erased on the way.
 */
export async function requestSubscription(
  ctx: AppContext,
  input: { slug: string; email: string; lang: "fr" | "en" },
): Promise<void> {
  const { email, lang } = parseOrThrow(SubscriptionRequest, { email: input.email, lang: input.lang });
  const publication = await getPublication(ctx, { slug: input.slug });
  const now = ctx.now();
  const hash = emailLookupHash(ctx.config, email);
  const id = await ctx.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom("subscribers")
      .where("org_id", "=", publication.orgId)
      .where("status", "=", "pending")
      .where("created_at", "<", new Date(now.getTime() - CONFIRM_TTL_MS).toISOString())
      .execute();
    const existing = await trx
      .selectFrom("subscribers")
      .select(["id", "status"])
      .where("org_id", "=", publication.orgId)
      .where("email_hash", "=", hash)
      .executeTakeFirst();
    if (existing?.status === "confirmed") return null;
    const subscriberId = existing?.id ?? randomUUID();
    const values = {
      email_encrypted: encryptEmail(ctx.config, email),
      lang,
      status: "pending",
      created_at: now.toISOString(),
      confirmed_at: null,
      unsubscribed_at: null,
    };
    if (existing) await trx.updateTable("subscribers").set(values).where("id", "=", existing.id).execute();
    else {
      await trx
        .insertInto("subscribers")
        .values({ id: subscriberId, org_id: publication.orgId, email_hash: hash, ...values })
        .execute();
    }
    await appendAudit(
      trx,
      {
        chain: publication.orgId,
        actor: "public",
        action: "subscriber.request",
        entityType: "subscriber",
        entityId: subscriberId,
        details: { lang },
      },
      now,
    );
    return subscriberId;
  });
  if (id === null) return;
  const unsubscribe = unsubscribeUrl(ctx.config, input.slug, id);
  const mail = confirmationMail({
    orgName: organisationName(publication.snapshot.organisation),
    confirmUrl: confirmUrl(ctx.config, input.slug, id, now),
    unsubscribeUrl: unsubscribe,
    lang,
  });
  await sendMail(ctx, { to: email, lang, unsubscribeUrl: unsubscribe, ...mail });
}
