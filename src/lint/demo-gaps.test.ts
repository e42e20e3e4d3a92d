/**
 * The seed documents' real gaps, as modelled in the demo registers: the linter must report each of them,
 * at the exact place.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { DEMO_SLUGS, readDemoRegisters } from "../demo/read-demo-registers.ts";
import type { RegisterFile } from "../register/model/index.ts";
import { collectFindings } from "./collect-findings.ts";
import type { LocalizedFinding } from "./lint-types.ts";

const TODAY = "2026-01-15";
const registers = readDemoRegisters();

function lintDemo(slug: (typeof DEMO_SLUGS)[number]): {
  register: RegisterFile;
  findings: LocalizedFinding[];
} {
  const register = registers.find((r) => r.organisation.slug === slug);
  assert.ok(register, `demo register ${slug} is loaded`);
  return { register, findings: collectFindings(register, { today: TODAY }) };
}

/** The paths at which `code` is reported, after checking its severity. */
function pathsOf(findings: LocalizedFinding[], code: string, severity: string): string[] {
  const found = findings.filter((f) => f.code === code);
  for (const f of found) assert.equal(f.severity, severity, `${code} at ${f.path}`);
  return found.map((f) => f.path);
}

function indexOf(register: RegisterFile, ref: string): number {
  const i = register.activities.findIndex((a) => a.ref === ref);
  assert.ok(i >= 0, `activity ${ref} exists`);
  return i;
}

test("Régis: the AI model partner receives chatbot content despite 'no transfer to third parties', undeclared as a processor", () => {
  const { register, findings } = lintDemo("regis");
  const expected = ["chatbot-analyse-interactions", "chatbot-intents-metiers"].map((ref) => {
    const i = indexOf(register, ref);
    const k = register.activities[i]!.recipients.findIndex((r) => r.kind === "partner");
    assert.ok(k >= 0, `${ref} lists the AI partner`);
    return `activities[${i}].recipients[${k}]`;
  });
  assert.deepEqual(pathsOf(findings, "PARTY-CONTRADICTS-NO-SHARING", "error"), expected);
  assert.deepEqual(
    pathsOf(findings, "PARTY-PROCESSOR-UNDECLARED", "error"),
    expected.map((p) => `${p}.processorRef`),
  );
});

test("Régis: the legitimate-interest activities state no interest", () => {
  const { register, findings } = lintDemo("regis");
  assert.deepEqual(pathsOf(findings, "BASIS-LEGITIMATE-INTEREST-MISSING", "error"), [
    `activities[${indexOf(register, "chatbot-analyse-interactions")}].purposes[0].legalBasis.legitimateInterest`,
    `activities[${indexOf(register, "chatbot-intents-metiers")}].purposes[0].legalBasis.legitimateInterest`,
  ]);
});

test("Julie Desk / Slash: the privacy policy gives no concrete retention period", () => {
  const { register, findings } = lintDemo("julie-desk");
  const expected = register.activities.map((_, i) => `activities[${i}].retention.rules[0].statedAs`);
  assert.equal(expected.length, 4);
  assert.deepEqual(pathsOf(findings, "RET-PERIOD-VAGUE", "error"), expected);
  for (const f of findings.filter((x) => x.code === "RET-PERIOD-VAGUE")) {
    assert.match(f.messages.en, /is not a period/);
    assert.match(f.messages.fr, /n'est pas une durée/);
  }
});

test("Julie Desk: CRM, billing and newsletter data leave the EU without a named safeguard or country", () => {
  const { register, findings } = lintDemo("julie-desk");
  const slash = indexOf(register, "service-prise-rendez-vous");
  const newsletter = indexOf(register, "newsletter");
  const transfers = [
    `activities[${slash}].transfers[0]`,
    `activities[${slash}].transfers[1]`,
    `activities[${newsletter}].transfers[0]`,
  ];
  assert.deepEqual(
    register.activities[slash]!.transfers.map((t) => t.processorRef),
    ["prestataire-crm", "prestataire-facturation"],
  );
  assert.deepEqual(
    pathsOf(findings, "XFER-MECHANISM-MISSING", "error"),
    transfers.map((t) => `${t}.mechanism`),
  );
  assert.deepEqual(
    pathsOf(findings, "XFER-COUNTRY-MISSING", "error"),
    transfers.map((t) => `${t}.country`),
  );
});

test("Julie Desk / Slash: automated decision-making without DPIA screening", () => {
  const { register, findings } = lintDemo("julie-desk");
  assert.deepEqual(pathsOf(findings, "DPIA-ART22-NOT-SCREENED", "error"), [
    `activities[${indexOf(register, "service-prise-rendez-vous")}].dpia.status`,
  ]);
});

test("LoGeAs: the sheet leaves processor control (and the last-update date) empty", () => {
  const { register, findings } = lintDemo("logeas");
  assert.equal(register.activities.length, 1);
  assert.deepEqual(pathsOf(findings, "SEC-PROCESSOR-CONTROL-MISSING", "warning"), [
    "activities[0].securityMeasures",
  ]);
  assert.deepEqual(pathsOf(findings, "META-UPDATED-MISSING", "warning"), ["activities[0].updatedOn"]);
});

test("no demo finding carries personal data: no e-mail address, no person's name", () => {
  for (const slug of DEMO_SLUGS) {
    const { register, findings } = lintDemo(slug);
    const people = [register.organisation.legalRepresentative?.name, register.organisation.dpo?.name].filter(
      (n): n is string => n !== undefined,
    );
    for (const f of findings) {
      for (const text of [f.messages.fr, f.messages.en]) {
        assert.doesNotMatch(text, /@/, `${slug} ${f.code} ${f.path}`);
        for (const name of people) assert.ok(!text.includes(name), `${slug} ${f.code} names a person`);
      }
    }
  }
});
