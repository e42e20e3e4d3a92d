import type { Activity } from "../register/model/activity.schema.ts";
import { SECURITY_MEASURE_CATEGORIES, SECURITY_MEASURE_CODES } from "../register/model/vocabulary.ts";
import { type Block, definitions, type Lang, list, paragraph, type Rich } from "./document-model.ts";
import { gapAlone, t, unique } from "./document-text.ts";
import { labelsFor } from "./labels.ts";

type Measures = Activity["securityMeasures"];

/** The measures as the register words them, each once (Art. 30(1)(g)). */
export function securityList(measures: Measures, lang: Lang): Block {
  const l = labelsFor(lang);
  const items = unique(measures.map((m) => t(m.description, lang)));
  return items.length ? list(items) : paragraph([gapAlone(l.securityNone)]);
}

/** The CNIL sheet's security checklist, in its order; an empty heading says no measure is stated under it. */
export function securityByCategory(measures: Measures, lang: Lang): Block {
  const l = labelsFor(lang);
  return definitions(
    SECURITY_MEASURE_CODES.map((code) => {
      const filed = unique(measures.filter((m) => m.category === code).map((m) => t(m.description, lang)));
      const details: Rich[] = filed.length ? filed : [[gapAlone(l.measuresNone)]];
      return { term: SECURITY_MEASURE_CATEGORIES[code][lang], details };
    }),
  );
}
