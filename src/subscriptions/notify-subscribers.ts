import type { AppContext } from "../app/app-context.ts";
import { organisationName } from "../documents/format-identity.ts";
import { sendMail } from "../mail/send-mail.ts";
import type { Publication } from "../publication/publication-types.ts";
import { getOrganisation } from "../register/organisations/get-organisation.ts";
import { decryptEmail } from "./protect-email.ts";
import { publicBaseUrl } from "./public-base-url.ts";
import { unsubscribeUrl } from "./subscription-links.ts";
import { materialChangeMail } from "./subscription-mails.ts";

export type NotifyResult = { sent: number; failed: number };

/**
 * Tells every confirmed subscriber of an organisation about a material change, each in the language they
 * chose, with the material changes, a link to the new version and a one-click unsubscribe link. Pending
 * and unsubscribed people get nothing. Sent one by one: a failed address does not stop the others.
 */
export async function notifySubscribers(
  ctx: AppContext,
  input: { orgId: string; slug: string; publication: Publication },
): Promise<NotifyResult> {
  const rows = await ctx.db
    .selectFrom("subscribers")
    .select(["id", "email_encrypted", "lang"])
    .where("org_id", "=", input.orgId)
    .where("status", "=", "confirmed")
    .orderBy("id")
    .execute();
  const result: NotifyResult = { sent: 0, failed: 0 };
  if (rows.length === 0) return result;
  const org = await getOrganisation(ctx, { slug: input.slug });
  const { number } = input.publication;
  for (const row of rows) {
    const lang = row.lang === "en" ? "en" : "fr";
    const unsubscribe = unsubscribeUrl(ctx.config, input.slug, row.id);
    const mail = materialChangeMail({
      orgName: organisationName(org.data),
      number,
      lines: input.publication.material,
      versionUrl: `${publicBaseUrl(ctx.config)}/o/${input.slug}/privacy/versions/${number}?lang=${lang}`,
      unsubscribeUrl: unsubscribe,
      lang,
    });
    const outcome = await sendMail(ctx, {
      to: decryptEmail(ctx.config, row.email_encrypted),
      lang,
      unsubscribeUrl: unsubscribe,
      ...mail,
    });
    if (outcome.sent) result.sent++;
    else result.failed++;
  }
  if (result.failed > 0)
    ctx.log.warn({ ...result, number }, "some subscribers could not be told of a material change");
  return result;
}
