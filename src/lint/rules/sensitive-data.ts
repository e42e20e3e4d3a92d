/**
 * Special categories (Art. 9), criminal data (Art. 10) and the French social security number (NIR), whose
 * use French law restricts under Art. 87.
 */
import { defineRule } from "../lint-types.ts";
import { liveActivities } from "../walk-register.ts";

type RefParams = { ref: string };

export const sensitiveConditionMissing = defineRule<RefParams & { category: string }>({
  code: "SENS-CONDITION-MISSING",
  severity: "error",
  article: "Art. 9(2)",
  title: {
    fr: "Donnée sensible sans exception de l'article 9(2)",
    en: "Special-category data without an Art. 9(2) condition",
  },
  message: (p) => ({
    fr: `L'activité « ${p.ref} » traite des données sensibles (${p.category}) sans indiquer l'exception de l'article 9(2) qui le permet.`,
    en: `Activity "${p.ref}" processes special-category data (${p.category}) without the Art. 9(2) condition that allows it.`,
  }),
  *check(register) {
    for (const { activity, path } of liveActivities(register)) {
      const { processed, items } = activity.sensitiveData;
      if (processed === true && items.length === 0) {
        yield { path: `${path}.sensitiveData.items`, params: { ref: activity.ref, category: "?" } };
      }
      for (let k = 0; k < items.length; k++) {
        const item = items[k]!;
        // Condition "10" is the Art. 10 ground for criminal data; it does not lift the Art. 9(1) prohibition.
        if (item.category !== "criminal" && (item.condition === undefined || item.condition === "10")) {
          yield {
            path: `${path}.sensitiveData.items[${k}].condition`,
            params: { ref: activity.ref, category: item.category },
          };
        }
      }
    }
  },
});

export const criminalConditionMissing = defineRule<RefParams>({
  code: "SENS-CRIMINAL-CONDITION-MISSING",
  severity: "error",
  article: "Art. 10",
  title: {
    fr: "Données pénales sans fondement de l'article 10",
    en: "Criminal data without an Art. 10 ground",
  },
  message: (p) => ({
    fr: `L'activité « ${p.ref} » traite des données relatives aux condamnations et infractions sans le contrôle de l'autorité publique ni texte l'autorisant (article 10).`,
    en: `Activity "${p.ref}" processes criminal convictions and offences data without official authority or a law authorising it (Art. 10).`,
  }),
  *check(register) {
    for (const { activity, path } of liveActivities(register)) {
      const items = activity.sensitiveData.items;
      for (let k = 0; k < items.length; k++) {
        const item = items[k]!;
        if (item.category === "criminal" && item.condition !== "10") {
          yield { path: `${path}.sensitiveData.items[${k}].condition`, params: { ref: activity.ref } };
        }
      }
    }
  },
});

export const sensitiveUnanswered = defineRule<RefParams>({
  code: "SENS-UNANSWERED",
  severity: "info",
  article: "Art. 9(1); Art. 10",
  title: { fr: "Question des données sensibles sans réponse", en: "Sensitive data question unanswered" },
  message: (p) => ({
    fr: `L'activité « ${p.ref} » ne dit pas si elle traite des données sensibles (oui/non).`,
    en: `Activity "${p.ref}" does not say whether it processes special-category data (yes/no).`,
  }),
  *check(register) {
    for (const { activity, path } of liveActivities(register)) {
      const { processed, items } = activity.sensitiveData;
      if (processed === undefined && items.length === 0) {
        yield { path: `${path}.sensitiveData.processed`, params: { ref: activity.ref } };
      }
    }
  },
});

export const sensitiveContradiction = defineRule<RefParams & { count: number }>({
  code: "SENS-CONTRADICTION",
  severity: "warning",
  article: "Art. 9(1); Art. 30(1)(c)",
  title: { fr: "Réponse « non » contredite par la liste", en: '"No" contradicted by the list' },
  message: (p) => ({
    fr: `L'activité « ${p.ref} » répond qu'elle ne traite pas de données sensibles mais en liste ${p.count}.`,
    en: `Activity "${p.ref}" answers that it processes no special-category data but lists ${p.count}.`,
  }),
  *check(register) {
    for (const { activity, path } of liveActivities(register)) {
      const { processed, items } = activity.sensitiveData;
      if (processed === false && items.length > 0) {
        yield { path: `${path}.sensitiveData.processed`, params: { ref: activity.ref, count: items.length } };
      }
    }
  },
});

export const nirProcessed = defineRule<RefParams & { id: string }>({
  code: "SENS-NIR",
  severity: "warning",
  article: "Art. 87; loi n° 78-17 art. 30; décret n° 2019-341",
  title: {
    fr: "Traitement du NIR (numéro de sécurité sociale)",
    en: "Processing of the NIR (French social security number)",
  },
  message: (p) => ({
    fr: `L'activité « ${p.ref} » traite le NIR (catégorie « ${p.id} ») : son usage n'est permis que dans les cas prévus par le décret-cadre NIR (décret n° 2019-341) pris en application de l'article 30 de la loi Informatique et Libertés ; vérifiez que le traitement en relève.`,
    en: `Activity "${p.ref}" processes the NIR (category "${p.id}"): French law (Loi Informatique et Libertés art. 30 and the NIR framework decree no. 2019-341) allows its use only in the cases it lists; check that this processing is one of them.`,
  }),
  *check(register) {
    for (const { activity, path } of liveActivities(register)) {
      for (let j = 0; j < activity.dataCategories.length; j++) {
        const category = activity.dataCategories[j]!;
        if (category.category === "nir") {
          yield { path: `${path}.dataCategories[${j}]`, params: { ref: activity.ref, id: category.id } };
        }
      }
    }
  },
});

export const SENSITIVE_DATA_RULES = [
  sensitiveConditionMissing,
  criminalConditionMissing,
  sensitiveUnanswered,
  sensitiveContradiction,
  nirProcessed,
];
