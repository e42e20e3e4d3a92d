/**
 * Retention: Art. 5(1)(e) (storage limitation), Art. 30(1)(f) (time limits per category of data, which the CNIL
 * sheet asks for category by category) and Art. 13(2)(a) (the period told to the person).
 */
import type { RetentionRule } from "../../register/model/index.ts";
import { isVaguePeriod } from "../detect-vague-period.ts";
import { defineRule } from "../lint-types.ts";
import { isSurelyLonger, measureDuration } from "../measure-duration.ts";
import { liveActivities } from "../walk-register.ts";

type RefParams = { ref: string };

function isVagueRule(rule: RetentionRule): boolean {
  const stated = rule.statedAs;
  if (!stated) return false;
  return (
    (stated.fr !== undefined && isVaguePeriod(stated.fr)) ||
    (stated.en !== undefined && isVaguePeriod(stated.en))
  );
}

function covers(rule: RetentionRule, categoryId: string): boolean {
  return rule.dataCategories.length === 0 || rule.dataCategories.includes(categoryId);
}

export const categoryUncovered = defineRule<RefParams & { id: string }>({
  code: "RET-CATEGORY-UNCOVERED",
  severity: "error",
  article: "Art. 30(1)(f); Art. 5(1)(e)",
  title: {
    fr: "Catégorie de données sans durée de conservation",
    en: "Data category without a retention period",
  },
  message: (p) => ({
    fr: `Aucune règle de conservation de l'activité « ${p.ref} » ne couvre la catégorie de données « ${p.id} ».`,
    en: `No retention rule of activity "${p.ref}" covers data category "${p.id}".`,
  }),
  *check(register) {
    for (const { activity, path } of liveActivities(register)) {
      const rules = activity.retention.rules;
      // No rule at all is ART30-RETENTION-MISSING; a rule without categories covers them all.
      if (rules.length === 0 || rules.some((r) => r.dataCategories.length === 0)) continue;
      const covered = new Set<string>();
      for (const rule of rules) for (const id of rule.dataCategories) covered.add(id);
      for (let j = 0; j < activity.dataCategories.length; j++) {
        const id = activity.dataCategories[j]!.id;
        if (!covered.has(id))
          yield { path: `${path}.dataCategories[${j}]`, params: { ref: activity.ref, id } };
      }
    }
  },
});

export const periodVague = defineRule<RefParams>({
  code: "RET-PERIOD-VAGUE",
  severity: "error",
  article: "Art. 13(2)(a); Art. 30(1)(f)",
  title: { fr: "Durée de conservation non mesurable", en: "Retention period that is not a period" },
  message: (p) => ({
    fr: `La durée de conservation publiée pour l'activité « ${p.ref} » n'est pas une durée : elle ne donne ni délai ni critère permettant d'en calculer un (comme « aussi longtemps que nécessaire »).`,
    en: `The published retention wording of activity "${p.ref}" is not a period: it gives neither a time limit nor a criterion that yields one (like "as long as necessary").`,
  }),
  *check(register) {
    for (const { activity, path } of liveActivities(register)) {
      const rules = activity.retention.rules;
      for (let k = 0; k < rules.length; k++) {
        if (isVagueRule(rules[k]!)) {
          yield { path: `${path}.retention.rules[${k}].statedAs`, params: { ref: activity.ref } };
        }
      }
    }
  },
});

export const durationMissing = defineRule<RefParams>({
  code: "RET-DURATION-MISSING",
  severity: "warning",
  article: "Art. 30(1)(f); Art. 5(1)(e)",
  title: { fr: "Règle de conservation sans durée", en: "Retention rule without a duration" },
  message: (p) => ({
    fr: `Une règle de conservation de l'activité « ${p.ref} » n'a pas de durée mesurable (exemple : P3Y à compter de la fin du contrat).`,
    en: `A retention rule of activity "${p.ref}" has no measurable duration (for example P3Y from the end of the contract).`,
  }),
  *check(register) {
    for (const { activity, path } of liveActivities(register)) {
      const rules = activity.retention.rules;
      for (let k = 0; k < rules.length; k++) {
        const rule = rules[k]!;
        // Vague wording is reported by RET-PERIOD-VAGUE, which says more.
        if (rule.duration === undefined && !isVagueRule(rule)) {
          yield { path: `${path}.retention.rules[${k}].duration`, params: { ref: activity.ref } };
        }
      }
    }
  },
});

