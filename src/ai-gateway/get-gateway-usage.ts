import type { AppContext } from "../app/app-context.ts";
import { validationError } from "../errors/app-error.ts";
import { todayIso } from "../register/today-iso.ts";
import { ALL_TYPES } from "./record-gateway-usage.ts";

export type UsageCounts = {
  requests: number;
  replacements: number;
  /** Per entity type: values replaced, and calls in which the type was found. */
  byType: Record<string, { replacements: number; requests: number }>;
};
export type GatewayUsage = {
  from: string;
  to: string;
  totals: UsageCounts;
  days: Array<{ day: string } & UsageCounts>;
};

/** The longest period one usage read covers. */
export const MAX_USAGE_DAYS = 366;
const DEFAULT_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * What an organisation's AI gateway replaced, per day (UTC) and per entity type, between `from` and `to`
 * (dates, inclusive; default the last 30 days). Days without a call are left out.
 */
export async function getGatewayUsage(
  ctx: AppContext,
  input: { orgId: string; from?: string; to?: string },
): Promise<GatewayUsage> {
  const to = input.to ?? todayIso(ctx.now());
  const from = input.from ?? todayIso(new Date(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_DAYS - 1) * DAY_MS));
  if (from > to)
    throw validationError([{ path: "querystring.from", rule: "order", message: "must not be after to" }]);
  const span = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
  if (span > MAX_USAGE_DAYS) {
    throw validationError([
      {
        path: "querystring.from",
        rule: "range",
        message: `the period may cover at most ${MAX_USAGE_DAYS} days`,
      },
    ]);
  }
  const rows = await ctx.db
    .selectFrom("ai_gateway_usage")
    .select(["day", "entity_type", "replacements", "requests"])
    .where("org_id", "=", input.orgId)
    .where("day", ">=", from)
    .where("day", "<=", to)
    .orderBy("day")
    .orderBy("entity_type")
    .execute();
  const totals = emptyCounts();
  const days = new Map<string, { day: string } & UsageCounts>();
  for (const row of rows) {
    const replacements = Number(row.replacements);
    const requests = Number(row.requests);
    let day = days.get(row.day);
    if (!day) {
      day = { day: row.day, ...emptyCounts() };
      days.set(row.day, day);
    }
    if (row.entity_type === ALL_TYPES) {
      day.requests += requests;
      day.replacements += replacements;
      totals.requests += requests;
      totals.replacements += replacements;
      continue;
    }
    day.byType[row.entity_type] = { replacements, requests };
    const total = totals.byType[row.entity_type] ?? { replacements: 0, requests: 0 };
    total.replacements += replacements;
    total.requests += requests;
    totals.byType[row.entity_type] = total;
  }
  return { from, to, totals, days: [...days.values()] };
}

function emptyCounts(): UsageCounts {
  return { requests: 0, replacements: 0, byType: {} };
}
