import type { RegisterFile } from "../register/model/index.ts";
import { buildLintContext } from "./build-lint-context.ts";
import type { LocalizedFinding, Rule, Severity } from "./lint-types.ts";
import { RULES } from "./rules/index.ts";

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
const DIGITS = /\d+/g;

/** `activities[10]` sorts after `activities[9]`: indexes are padded before the paths are compared. */
function sortKey(path: string): string {
  return path.replace(DIGITS, (d) => d.padStart(8, "0"));
}

export type CollectOptions = {
  /** YYYY-MM-DD; defaults to the current UTC day. */
  today?: string;
  rules?: ReadonlyArray<Rule>;
};

/**
 * Runs the rules over a parsed register and returns the findings in both languages, sorted by severity
 * then path (then code). Never throws on a valid register.
 */
export function collectFindings(register: RegisterFile, options: CollectOptions = {}): LocalizedFinding[] {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const context = buildLintContext(register, today);
  const keyed: Array<{ finding: LocalizedFinding; key: string }> = [];
  for (const rule of options.rules ?? RULES) {
    for (const raw of rule.check(register, context)) {
      keyed.push({
        finding: {
          code: rule.code,
          severity: rule.severity,
          path: raw.path,
          messages: rule.message(raw.params),
          article: rule.article,
        },
        key: sortKey(raw.path),
      });
    }
  }
  keyed.sort(
    (a, b) =>
      SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) ||
      (a.finding.code < b.finding.code ? -1 : a.finding.code > b.finding.code ? 1 : 0),
  );
  return keyed.map((k) => k.finding);
}
