import assert from "node:assert/strict";
import { test } from "node:test";
import { sampleActivity } from "../testing/fixtures.ts";
import { buildInformationNotice } from "./build-information-notice.ts";
import { makeRegister, textOf } from "./testing/make-register.ts";

test("without a notice wording, the short notice uses the main purpose and invents no restriction", () => {
  const register = makeRegister([sampleActivity("crm")], {
    organisation: { privacyPolicyUrl: "https://acme.example/privacy" },
  });
  const doc = buildInformationNotice(register, { lang: "en", activity: "crm" });
  assert.deepEqual(
    doc.blocks.map((b) => b.type),
    ["paragraph", "paragraph", "paragraph"],
    "purpose, policy link, contact",
  );
  const text = textOf(doc);
  assert.ok(text.includes("Manage contracts"));
  assert.ok(text.includes("Read ACME SAS's privacy policy"));
  assert.ok(
    text.includes("For any request about the processing of your data, you can contact privacy@example.org."),
  );
  assert.deepEqual(doc.blocks[1], {
    type: "paragraph",
    text: [{ link: "https://acme.example/privacy", text: "Read ACME SAS's privacy policy" }],
  });
});

test("no policy address in the register: the notice says so instead of linking nowhere", () => {
  const text = textOf(buildInformationNotice(makeRegister(), { lang: "fr", activity: "crm" }));
  assert.ok(
    text.includes(
      "Consulter la politique de confidentialité de ACME SAS — adresse de la politique de confidentialité non renseignée",
    ),
  );
});

test("the long notice adds the Art. 13 facts of the activity", () => {
  const text = textOf(buildInformationNotice(makeRegister(), { lang: "en", activity: "crm", form: "long" }));
  for (const fact of [
    "ACME SAS, 1 rue de la Paix, 75002 Paris, France",
    "Manage contracts — Contract (Art. 6(1)(b) GDPR)",
    "Sales",
    "3 years from the end of the contract",
    "No transfer outside the European Economic Area",
    "You have the right to access, rectify, erase",
    "3 Place de Fontenoy",
  ]) {
    assert.ok(text.includes(fact), fact);
  }
});
