import type { Activity, DataCategory } from "../register/model/activity.schema.ts";
import {
  DATA_CATEGORIES,
  DATA_CATEGORY_CODES,
  DATA_SUBJECT_CATEGORIES,
} from "../register/model/vocabulary.ts";
import type { Cell, Lang, Rich, Span } from "./document-model.ts";
import { gapAlone, t, tOpt } from "./document-text.ts";
import { labelsFor } from "./labels.ts";

/**
 * The name a data category goes by in a table row: its own label; else, when another unlabelled category of
 * the activity shares its CNIL category, its items (so three "identity" rows stay apart); else the CNIL label.
 */
export function dataCategoryName(dc: DataCategory, activity: Activity, lang: Lang): string {
  const label = tOpt(dc.label, lang);
  if (label) return label;
  const shared = activity.dataCategories.some((o) => o !== dc && !o.label && o.category === dc.category);
  const description = tOpt(dc.description, lang);
  return shared && description ? description : DATA_CATEGORIES[dc.category][lang];
}

/**
 * A data category as a list item, worded as the register words it: the items ("Nom, prénom"), prefixed by the
 * category's own label when it has one ("Suivi de la relation commerciale : Demandes de documentation…").
 */
export function dataCategoryItem(dc: DataCategory, lang: Lang): string {
  const l = labelsFor(lang);
  const label = tOpt(dc.label, lang);
  const description = tOpt(dc.description, lang);
  let text: string;
  // "Données métiers selon l'intention : numéro de commande…" already starts with its label: not said twice.
  if (label && description && !description.startsWith(label)) text = `${label}${l.colon}${description}`;
  else text = description ?? label ?? DATA_CATEGORIES[dc.category][lang];
  return dc.optional ? `${text} (${l.optionalData})` : text;
}

/** A data subject category in the organisation's own words, else the CNIL wording. */
export function dataSubjectText(ds: Activity["dataSubjects"][number], lang: Lang): string {
  return ds.label ? t(ds.label, lang) : DATA_SUBJECT_CATEGORIES[ds.category][lang];
}

/**
 * The CNIL sheet's "catégories de données collectées": one row per CNIL category present, in the CNIL order,
 * listing the items of every data category filed under it.
 */
export function collectedDataRows(activity: Activity, lang: Lang): Cell[][] {
  const l = labelsFor(lang);
  const rows: Cell[][] = [];
  for (const code of DATA_CATEGORY_CODES) {
    const filed = activity.dataCategories.filter((dc) => dc.category === code);
    if (filed.length === 0) continue;
    const lines: Rich[] = filed.map((dc) => {
      const hasItems = dc.label || dc.description;
      const span: Span = hasItems ? dataCategoryItem(dc, lang) : gapAlone(l.itemsMissing);
      return [span];
    });
    rows.push([DATA_CATEGORIES[code][lang], { lines }]);
  }
  return rows;
}
