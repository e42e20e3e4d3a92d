import type { Finding, Lang, LocalizedFinding, Severity } from "./lint-types.ts";

export type FormatOptions = { format: "text" | "json"; lang: Lang };

const SEVERITY_LABEL: Readonly<Record<Lang, Record<Severity, string>>> = {
  fr: { error: "erreur", warning: "avertissement", info: "info" },
  en: { error: "error", warning: "warning", info: "info" },
};

function messageOf(finding: Finding | LocalizedFinding, lang: Lang): string {
  return "messages" in finding ? finding.messages[lang] : finding.message;
}

/** French uses the singular for 0 and 1, English only for 1. */
function count(n: number, lang: Lang, singular: string, plural: string): string {
  const one = lang === "fr" ? n <= 1 : n === 1;
  return `${n} ${one ? singular : plural}`;
}

function summary(findings: ReadonlyArray<{ severity: Severity }>, lang: Lang): string {
  const n: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) n[f.severity]++;
  if (lang === "fr") {
    return `${count(n.error, lang, "erreur", "erreurs")}, ${count(n.warning, lang, "avertissement", "avertissements")}, ${count(n.info, lang, "information", "informations")}`;
  }
  return `${count(n.error, lang, "error", "errors")}, ${count(n.warning, lang, "warning", "warnings")}, ${count(n.info, lang, "info", "info")}`;
}

/**
 * Renders findings for a terminal (one line each, then a summary) or as JSON (an array of
 * `{code, severity, path, message, article}`). Accepts findings in one language or in both.
 *
 * @example
 * formatFindings(lintRegister(register), { format: "text", lang: "en" });
 * // "error ART30-PURPOSE-MISSING activities[0].purposes: Activity \"crm\" lists no purpose. (Art. 30(1)(b))\n0 errors..."
 */
export function formatFindings(
  findings: ReadonlyArray<Finding | LocalizedFinding>,
  options: FormatOptions,
): string {
  const { lang } = options;
  if (options.format === "json") {
    const out = findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      path: f.path,
      message: messageOf(f, lang),
      article: f.article,
    }));
    return JSON.stringify(out, null, 2);
  }
  const lines = findings.map(
    (f) => `${SEVERITY_LABEL[lang][f.severity]} ${f.code} ${f.path}: ${messageOf(f, lang)} (${f.article})`,
  );
  lines.push(
    findings.length === 0
      ? lang === "fr"
        ? `Aucune anomalie : ${summary(findings, lang)}.`
        : `No problems found: ${summary(findings, lang)}.`
      : lang === "fr"
        ? `${count(findings.length, lang, "constat", "constats")} : ${summary(findings, lang)}.`
        : `${count(findings.length, lang, "finding", "findings")}: ${summary(findings, lang)}.`,
  );
  return lines.join("\n");
}
