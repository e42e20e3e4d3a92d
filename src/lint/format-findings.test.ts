import assert from "node:assert/strict";
import { test } from "node:test";
import { collectFindings } from "./collect-findings.ts";
import { formatFindings } from "./format-findings.ts";
import { lintRegister } from "./lint-register.ts";
import { makeRegister, TODAY } from "./testing/make-register.ts";

const register = () =>
  makeRegister({ organisation: { siren: undefined }, activity: { purposes: [], updatedOn: undefined } });

test("JSON is an array of {code, severity, path, message, article} in the requested language", () => {
  const out = JSON.parse(
    formatFindings(collectFindings(register(), { today: TODAY }), { format: "json", lang: "en" }),
  );
  assert.deepEqual(out, [
    {
      code: "ART30-PURPOSE-MISSING",
      severity: "error",
      path: "activities[0].purposes",
      message: 'Activity "customers" lists no purpose.',
      article: "Art. 30(1)(b)",
    },
    {
      code: "META-UPDATED-MISSING",
      severity: "warning",
      path: "activities[0].updatedOn",
      message: '"customers" has no last-update date: nothing shows that the record is kept up to date.',
      article: "Art. 30(1); Art. 24(1)",
    },
    {
      code: "ORG-SIREN-MISSING",
      severity: "info",
      path: "organisation.siren",
      message:
        "The organisation is established in France but the register gives no SIREN or SIRET to identify it.",
      article: "Art. 30(1)(a)",
    },
  ]);
});

test("JSON keeps the message of findings already in one language", () => {
  const findings = lintRegister(register(), { lang: "fr", today: TODAY });
  const out = JSON.parse(formatFindings(findings, { format: "json", lang: "fr" }));
  assert.equal(out[0].message, "L'activité « customers » ne mentionne aucune finalité.");
  assert.deepEqual(Object.keys(out[0]), ["code", "severity", "path", "message", "article"]);
});

test("text has one line per finding and a summary, in English", () => {
  const text = formatFindings(collectFindings(register(), { today: TODAY }), { format: "text", lang: "en" });
  assert.deepEqual(text.split("\n"), [
    'error ART30-PURPOSE-MISSING activities[0].purposes: Activity "customers" lists no purpose. (Art. 30(1)(b))',
    'warning META-UPDATED-MISSING activities[0].updatedOn: "customers" has no last-update date: nothing shows that the record is kept up to date. (Art. 30(1); Art. 24(1))',
    "info ORG-SIREN-MISSING organisation.siren: The organisation is established in France but the register gives no SIREN or SIRET to identify it. (Art. 30(1)(a))",
    "3 findings: 1 error, 1 warning, 1 info.",
  ]);
});

test("text in French, with French plurals", () => {
  const text = formatFindings(collectFindings(register(), { today: TODAY }), { format: "text", lang: "fr" });
  const lines = text.split("\n");
  assert.equal(
    lines[0],
    "erreur ART30-PURPOSE-MISSING activities[0].purposes: L'activité « customers » ne mentionne aucune finalité. (Art. 30(1)(b))",
  );
  assert.ok(lines[1]?.startsWith("avertissement META-UPDATED-MISSING"));
  assert.equal(lines.at(-1), "3 constats : 1 erreur, 1 avertissement, 1 information.");
});

test("an empty result still prints a summary", () => {
  assert.equal(
    formatFindings([], { format: "text", lang: "en" }),
    "No problems found: 0 errors, 0 warnings, 0 info.",
  );
  assert.equal(
    formatFindings([], { format: "text", lang: "fr" }),
    "Aucune anomalie : 0 erreur, 0 avertissement, 0 information.",
  );
  assert.equal(formatFindings([], { format: "json", lang: "en" }), "[]");
});
