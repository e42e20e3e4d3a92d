import type { AppContext } from "../app/app-context.ts";
import type { EntityType } from "../pii/index.ts";
import { todayIso } from "../register/today-iso.ts";

/** The usage row that counts every call of the day, whatever it held. */
export const ALL_TYPES = "*";

export type ReplacementCounts = Partial<Record<EntityType, number>>;

/**
 * Counts one gateway call: one request on the day's "*" row, and per entity type found, the number of
 * values replaced and one request. Counts only: no value, no token, no message text reaches the store.
 *
 * @example
 * await recordGatewayUsage(ctx, { orgId, counts: { PERSON: 2, EMAIL: 1 } });
 */
export async function recordGatewayUsage(
  ctx: AppContext,
  input: { orgId: string; counts: ReplacementCounts },
): Promise<void> {
  const day = todayIso(ctx.now());
  const rows: Array<{ type: string; replacements: number }> = [];
  let total = 0;
  for (const [type, n] of Object.entries(input.counts)) {
    if (n === undefined || n <= 0) continue;
    rows.push({ type, replacements: n });
    total += n;
  }
  rows.push({ type: ALL_TYPES, replacements: total });
  // One statement, rows in a fixed order: concurrent calls add to the same counters without losing any,
  // and two of them on PostgreSQL lock the rows in the same order (no deadlock).
  rows.sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  await ctx.db
    .insertInto("ai_gateway_usage")
    .values(
      rows.map((row) => ({
        org_id: input.orgId,
        day,
        entity_type: row.type,
        replacements: row.replacements,
        requests: 1,
      })),
    )
    .onConflict((oc) =>
      oc.columns(["org_id", "day", "entity_type"]).doUpdateSet((eb) => ({
        replacements: eb("ai_gateway_usage.replacements", "+", eb.ref("excluded.replacements")),
        requests: eb("ai_gateway_usage.requests", "+", eb.ref("excluded.requests")),
      })),
    )
    .execute();
}