export const exceedsMaximum = defineRule<RefParams & { duration: string; maximum: string }>({
  code: "RET-EXCEEDS-MAXIMUM",
  severity: "error",
  article: "Art. 5(1)(e); Art. 13(2)(a)",
  title: {
    fr: "Conservation plus longue que le maximum annoncé",
    en: "Kept longer than the announced maximum",
  },
  message: (p) => ({
    fr: `L'activité « ${p.ref} » annonce ${p.maximum} au maximum mais une règle conserve des données ${p.duration}.`,
    en: `Activity "${p.ref}" announces ${p.maximum} at most but a rule keeps data for ${p.duration}.`,
  }),
  *check(register) {
    for (const { activity, path } of liveActivities(register)) {
      const maximum = activity.retention.maximum;
      const max = maximum === undefined ? undefined : measureDuration(maximum);
      if (!max || maximum === undefined) continue;
      const rules = activity.retention.rules;
      for (let k = 0; k < rules.length; k++) {
        const duration = rules[k]!.duration;
        const d = duration === undefined ? undefined : measureDuration(duration);
        if (d && duration !== undefined && isSurelyLonger(d, max)) {
          yield {
            path: `${path}.retention.rules[${k}].duration`,
            params: { ref: activity.ref, duration, maximum },
          };
        }
      }
    }
  },
});

export const categoryUnknown = defineRule<RefParams & { id: string }>({
  code: "RET-CATEGORY-UNKNOWN",
  severity: "error",
  article: "Art. 30(1)(f)",
  title: {
    fr: "Règle de conservation visant une catégorie inconnue",
    en: "Retention rule naming an unknown category",
  },
  message: (p) => ({
    fr: `Une règle de conservation de l'activité « ${p.ref} » vise la catégorie « ${p.id} », que l'activité ne déclare pas.`,
    en: `A retention rule of activity "${p.ref}" names category "${p.id}", which the activity does not declare.`,
  }),
  *check(register) {
    for (const { activity, path } of liveActivities(register)) {
      const ids = new Set(activity.dataCategories.map((c) => c.id));
      const rules = activity.retention.rules;
      for (let k = 0; k < rules.length; k++) {
        const refs = rules[k]!.dataCategories;
        for (let m = 0; m < refs.length; m++) {
          const id = refs[m]!;
          if (!ids.has(id)) {
            yield {
              path: `${path}.retention.rules[${k}].dataCategories[${m}]`,
              params: { ref: activity.ref, id },
            };
          }
        }
      }
    }
  },
});

export const archiveWithoutEnd = defineRule<RefParams>({
  code: "RET-ARCHIVE-NO-END",
  severity: "warning",
  article: "Art. 5(1)(e)",
  title: { fr: "Archivage sans suppression ultérieure", en: "Archiving with no later deletion" },
  message: (p) => ({
    fr: `L'activité « ${p.ref} » place des données en archivage intermédiaire sans règle ultérieure de suppression ou d'anonymisation : l'archive n'a pas de fin.`,
    en: `Activity "${p.ref}" moves data to an intermediate archive with no later deletion or anonymisation rule: the archive never ends.`,
  }),
  *check(register) {
    for (const { activity, path } of liveActivities(register)) {
      const rules = activity.retention.rules;
      for (let k = 0; k < rules.length; k++) {
        const archive = rules[k]!;
        if (archive.action !== "archive") continue;
        const archiveLength = archive.duration === undefined ? undefined : measureDuration(archive.duration);
        // Every category the archive rule holds needs a measurable end that does not come before it.
        const ids =
          archive.dataCategories.length > 0
            ? archive.dataCategories
            : activity.dataCategories.map((c) => c.id);
        const ended = (id: string) =>
          rules.some((end) => {
            if (end.action === "archive" || end.duration === undefined || !covers(end, id)) return false;
            const endLength = measureDuration(end.duration);
            return !archiveLength || !endLength || !isSurelyLonger(archiveLength, endLength);
          });
        const complete = ids.length === 0 ? ended("") : ids.every(ended);
        if (!complete) yield { path: `${path}.retention.rules[${k}].action`, params: { ref: activity.ref } };
      }
    }
  },
});

export const RETENTION_RULES = [
  categoryUncovered,
  periodVague,
  durationMissing,
  exceedsMaximum,
  categoryUnknown,
  archiveWithoutEnd,
];
