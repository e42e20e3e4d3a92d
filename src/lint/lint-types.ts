/**
 * Types of the register linter. A rule reads a parsed register and yields raw findings (a path and
 * non-personal parameters); the linter turns them into messages in French and English.
 */
import type { Localized } from "../errors/app-error.ts";
import type { Processor, RegisterFile } from "../register/model/index.ts";

export type Severity = "error" | "warning" | "info";

export const SEVERITIES: ReadonlyArray<Severity> = ["error", "warning", "info"];

/**
 * Message parameters: refs, codes, counts and field names only. Never a value a person typed about a person
 * (names, e-mail addresses, free text), because findings reach logs, CI output and tickets.
 */
export type Params = Readonly<Record<string, string | number>>;

export type RawFinding<P extends Params = Params> = { readonly path: string; readonly params: P };

/** What every rule can read besides the register, computed once per lint run. */
export type LintContext = {
  /** YYYY-MM-DD, the day the register is judged on. */
  readonly today: string;
  readonly processors: ReadonlyMap<string, { readonly processor: Processor; readonly index: number }>;
};

export type Rule = {
  /** Stable identifier, `<THEME>-<SUBJECT>-<PROBLEM>`: never renamed once published. */
  readonly code: string;
  readonly severity: Severity;
  /** The article of the GDPR (or the French text, or the CNIL source) the rule comes from. */
  readonly article: string;
  readonly title: Localized;
  readonly message: (params: Params) => Localized;
  readonly check: (register: RegisterFile, context: LintContext) => Iterable<RawFinding>;
};

/** A finding in both languages, as the rules produce it. */
export type LocalizedFinding = {
  readonly code: string;
  readonly severity: Severity;
  readonly path: string;
  readonly messages: Localized;
  readonly article: string;
};

/** A finding in one language: what `lintRegister` returns and the JSON output carries. */
export type Finding = {
  readonly code: string;
  readonly severity: Severity;
  readonly path: string;
  readonly message: string;
  readonly article: string;
};

export type Lang = "fr" | "en";

/** Declares a rule whose messages and findings agree on one parameter shape. */
export function defineRule<P extends Params>(rule: {
  code: string;
  severity: Severity;
  article: string;
  title: Localized;
  message: (params: P) => Localized;
  check: (register: RegisterFile, context: LintContext) => Iterable<RawFinding<P>>;
}): Rule {
  return rule as unknown as Rule;
}
