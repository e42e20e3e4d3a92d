import type { Activity, RetentionRule } from "../register/model/activity.schema.ts";
import { RETENTION_ACTIONS } from "../register/model/vocabulary.ts";
import { dataCategoryName } from "./describe-data-categories.ts";
import { type Block, type Cell, type Lang, list, type Rich, type Span } from "./document-model.ts";
import { gapAlone, joinWords, tOpt } from "./document-text.ts";
import { formatDuration, formatRetentionPeriod } from "./format-duration.ts";
import { labelsFor } from "./labels.ts";

/**
 * One retention rule in words: its period (never the published wording, which may be "as long as necessary"),
 * what it applies to, the text that imposes it, and what happens at its end when that is not deletion. A rule
 * with no measurable duration says so plainly (Art. 13(2)(a)): no period is made up.
 */
export function retentionRuleText(rule: RetentionRule, lang: Lang): Span[] {
  const l = labelsFor(lang);
  const period = formatRetentionPeriod(rule, lang);
  if (!period) return [gapAlone(l.retentionNotDefined)];
  const note = tOpt(rule.note, lang);
  let text = note ? `${note}${l.colon}${period}` : period;
  if (rule.legalReference) text += ` (${rule.legalReference})`;
  if (rule.action !== "delete") text += `, ${l.afterPeriod(RETENTION_ACTIONS[rule.action][lang])}`;
  return [text];
}

function appliesTo(rule: RetentionRule, id: string): boolean {
  return rule.dataCategories.length === 0 || rule.dataCategories.includes(id);
}

/**
 * Retention per data category (the CNIL sheet's "durées de conservation des catégories de données", and the
 * policy's "concrete period per category"): one row per category, one line per rule that covers it, and the
 * plain statement that no period is defined for a category no rule covers.
 */
export function retentionTable(activity: Activity, lang: Lang, caption: string): Block {
  const l = labelsFor(lang);
  const rules = activity.retention.rules;
  if (activity.dataCategories.length === 0) {
    const lines: Rich[] = rules.length
      ? rules.map((r) => retentionRuleText(r, lang))
      : [[gapAlone(l.retentionNotDefined)]];
    return {
      type: "table",
      caption,
      head: [l.category, l.retention],
      rows: [[l.allData, { lines }]],
      rowHeader: true,
    };
  }
  const rows: Cell[][] = activity.dataCategories.map((dc) => {
    const covering = rules.filter((r) => appliesTo(r, dc.id));
    const lines: Rich[] = covering.length
      ? covering.map((r) => retentionRuleText(r, lang))
      : [[gapAlone(l.retentionNotDefined)]];
    return [dataCategoryName(dc, activity, lang), { lines }];
  });
  return { type: "table", caption, head: [l.category, l.retention], rows, rowHeader: true };
}

/**
 * Retention as a short list (the public register): each rule, prefixed by the categories it names; then the
 * categories no rule covers, with the statement that their period is not defined; then the announced maximum.
 */
export function retentionList(activity: Activity, lang: Lang): Block {
  const l = labelsFor(lang);
  const rules = activity.retention.rules;
  const name = (id: string) => {
    const dc = activity.dataCategories.find((d) => d.id === id);
    return dc ? dataCategoryName(dc, activity, lang) : id;
  };
  const items: Rich[] = rules.map((rule) => {
    const text = retentionRuleText(rule, lang);
    if (rule.dataCategories.length === 0) return text;
    return [`${joinWords(rule.dataCategories.map(name), lang)}${l.colon}`, ...text];
  });
  const uncovered = activity.dataCategories.filter((dc) => !rules.some((r) => appliesTo(r, dc.id)));
  if (rules.length === 0) items.push([gapAlone(l.retentionNotDefined)]);
  else if (uncovered.length) {
    const names = joinWords(
      uncovered.map((dc) => dataCategoryName(dc, activity, lang)),
      lang,
    );
    items.push([`${names}${l.colon}`, { gap: l.retentionNotDefined }]);
  }
  if (activity.retention.maximum) {
    items.push(`${l.retentionMaximum}${l.colon}${formatDuration(activity.retention.maximum, lang)}`);
  }
  return list(items);
}
