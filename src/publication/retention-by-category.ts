import { isSurelyLonger, measureDuration } from "../lint/measure-duration.ts";
import type { Activity } from "../register/model/activity.schema.ts";

/**
 * The longest announced retention of each data category of an activity (ISO 8601 durations): a rule with
 * no categories covers them all. A category whose rules give no measurable period is absent.
 */
export function retentionByCategory(activity: Activity): Map<string, string> {
  const out = new Map<string, string>();
  const all = activity.dataCategories.map((c) => c.id);
  for (const rule of activity.retention.rules) {
    if (!rule.duration) continue;
    for (const id of rule.dataCategories.length > 0 ? rule.dataCategories : all) {
      const known = out.get(id);
      if (known === undefined || isLonger(rule.duration, known)) out.set(id, rule.duration);
    }
  }
  return out;
}

/** True when `a` is longer than `b` whatever the start date: P3Y is longer than P24M, P2Y is not. */
export function isLonger(a: string, b: string): boolean {
  const ma = measureDuration(a);
  const mb = measureDuration(b);
  return ma !== undefined && mb !== undefined && isSurelyLonger(ma, mb);
}
