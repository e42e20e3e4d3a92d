/**
 * Automated decisions (Art. 22) and data protection impact assessments (Art. 35): the EDPB criteria
 * (WP248 rev.01, two or more → DPIA) and the CNIL's list of processing types that always need one
 * (délibération n° 2018-327).
 */
import type { Activity } from "../../register/model/index.ts";
import { defineRule } from "../lint-types.ts";
import { liveActivities } from "../walk-register.ts";

type RefParams = { ref: string };

const DPIA_UNDER_WAY: ReadonlySet<string> = new Set(["in_progress", "completed"]);

/** The declared EDPB criteria plus those the activity's own fields establish. */
export function edpbCriteria(activity: Activity): string[] {
  const criteria = new Set<string>(activity.dpia.criteria);
  if (activity.sensitiveData.items.length > 0) criteria.add("sensitive_data");
  const ad = activity.automatedDecision;
  if (ad.automatedDecisionMaking && ad.legalOrSimilarEffect === true) criteria.add("automated_decision");
  if (ad.profiling) criteria.add("evaluation_scoring");
  if (activity.dataSubjects.some((s) => s.vulnerable === true)) criteria.add("vulnerable_subjects");
  return [...criteria].sort();
}

export const automatedNotScreened = defineRule<RefParams>({
  code: "DPIA-ART22-NOT-SCREENED",
  severity: "error",
  article: "Art. 22; Art. 35(1); Art. 35(3)(a)",
  title: {
    fr: "Décision automatisée ou profilage sans examen d'AIPD",
    en: "Automated decision or profiling without DPIA screening",
  },
  message: (p) => ({
    fr: `L'activité « ${p.ref} » repose sur une décision automatisée ou un profilage mais la nécessité d'une analyse d'impact (AIPD) n'a pas été examinée.`,
    en: `Activity "${p.ref}" relies on automated decision-making or profiling but the need for a DPIA has not been screened.`,
  }),
  *check(register) {
    for (const { activity, path } of liveActivities(register)) {
      const ad = activity.automatedDecision;
      if ((ad.automatedDecisionMaking || ad.profiling) && activity.dpia.status === "not_screened") {
        yield { path: `${path}.dpia.status`, params: { ref: activity.ref } };
      }
    }
  },
});

export const criteriaWithoutDpia = defineRule<RefParams & { count: number; criteria: string }>({
  code: "DPIA-CRITERIA-NO-DPIA",
  severity: "error",
  article: "Art. 35(1); EDPB WP248 rev.01",
  title: { fr: "Deux critères EDPB ou plus sans AIPD", en: "Two or more EDPB criteria without a DPIA" },
  message: (p) => ({
    fr: `L'activité « ${p.ref} » remplit ${p.count} critères du CEPD (${p.criteria}) : une analyse d'impact est requise et n'est ni en cours ni réalisée.`,
    en: `Activity "${p.ref}" meets ${p.count} EDPB criteria (${p.criteria}): a DPIA is required and is neither in progress nor completed.`,
  }),
  *check(register) {
    for (const { activity, path } of liveActivities(register)) {
      if (DPIA_UNDER_WAY.has(activity.dpia.status)) continue;
      const criteria = edpbCriteria(activity);
      if (criteria.length >= 2) {
        yield {
          path: `${path}.dpia.status`,
          params: { ref: activity.ref, count: criteria.length, criteria: criteria.join(", ") },
        };
      }
    }
  },
});

