import type { Kysely } from "kysely";
import { z } from "zod";
import type { Actor, AppContext } from "../../app/app-context.ts";
import { appendAudit } from "../../audit/append-audit.ts";
import type { Database } from "../../db/schema.ts";
import { parseOrThrow } from "../../errors/from-zod.ts";

/** How an organisation runs its requests. Defaults suit a small team; every field has a reason. */
export const RightsSettings = z
  .object({
    /** Days before the due date on which the assignee and the DPO are reminded (plus one on the day it passes). */
    reminderDaysBefore: z.array(z.number().int().min(1).max(60)).max(5).default([7, 2]),
    /** Staff addresses reminded with the DPO (the DPO's address comes from the register). */
    notifyEmails: z.array(z.email()).max(20).default([]),
    /** How long an identity link stays valid (hours). */
    identityLinkHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 14)
      .default(72),
    /** How long a data package can be downloaded (days): long enough to be found, short enough to expire. */
    packageLinkDays: z.number().int().min(1).max(90).default(30),
    /** How long the requester's status link works after the request is closed (days). */
    statusLinkDays: z.number().int().min(1).max(730).default(365),
  })
  .strict();
export type RightsSettings = z.output<typeof RightsSettings>;

export async function getRightsSettings(db: Kysely<Database>, orgId: string): Promise<RightsSettings> {
  const row = await db
    .selectFrom("rights_settings")
    .select("data")
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  return RightsSettings.parse(row ? JSON.parse(row.data) : {});
}

/** Replaces the settings (validated first; nothing is written on bad input), with an audit entry. */
export async function updateRightsSettings(
  ctx: AppContext,
  input: { orgId: string; actor: Actor; settings: unknown },
): Promise<RightsSettings> {
  const settings = parseOrThrow(RightsSettings, input.settings);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const data = JSON.stringify(settings);
    await trx
      .insertInto("rights_settings")
      .values({ org_id: input.orgId, data, updated_at: at })
      .onConflict((oc) => oc.column("org_id").doUpdateSet({ data, updated_at: at }))
      .execute();
    await appendAudit(
      trx,
      {
        chain: input.orgId,
        actor: input.actor,
        action: "rights_settings.update",
        entityType: "rights_settings",
        entityId: input.orgId,
        after: settings,
        details: { notifyEmails: settings.notifyEmails.length },
      },
      ctx.now(),
    );
  });
  return settings;
}
