import assert from "node:assert/strict";
import { test } from "node:test";
import { sampleActivity } from "../testing/fixtures.ts";
import { buildPublicRegister } from "./build-public-register.ts";
import { makeRegister, textOf } from "./testing/make-register.ts";

test("the register opens with the controller's identity, then the rights, then each active activity", () => {
  const doc = buildPublicRegister(
    makeRegister([sampleActivity("a"), sampleActivity("b", { status: "archived" })]),
    { lang: "fr" },
  );
  assert.deepEqual(
    doc.sections.map((s) => s.id),
    ["general", "rights", "activities"],
  );
  assert.deepEqual(
    doc.sections[2]!.sections.map((s) => s.id),
    ["activity-a"],
  );
  assert.deepEqual(
    doc.sections[2]!.sections[0]!.sections.map((s) => s.id.replace("activity-a-", "")),
    ["purposes", "basis", "data", "subjects", "recipients", "retention", "transfers", "security"],
  );
});

test("a legitimate interest is named when the register names it, and said to be missing when not", () => {
  const named = makeRegister([
    sampleActivity("a", {
      purposes: [
        {
          main: true,
          description: { fr: "Prospection", en: "Prospecting" },
          legalBasis: {
            code: "6.1.f",
            legitimateInterest: { fr: "Développer la clientèle", en: "Growing the customer base" },
          },
        },
      ],
    }),
  ]);
  assert.ok(
    textOf(buildPublicRegister(named, { lang: "en" })).includes(
      "Legitimate interests (Art. 6(1)(f) GDPR) — Legitimate interest pursued: Growing the customer base",
    ),
  );
  const unnamed = makeRegister([
    sampleActivity("a", {
      purposes: [{ main: true, description: { fr: "P", en: "P" }, legalBasis: { code: "6.1.f" } }],
    }),
  ]);
  assert.ok(
    textOf(buildPublicRegister(unnamed, { lang: "fr" })).includes(
      "intérêt légitime poursuivi non précisé dans le registre",
    ),
  );
});

test("purposes with different bases list each basis with its purposes", () => {
  const register = makeRegister([
    sampleActivity("a", {
      purposes: [
        { main: true, description: { fr: "Contrats", en: "Contracts" }, legalBasis: { code: "6.1.b" } },
        { description: { fr: "Lettre", en: "Newsletter" }, legalBasis: { code: "6.1.a" } },
      ],
    }),
  ]);
  const text = textOf(buildPublicRegister(register, { lang: "en" }));
  assert.ok(text.includes("Contract (Art. 6(1)(b) GDPR): Contracts"));
  assert.ok(text.includes("Consent (Art. 6(1)(a) GDPR): Newsletter"));
});

test("missing identifiers and periods are stated as missing, never left out or invented", () => {
  const register = makeRegister(
    [
      sampleActivity("a", {
        retention: { rules: [] },
        noTransferOutsideEea: undefined,
        securityMeasures: [],
      }),
    ],
    { organisation: { siren: undefined, address: undefined } },
  );
  const text = textOf(buildPublicRegister(register, { lang: "en" }));
  assert.ok(text.includes("SIREN Not stated in the register"));
  assert.ok(text.includes("Registered office Not stated in the register"));
  assert.ok(text.includes("Period not defined: the register sets no measurable retention period"));
  assert.ok(
    text.includes("The register does not say whether data is transferred outside the European Economic Area"),
  );
  assert.ok(text.includes("No security measure stated in the register"));
});
