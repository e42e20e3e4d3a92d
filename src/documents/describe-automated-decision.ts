import type { Activity } from "../register/model/activity.schema.ts";
import { type Block, definitions, gap, type Lang, paragraph, type Rich } from "./document-model.ts";
import { tOpt } from "./document-text.ts";
import { labelsFor } from "./labels.ts";

/**
 * What the register says of automated decision-making and profiling in an activity (Art. 13(2)(f), Art. 22):
 * nothing when it has neither; otherwise the description and each answer it gives.
 */
export function automatedDecisionBlocks(activity: Activity, lang: Lang): Block[] {
  const ad = activity.automatedDecision;
  if (!ad.automatedDecisionMaking && !ad.profiling) return [];
  const l = labelsFor(lang);
  const yesNo = (v: boolean | undefined): Rich => (v === undefined ? [gap(l.notStated)] : v ? l.yes : l.no);
  const items = [
    { term: l.automatedDecision, details: [yesNo(ad.automatedDecisionMaking)] },
    { term: l.profiling, details: [yesNo(ad.profiling)] },
    { term: l.legalEffect, details: [yesNo(ad.legalOrSimilarEffect)] },
  ];
  if (ad.exception) items.push({ term: l.exception, details: [l.exceptions[ad.exception]] });
  const safeguards = tOpt(ad.safeguards, lang);
  if (safeguards) items.push({ term: l.safeguardsAutomated, details: [safeguards] });
  const description = tOpt(ad.description, lang);
  return [...(description ? [paragraph(description)] : []), definitions(items)];
}
