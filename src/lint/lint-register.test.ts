import assert from "node:assert/strict";
import { test } from "node:test";
import { collectFindings } from "./collect-findings.ts";
import { lintRegister } from "./lint-register.ts";
import { makeActivity, makeRegister, TODAY } from "./testing/make-register.ts";

const broken = () =>
  makeRegister({
    organisation: { siren: undefined },
    activities: Array.from({ length: 12 }, (_, i) =>
      makeActivity({
        ref: `activity-${i}`,
        name: { fr: `Activité ${i}`, en: `Activity ${i}` },
        purposes: [{ main: true, description: { fr: `Finalité ${i}`, en: `Purpose ${i}` } }],
        updatedOn: undefined,
      }),
    ),
  });

test("a complete register has no findings", () => {
  assert.deepEqual(lintRegister(makeRegister(), { today: TODAY }), []);
});

test("findings are sorted by severity, then by path with indexes in numeric order", () => {
  const findings = lintRegister(broken(), { today: TODAY });
  const rank = { error: 0, warning: 1, info: 2 };
  for (let i = 1; i < findings.length; i++) {
    assert.ok(rank[findings[i - 1]!.severity] <= rank[findings[i]!.severity]);
  }
  const errors = findings.filter((f) => f.code === "BASIS-MISSING").map((f) => f.path);
  assert.deepEqual(
    errors,
    Array.from({ length: 12 }, (_, i) => `activities[${i}].purposes[0].legalBasis`),
  );
  assert.deepEqual(
    findings.map((f) => f.severity),
    [...Array(12).fill("error"), ...Array(12).fill("warning"), "info"],
  );
});

test("messages come in the requested language, defaulting to the organisation's", () => {
  const register = makeRegister({ activity: { purposes: [] } });
  const [fr] = lintRegister(register, { today: TODAY });
  const [en] = lintRegister(register, { lang: "en", today: TODAY });
  assert.equal(fr?.message, "L'activité « customers » ne mentionne aucune finalité.");
  assert.equal(en?.message, 'Activity "customers" lists no purpose.');
  assert.deepEqual(Object.keys(en ?? {}), ["code", "severity", "path", "message", "article"]);
  const english = makeRegister({
    organisation: { settings: { defaultLanguage: "en", alsaceMoselle: false } },
    activity: { purposes: [] },
  });
  assert.equal(lintRegister(english, { today: TODAY })[0]?.message, en?.message);
});

test("the day of judgement is an option: date rules follow it", () => {
  const register = makeRegister({ activity: { updatedOn: "2025-12-01" } });
  assert.deepEqual(
    lintRegister(register, { today: "2027-01-01" }).map((f) => f.code),
    ["META-REVIEW-OVERDUE"],
  );
  assert.deepEqual(lintRegister(register, { today: TODAY }), []);
});

test("no message repeats what a person typed: only refs, codes and field names", () => {
  const secret = "Zygomorphe";
  const text = { fr: `${secret} fr`, en: `${secret} en` };
  const register = makeRegister({
    organisation: {
      siren: undefined,
      rightsContact: { name: secret },
      dpo: { name: secret, designated: true },
      jointControllers: [{ name: secret }],
    },
    activity: {
      name: { fr: secret },
      purposes: [
        { main: true, description: text, legalBasis: { code: "6.1.f", justification: text } },
        { main: true, description: text, legalBasis: { code: "6.1.a" } },
      ],
      dataCategories: [{ id: "nir", category: "nir", description: text }],
      sensitiveData: { processed: true, items: [{ category: "health", justification: text }] },
      retention: {
        maximum: "P1Y",
        rules: [{ duration: "P2Y", statedAs: { fr: `${secret}, aussi longtemps que nécessaire` } }],
      },
      recipients: [{ kind: "partner", name: text, purpose: text, noRetention: true }],
      noThirdPartySharing: true,
      transfers: [{ recipient: secret, description: text, mechanism: "derogation", derogation: "49.1.2" }],
      jointControllers: [secret],
      automatedDecision: { automatedDecisionMaking: true, legalOrSimilarEffect: true, description: text },
    },
  });
  const findings = collectFindings(register, { today: TODAY });
  assert.ok(findings.length > 15);
  for (const f of findings) {
    assert.ok(!f.messages.fr.includes(secret) && !f.messages.en.includes(secret), `${f.code} leaks a value`);
  }
});
