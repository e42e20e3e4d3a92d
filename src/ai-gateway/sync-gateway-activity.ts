import type { Actor, AppContext } from "../app/app-context.ts";
import { AppError } from "../errors/app-error.ts";
import type { EntityType } from "../pii/index.ts";
import { updateDocument } from "../register/documents/update-document.ts";
import type { DataCategory } from "../register/model/activity.schema.ts";
import type { DataCategoryCode } from "../register/model/vocabulary.ts";
import { type ActivityState, compareGatewayActivity } from "./compare-gateway-activity.ts";
import type { GatewayOrg } from "./gateway-settings-row.ts";
import { ENTITY_LABELS } from "./map-entity-categories.ts";

export type SyncResult = {
  activityRef: string;
  /** The activity's revision after the sync (unchanged when nothing was missing). */
  revision: number;
  changed: boolean;
  added: Array<{ id: string; category: DataCategoryCode; entityTypes: EntityType[] }>;
};

/**
 * Makes the activity named by the gateway settings declare every data category the gateway has seen
 * (Art. 30(1)(c)): each missing category is added, described by the types found. The write goes through
 * the register's own update (a revision and an audit entry), at the revision just read, so an edit made
 * meanwhile is a 409 rather than overwritten. Categories already declared are left as they are; nothing
 * is ever removed (what the gateway has not seen may still be processed).
 */
export async function syncGatewayActivity(
  ctx: AppContext,
  input: { org: GatewayOrg; actor: Actor },
): Promise<SyncResult> {
  const { activity, undeclared } = await compareGatewayActivity(ctx, input);
  if (activity.kind !== "ok") throw activityUnusable(activity);
  const stored = activity.activity;
  if (undeclared.length === 0) {
    return { activityRef: stored.ref, revision: stored.revision, changed: false, added: [] };
  }
  const ids = new Set(stored.data.dataCategories.map((c) => c.id));
  const added: SyncResult["added"] = [];
  const categories: DataCategory[] = [];
  for (const { category, entityTypes } of undeclared) {
    const id = freeId(ids, `ai-gateway-${category.replaceAll("_", "-")}`);
    ids.add(id);
    added.push({ id, category, entityTypes });
    categories.push({
      id,
      category,
      description: {
        fr: `Relevé par la passerelle IA : ${entityTypes.map((t) => ENTITY_LABELS[t].fr).join(", ")}`,
        en: `Found by the AI gateway: ${entityTypes.map((t) => ENTITY_LABELS[t].en).join(", ")}`,
      },
    });
  }
  const result = await updateDocument(ctx, {
    kind: "activity",
    orgId: input.org.id,
    ref: stored.ref,
    body: { ...stored.data, dataCategories: [...stored.data.dataCategories, ...categories] },
    actor: input.actor,
    expectedRevision: stored.revision,
  });
  return {
    activityRef: stored.ref,
    revision: result.document.revision,
    changed: result.changed,
    added,
  };
}

function freeId(taken: ReadonlySet<string>, base: string): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** 409 naming the setting to fix: the request itself is fine, the stored settings are not. */
function activityUnusable(state: Exclude<ActivityState, { kind: "ok" }>): AppError {
  if (state.kind === "unset") {
    return new AppError("NOT_CONFIGURED", "activityRef is not set in the AI gateway settings", {
      userMessage: {
        en: "The AI gateway settings name no register activity: set activityRef first.",
        fr: "Les réglages de la passerelle IA ne désignent aucune activité du registre : renseignez d'abord activityRef.",
      },
      details: { feature: "ai-gateway", field: "activityRef", rule: "required" },
    });
  }
  const rule = state.kind === "unknown" ? "unknown_activity" : "archived_activity";
  return new AppError("NOT_CONFIGURED", `activityRef "${state.ref}" names no current activity`, {
    userMessage: {
      en: `activityRef "${state.ref}" of the AI gateway settings names no current activity (missing or archived).`,
      fr: `activityRef « ${state.ref} » des réglages de la passerelle IA ne désigne aucune activité en vigueur (absente ou archivée).`,
    },
    details: { feature: "ai-gateway", field: "activityRef", rule, ref: state.ref },
  });
}
