import type { Localized } from "../errors/app-error.ts";
import type { Severity } from "./lint-types.ts";
import { RULES } from "./rules/index.ts";

export type RuleSummary = {
  readonly code: string;
  readonly severity: Severity;
  readonly article: string;
  readonly title: Localized;
};

/** The rule catalogue, for documentation and `gardien lint --list-rules`. */
export function listRules(): RuleSummary[] {
  return RULES.map((r) => ({ code: r.code, severity: r.severity, article: r.article, title: r.title }));
}
