import { randomUUID } from "node:crypto";
import type { Actor, AppContext } from "../app/app-context.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { canonicalJson } from "../audit/canonical-json.ts";
import { AppError } from "../errors/app-error.ts";
import { exportRegister } from "../register/io/export-register.ts";
import { getOrganisation } from "../register/organisations/get-organisation.ts";
import { type NotifyResult, notifySubscribers } from "../subscriptions/notify-subscribers.ts";
import { detectMaterialChanges } from "./detect-material-changes.ts";
import { prerenderPublicPages } from "./get-public-page.ts";
import { forgetPublicPages, hasPublicPageCache } from "./public-page-cache.ts";
import { toPublicationWithSnapshot } from "./publication-record.ts";
import type { Publication } from "./publication-types.ts";
import { summariseChanges } from "./summarise-changes.ts";

export type PublishResult = {
  publication: Publication;
  /** Who was told of a material change (null when the change is not material). */
  notification: NotifyResult | null;
};

/**
 * Freezes the current register of an organisation as its next published version: the whole register file,
 * a number (1, 2, …), the date, the author, the summary of changes against the previous version and the
 * material changes among them. The version and its audit entry commit together; then the public pages
 * are rebuilt and, for a material change, confirmed subscribers are e-mailed (a mail failure does not undo
 * the publication: it is reported in the result).
 * CONFLICT when nothing changed since the previous version: an identical version would only be noise.
 *
 * @example const { publication } = await publishRegister(ctx, { slug: "regis", actor: "cli", note: "Q4 review" });
 */
export async function publishRegister(
  ctx: AppContext,
  input: { slug: string; actor: Actor; note?: string | undefined },
): Promise<PublishResult> {
  const org = await getOrganisation(ctx, { slug: input.slug });
  const snapshot = await exportRegister(ctx, { slug: input.slug });
  const now = ctx.now();
  const publication = await ctx.db.transaction().execute(async (trx) => {
    const id = randomUUID();
    if (ctx.dialect === "postgres") {
      // Two publications of one organisation at once would read the same latest number: lock its row.
      await trx.selectFrom("organisations").select("id").where("id", "=", org.id).forUpdate().execute();
    }
    const previousRow = await trx
      .selectFrom("publications")
      .selectAll()
      .where("org_id", "=", org.id)
      .orderBy("number", "desc")
      .limit(1)
      .executeTakeFirst();
    const previous = previousRow ? toPublicationWithSnapshot(previousRow).snapshot : undefined;
    if (previous && canonicalJson(previous) === canonicalJson(snapshot)) {
      throw new AppError("CONFLICT", `nothing changed since version ${previousRow?.number}`, {
        userMessage: {
          fr: `Rien n'a changé depuis la version ${previousRow?.number} : rien à publier.`,
          en: `Nothing changed since version ${previousRow?.number}: nothing to publish.`,
        },
        details: { latest: Number(previousRow?.number) },
      });
    }
    const number = Number(previousRow?.number ?? 0) + 1;
    const summary = summariseChanges(previous, snapshot);
    const material = detectMaterialChanges(previous, snapshot);
    const row = {
      id,
      org_id: org.id,
      number,
      published_at: now.toISOString(),
      author: input.actor,
      note: input.note ?? null,
      snapshot: JSON.stringify(snapshot),
      summary: JSON.stringify(summary),
      material: JSON.stringify(material),
    };
    await trx.insertInto("publications").values(row).execute();
    await appendAudit(
      trx,
      {
        chain: org.id,
        actor: input.actor,
        action: "publication.create",
        entityType: "publication",
        entityId: id,
        after: snapshot,
        details: { number, materialChanges: material.length },
      },
      now,
    );
    return { number, publishedAt: row.published_at, author: input.actor, note: row.note, summary, material };
  });
  forgetPublicPages(ctx, input.slug);
  if (hasPublicPageCache(ctx)) await prerenderPublicPages(ctx, input.slug);
  const notification =
    publication.material.length > 0
      ? await notifySubscribers(ctx, { orgId: org.id, slug: input.slug, publication })
      : null;
  return { publication, notification };
}
