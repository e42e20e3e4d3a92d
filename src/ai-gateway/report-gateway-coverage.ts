import type { AppContext } from "../app/app-context.ts";
import type { Localized } from "../errors/app-error.ts";
import type { EntityType } from "../pii/index.ts";
import { DATA_CATEGORIES, type DataCategoryCode } from "../register/model/vocabulary.ts";
import { compareGatewayActivity, type SeenType } from "./compare-gateway-activity.ts";
import type { GatewayOrg } from "./gateway-settings-row.ts";
import { ENTITY_LABELS } from "./map-entity-categories.ts";

/** A finding in the linter's style: stable code, severity, where, what, and the article it comes from. */
export type CoverageFinding = {
  code: string;
  severity: "error" | "warning";
  path: string;
  message: Localized;
  article: string;
  category?: DataCategoryCode;
  entityTypes?: EntityType[];
};

export type CoverageReport = { activityRef: string | null; seen: SeenType[]; findings: CoverageFinding[] };

/**
 * What the AI gateway saw that the register does not say: the AI processing must be an activity of the
 * register (Art. 30(1)), and that activity must declare the categories of data it processes
 * (Art. 30(1)(c)). Reads only; `syncGatewayActivity` makes the fix.
 */
export async function reportGatewayCoverage(
  ctx: AppContext,
  input: { org: GatewayOrg },
): Promise<CoverageReport> {
  const { activityRef, activity, seen, undeclared } = await compareGatewayActivity(ctx, input);
  const findings: CoverageFinding[] = [];
  switch (activity.kind) {
    case "unset":
      findings.push({
        code: "AI-GATEWAY-ACTIVITY-UNSET",
        severity: "error",
        path: "ai-gateway.activityRef",
        message: {
          en: "The AI gateway names no register activity (activityRef): the AI processing is not in the register.",
          fr: "La passerelle IA ne désigne aucune activité du registre (activityRef) : le traitement par IA n'est pas inscrit au registre.",
        },
        article: "Art. 30(1)",
      });
      break;
    case "unknown":
    case "archived":
      findings.push({
        code: "AI-GATEWAY-ACTIVITY-UNKNOWN",
        severity: "error",
        path: "ai-gateway.activityRef",
        message: {
          en: `activityRef "${activity.ref}" names no current activity of the register (missing or archived).`,
          fr: `activityRef « ${activity.ref} » ne désigne aucune activité en vigueur du registre (absente ou archivée).`,
        },
        article: "Art. 30(1)",
      });
      break;
    case "ok":
      for (const { category, entityTypes } of undeclared) {
        const label = DATA_CATEGORIES[category];
        findings.push({
          code: "AI-GATEWAY-CATEGORY-UNDECLARED",
          severity: "warning",
          path: `activities[${activity.activity.ref}].dataCategories`,
          message: {
            en: `The AI gateway replaced ${list(entityTypes, "en")}, but the activity does not declare "${label.en}".`,
            fr: `La passerelle IA a remplacé des données (${list(entityTypes, "fr")}), mais l'activité ne déclare pas « ${label.fr} ».`,
          },
          article: "Art. 30(1)(c)",
          category,
          entityTypes,
        });
      }
  }
  return { activityRef, seen, findings };
}

function list(types: readonly EntityType[], lang: "fr" | "en"): string {
  return types.map((t) => ENTITY_LABELS[t][lang]).join(", ");
}
