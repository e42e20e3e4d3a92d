import type { RegisterFile } from "../register/model/index.ts";
import { collectFindings } from "./collect-findings.ts";
import type { Finding, Lang } from "./lint-types.ts";

export type LintOptions = {
  /** Language of the messages; defaults to the organisation's default language. */
  lang?: Lang;
  /** YYYY-MM-DD the register is judged on (date rules); defaults to the current UTC day. */
  today?: string;
};

/**
 * Checks a register against Art. 30 and the rules around it, and returns the findings sorted by severity
 * then path. Messages name fields, refs and codes, never personal data.
 *
 * @example
 * const findings = lintRegister(RegisterFile.parse(yaml), { lang: "en", today: "2026-01-15" });
 * // [{ code: "ART30-PURPOSE-MISSING", severity: "error", path: "activities[0].purposes", ... }]
 */
export function lintRegister(register: RegisterFile, options: LintOptions = {}): Finding[] {
  const lang = options.lang ?? register.organisation.settings?.defaultLanguage ?? "fr";
  return collectFindings(register, { today: options.today }).map((f) => ({
    code: f.code,
    severity: f.severity,
    path: f.path,
    message: f.messages[lang],
    article: f.article,
  }));
}
