import type { Actor, AppContext } from "../app/app-context.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { auditedState, type GatewayOrg, readSettingsRow, settingsNotFound } from "./gateway-settings-row.ts";

/**
 * Removes an organisation's AI gateway settings (and with them its sealed key): its gateway calls stop at
 * once. The usage counts stay: they document processing that took place, which the register must show.
 */
export async function deleteGatewaySettings(
  ctx: AppContext,
  input: { org: GatewayOrg; actor: Actor },
): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await readSettingsRow(trx, input.org.id);
    if (!existing) throw settingsNotFound(input.org);
    await trx.deleteFrom("ai_gateway_settings").where("org_id", "=", input.org.id).execute();
    await appendAudit(
      trx,
      {
        chain: input.org.id,
        actor: input.actor,
        action: "ai_gateway.delete",
        entityType: "ai_gateway_settings",
        entityId: input.org.id,
        before: auditedState(existing),
        details: { upstreamHost: new URL(existing.upstream_url).host },
      },
      now,
    );
  });
}
