import assert from "node:assert/strict";
import { test } from "node:test";
import { sampleActivity } from "../testing/fixtures.ts";
import { buildPrivacyPolicy } from "./build-privacy-policy.ts";
import { makeRegister, textOf } from "./testing/make-register.ts";

const policy = (register: ReturnType<typeof makeRegister>, lang: "fr" | "en" = "en") =>
  buildPrivacyPolicy(register, { lang });

test("the policy has the brief's sections, in order", () => {
  const doc = policy(makeRegister());
  assert.deepEqual(
    doc.sections.map((s) => s.id),
    [
      "collected",
      "purposes",
      "retention",
      "sharing",
      "security",
      "rights",
      "consent",
      "transfers",
      "roles",
      "changes",
    ],
  );
});

test("retention: a concrete period per category, and a plain 'not defined' where the register has none", () => {
  const register = makeRegister([
    sampleActivity("crm", {
      dataCategories: [
        { id: "identity", category: "identity", description: { fr: "Nom", en: "Name" } },
        { id: "orders", category: "economic_financial", description: { fr: "Commandes", en: "Orders" } },
      ],
      retention: {
        rules: [
          { dataCategories: ["identity"], duration: "P3Y", from: "end_of_contract" },
          {
            dataCategories: ["orders"],
            statedAs: { fr: "aussi longtemps que nécessaire", en: "as long as necessary" },
          },
        ],
      },
    }),
  ]);
  const en = textOf(policy(register));
  assert.match(
    en,
    /Civil status, identity, identification data, images 3 years from the end of the contract/,
  );
  assert.match(
    en,
    /Economic and financial information Period not defined: the register sets no measurable retention period/,
  );
  assert.equal(en.includes("as long as necessary"), false, "the vague wording is never published");
  const fr = textOf(policy(register, "fr"));
  assert.match(fr, /3 ans à compter de la fin de la relation contractuelle/);
  assert.equal(fr.includes("aussi longtemps que nécessaire"), false);
});

test("automated decision-making is stated only where the register records it (Art. 22)", () => {
  assert.equal(textOf(policy(makeRegister())).includes("Automated decision-making"), false);
  const withAdm = makeRegister([
    sampleActivity("scoring", {
      automatedDecision: {
        automatedDecisionMaking: true,
        profiling: true,
        legalOrSimilarEffect: true,
        exception: "22.2.a",
        description: { fr: "Score de crédit", en: "Credit scoring" },
        safeguards: { fr: "Revue humaine", en: "Human review" },
      },
    }),
  ]);
  const text = textOf(policy(withAdm));
  for (const fact of [
    "Automated decision-making and profiling (Art. 22)",
    "Credit scoring",
    "necessary for a contract",
    "Human review",
    "Right not to be subject to a decision based solely on automated processing",
  ]) {
    assert.ok(text.includes(fact), fact);
  }
});

test("consent: the law's sentence and the register's ways, or a plain statement that nothing rests on it", () => {
  assert.ok(
    textOf(policy(makeRegister())).includes(
      "None of the processing activities described in this policy is based on consent.",
    ),
  );
  const consent = makeRegister([
    sampleActivity("news", {
      purposes: [
        { main: true, description: { fr: "Lettre", en: "Newsletter" }, legalBasis: { code: "6.1.a" } },
      ],
    }),
  ]);
  const text = textOf(policy(consent));
  assert.ok(text.includes("you may withdraw it at any time, as easily as you gave it"));
  assert.match(text, /how consent is withdrawn is not stated in the register/i);
  assert.ok(text.includes("Right to withdraw your consent at any time (Art. 7(3))."));
});

test("rights: the CNIL's address for a French organisation; the Art. 77 wording elsewhere", () => {
  const fr = textOf(policy(makeRegister()));
  assert.ok(fr.includes("3 Place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, www.cnil.fr"));
  assert.ok(fr.includes("privacy@example.org"));
  assert.ok(fr.includes("at the latest within one month of receiving your request"));
  const be = textOf(
    policy(makeRegister([sampleActivity()], { organisation: { country: "BE", siren: undefined } })),
  );
  assert.equal(be.includes("Fontenoy"), false);
  assert.ok(be.includes("the supervisory authority of the Member State of your habitual residence"));
});

test("transfers name country and safeguard; missing ones are said to be missing", () => {
  const register = makeRegister([
    sampleActivity("crm", {
      noTransferOutsideEea: false,
      transfers: [
        {
          recipient: "Mailer Inc.",
          country: "US",
          mechanism: "scc",
          sccModule: "2",
          documentationUrl: "https://example.org/scc",
        },
        { recipient: "Unknown Ltd" },
      ],
    }),
  ]);
  const text = textOf(policy(register));
  assert.ok(text.includes("Mailer Inc."));
  assert.ok(text.includes("United States"));
  assert.ok(text.includes("Standard contractual clauses (Decision 2021/914) (Art. 46(2)(c)), module 2"));
  assert.match(text, /country not stated in the register/i);
  assert.match(text, /safeguards not stated in the register/i);
});

test("only active activities are published", () => {
  const register = makeRegister([
    sampleActivity("live"),
    sampleActivity("wip", { status: "draft", name: { fr: "Brouillon", en: "Work in progress" } }),
  ]);
  assert.equal(textOf(policy(register)).includes("Work in progress"), false);
});
