import type { AppContext } from "../../app/app-context.ts";
import type { Db } from "../../db/create-db.ts";
import { recordRequestEvent } from "../requests/record-request-event.ts";
import { getRightsSettings } from "../settings/rights-settings.ts";
import { lockRequestTimeline } from "../staff/lock-request-timeline.ts";
import { GENERATED_PACKAGE } from "./publish-package.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The packages of an organisation built before `before`: read through `request_attachments_expiry`. */
export function expiredPackagesQuery(db: Db, orgId: string, before: string) {
  return db
    .selectFrom("request_attachments")
    .select(["id", "request_id", "sha256"])
    .where("purpose", "=", GENERATED_PACKAGE.purpose)
    .where("source", "=", GENERATED_PACKAGE.source)
    .where("org_id", "=", orgId)
    .where("created_at", "<", before);
}

/**
 * Deletes the built packages whose download period is over (`packageLinkDays` after they were built, as their
 * links were signed), with an `attachment_removed` entry each: a copy of someone's data is not kept longer than
 * it can be fetched (Art. 5(1)(e)). The material it was built from stays with the request. Meant for the
 * scheduler; returns how many were removed.
 *
 * An organisation that shortens `packageLinkDays` removes older packages sooner, whose links then say "expired".
 */
export async function purgeExpiredPackages(ctx: AppContext): Promise<{ removed: number }> {
  const orgs = await ctx.db
    .selectFrom("request_attachments")
    .select("org_id")
    .distinct()
    .where("purpose", "=", GENERATED_PACKAGE.purpose)
    .where("source", "=", GENERATED_PACKAGE.source)
    .execute();
  let removed = 0;
  for (const { org_id: orgId } of orgs) {
    const settings = await getRightsSettings(ctx.db, orgId);
    const before = new Date(ctx.now().getTime() - settings.packageLinkDays * DAY_MS).toISOString();
    const expired = await expiredPackagesQuery(ctx.db, orgId, before).execute();
    for (const row of expired) {
      await ctx.db.transaction().execute(async (trx) => {
        await lockRequestTimeline(trx, orgId);
        const deleted = await trx
          .deleteFrom("request_attachments")
          .where("id", "=", row.id)
          .where("org_id", "=", orgId)
          .executeTakeFirst();
        if (Number(deleted.numDeletedRows) === 0) return;
        await recordRequestEvent(ctx, trx, {
          orgId,
          requestId: row.request_id,
          kind: "attachment_removed",
          actor: "system",
          data: {
            attachmentId: row.id,
            purpose: GENERATED_PACKAGE.purpose,
            source: GENERATED_PACKAGE.source,
            sha256: row.sha256,
            reason: "link_expired",
          },
        });
        removed++;
      });
    }
  }
  return { removed };
}