export const cnilListedWithoutDpia = defineRule<RefParams>({
  code: "DPIA-CNIL-LISTED-NO-DPIA",
  severity: "error",
  article: "Art. 35(4); CNIL délibération n° 2018-327",
  title: {
    fr: "Type de traitement listé par la CNIL sans AIPD",
    en: "CNIL-listed processing type without a DPIA",
  },
  message: (p) => ({
    fr: `L'activité « ${p.ref} » relève d'un type de traitement pour lequel la CNIL exige toujours une analyse d'impact, qui n'est ni en cours ni réalisée.`,
    en: `Activity "${p.ref}" is a processing type for which the CNIL always requires a DPIA, which is neither in progress nor completed.`,
  }),
  *check(register) {
    for (const { activity, path } of liveActivities(register)) {
      if (activity.dpia.cnilListedType !== undefined && !DPIA_UNDER_WAY.has(activity.dpia.status)) {
        yield { path: `${path}.dpia.status`, params: { ref: activity.ref } };
      }
    }
  },
});

export const automatedExceptionMissing = defineRule<RefParams>({
  code: "ART22-EXCEPTION-MISSING",
  severity: "error",
  article: "Art. 22(1); Art. 22(2)",
  title: {
    fr: "Décision automatisée à effet juridique sans exception",
    en: "Automated decision with legal effect and no exception",
  },
  message: (p) => ({
    fr: `L'activité « ${p.ref} » prend des décisions entièrement automatisées produisant des effets juridiques ou similaires sans l'exception de l'article 22(2) (contrat, loi ou consentement explicite) qui les permet.`,
    en: `Activity "${p.ref}" takes solely automated decisions with legal or similarly significant effects without the Art. 22(2) exception (contract, law or explicit consent) that allows them.`,
  }),
  *check(register) {
    for (const { activity, path } of liveActivities(register)) {
      const ad = activity.automatedDecision;
      if (ad.automatedDecisionMaking && ad.legalOrSimilarEffect === true && ad.exception === undefined) {
        yield { path: `${path}.automatedDecision.exception`, params: { ref: activity.ref } };
      }
    }
  },
});

export const automatedSafeguardsMissing = defineRule<RefParams>({
  code: "ART22-SAFEGUARDS-MISSING",
  severity: "warning",
  article: "Art. 22(3); Art. 13(2)(f)",
  title: {
    fr: "Garanties de la décision automatisée non décrites",
    en: "Automated decision safeguards not described",
  },
  message: (p) => ({
    fr: `L'activité « ${p.ref} » prend des décisions automatisées à effet juridique sans décrire les garanties (intervention humaine, droit d'exprimer son point de vue et de contester).`,
    en: `Activity "${p.ref}" takes automated decisions with legal effect without describing the safeguards (human intervention, the right to express one's view and to contest).`,
  }),
  *check(register) {
    for (const { activity, path } of liveActivities(register)) {
      const ad = activity.automatedDecision;
      if (ad.automatedDecisionMaking && ad.legalOrSimilarEffect === true && !ad.safeguards) {
        yield { path: `${path}.automatedDecision.safeguards`, params: { ref: activity.ref } };
      }
    }
  },
});

export const automatedEffectUnanswered = defineRule<RefParams>({
  code: "ART22-EFFECT-UNANSWERED",
  severity: "info",
  article: "Art. 22(1)",
  title: {
    fr: "Effet de la décision automatisée non qualifié",
    en: "Effect of the automated decision not assessed",
  },
  message: (p) => ({
    fr: `L'activité « ${p.ref} » prend des décisions automatisées sans dire si elles produisent des effets juridiques ou similaires pour les personnes.`,
    en: `Activity "${p.ref}" takes automated decisions without saying whether they have legal or similarly significant effects on people.`,
  }),
  *check(register) {
    for (const { activity, path } of liveActivities(register)) {
      const ad = activity.automatedDecision;
      if (ad.automatedDecisionMaking && ad.legalOrSimilarEffect === undefined) {
        yield { path: `${path}.automatedDecision.legalOrSimilarEffect`, params: { ref: activity.ref } };
      }
    }
  },
});

export const DPIA_RULES = [
  automatedNotScreened,
  criteriaWithoutDpia,
  cnilListedWithoutDpia,
  automatedExceptionMissing,
  automatedSafeguardsMissing,
  automatedEffectUnanswered,
];
