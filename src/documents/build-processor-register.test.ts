import assert from "node:assert/strict";
import { test } from "node:test";
import { sampleActivity } from "../testing/fixtures.ts";
import { buildProcessorRegister } from "./build-processor-register.ts";
import { makeRegister, textOf } from "./testing/make-register.ts";

test("per client controller: categories of processing, sub-processors, transfers and measures (Art. 30(2))", () => {
  const register = makeRegister([sampleActivity()], {
    organisation: { roles: ["controller", "processor"] },
    processors: [
      { ref: "cloud", name: "Cloud GmbH", country: "DE", services: [{ fr: "Hébergement", en: "Hosting" }] },
    ],
    processorRegister: [
      {
        ref: "client-a",
        status: "active",
        createdOn: "2024-02-01",
        controller: { name: "Client A SA", dpo: { email: "dpo@client-a.example" } },
        processingCategories: [
          {
            description: { fr: "Paie", en: "Payroll" },
            dataCategories: ["identity", "economic_financial"],
            dataSubjects: ["employees"],
          },
        ],
        subProcessors: ["cloud"],
        transfers: [{ recipient: "Support Inc.", country: "US", mechanism: "dpf" }],
        securityMeasures: [
          { category: "encryption", description: { fr: "Chiffrement AES", en: "AES encryption" } },
        ],
        contract: { signed: true, signedOn: "2024-01-15" },
      },
      { ref: "old", status: "archived", controller: { name: "Gone Ltd" } },
    ],
  });
  const doc = buildProcessorRegister(register, { lang: "en" });
  assert.deepEqual(
    doc.sections.map((s) => s.id),
    ["processor", "entry-client-a"],
  );
  const text = textOf(doc);
  for (const fact of [
    "Processor ACME SAS",
    "On behalf of: Client A SA",
    "Controller's DPO dpo@client-a.example",
    "Created on 1 February 2024",
    "Data processing agreement (Art. 28) signed on 15 January 2024",
    "Payroll",
    "Civil status, identity, identification data, images Economic and financial information",
    "Employees",
    "Cloud GmbH (Germany) — Hosting",
    "Support Inc.",
    "United States",
    "EU–US Data Privacy Framework",
    "AES encryption",
  ]) {
    assert.ok(text.includes(fact), fact);
  }
  assert.equal(text.includes("Gone Ltd"), false);
});

test("an organisation that processes for no one says so", () => {
  const text = textOf(buildProcessorRegister(makeRegister(), { lang: "fr" }));
  assert.ok(
    text.includes("Aucun traitement effectué pour le compte d'un responsable du traitement n'est enregistré"),
  );
});
