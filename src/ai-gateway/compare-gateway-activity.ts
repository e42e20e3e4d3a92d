import type { AppContext } from "../app/app-context.ts";
import { AppError } from "../errors/app-error.ts";
import { ENTITY_TYPES, type EntityType } from "../pii/index.ts";
import type { StoredDocument } from "../register/documents/document-kinds.ts";
import { getDocument } from "../register/documents/get-document.ts";
import type { Activity } from "../register/model/activity.schema.ts";
import type { DataCategoryCode } from "../register/model/vocabulary.ts";
import { type GatewayOrg, gatewayNotConfigured, readSettingsRow } from "./gateway-settings-row.ts";
import { categoriesOf, ENTITY_CATEGORIES } from "./map-entity-categories.ts";
import { ALL_TYPES } from "./record-gateway-usage.ts";

export type SeenType = { entityType: EntityType; category: DataCategoryCode; replacements: number };
export type Undeclared = { category: DataCategoryCode; entityTypes: EntityType[] };

/** The activity's side of the comparison, or why there is none. */
export type ActivityState =
  | { kind: "ok"; activity: StoredDocument<Activity> }
  | { kind: "unset" }
  | { kind: "unknown"; ref: string }
  | { kind: "archived"; ref: string };

export type GatewayActivityComparison = {
  activityRef: string | null;
  activity: ActivityState;
  /** Every type the gateway ever replaced for the organisation, with its count. */
  seen: SeenType[];
  /** Categories of what was seen that the activity does not declare (empty unless the activity is ok). */
  undeclared: Undeclared[];
};

/**
 * Holds what the gateway saw (its usage counts, all time) against the activity its settings name.
 * 409 NOT_CONFIGURED when the organisation has no gateway settings.
 */
export async function compareGatewayActivity(
  ctx: AppContext,
  input: { org: GatewayOrg },
): Promise<GatewayActivityComparison> {
  const settings = await readSettingsRow(ctx.db, input.org.id);
  if (!settings) throw gatewayNotConfigured(input.org);
  const rows = await ctx.db
    .selectFrom("ai_gateway_usage")
    .select(["entity_type", (eb) => eb.fn.sum<number>("replacements").as("replacements")])
    .where("org_id", "=", input.org.id)
    .where("entity_type", "!=", ALL_TYPES)
    .groupBy("entity_type")
    .execute();
  const counts = new Map(rows.map((r) => [r.entity_type, Number(r.replacements)]));
  const seenTypes = ENTITY_TYPES.filter((t) => (counts.get(t) ?? 0) > 0);
  const grouped = categoriesOf(seenTypes);
  const seen = seenTypes.map((entityType) => ({
    entityType,
    category: ENTITY_CATEGORIES[entityType],
    replacements: counts.get(entityType) ?? 0,
  }));

  const ref = settings.activity_ref;
  const activity = await activityState(ctx, input.org.id, ref);
  const undeclared: Undeclared[] = [];
  if (activity.kind === "ok") {
    const declared = new Set(activity.activity.data.dataCategories.map((c) => c.category));
    for (const [category, entityTypes] of grouped) {
      if (!declared.has(category)) undeclared.push({ category, entityTypes });
    }
  }
  return { activityRef: ref, activity, seen, undeclared };
}

async function activityState(ctx: AppContext, orgId: string, ref: string | null): Promise<ActivityState> {
  if (ref === null) return { kind: "unset" };
  try {
    const activity = await getDocument(ctx, { kind: "activity", orgId, ref });
    return activity.data.status === "archived" ? { kind: "archived", ref } : { kind: "ok", activity };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return { kind: "unknown", ref };
    throw error;
  }
}
