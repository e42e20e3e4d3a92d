/**
 * Fidelity to the Julie Desk seeds: the Slash privacy policy (juliedesk-slash-politique-confidentialite.txt) and
 * the GDPR guide for clients (juliedesk-guide-rgpd-clients.txt). The generated policy, processor register and
 * e-mail signature notice state every fact those documents state, in French and in English; the policy never
 * repeats the seed's vague retention sentence and says plainly that no period is defined.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { readDemoRegisters } from "../demo/read-demo-registers.ts";
import { renderDocument } from "./render-document.ts";
import type { RenderRequest } from "./render-request.schema.ts";
import {
  assertStatesAll,
  htmlText,
  markdownText,
  normalise,
  readSeed,
  seedWords,
} from "./testing/document-text-kit.ts";
import {
  CNIL,
  NOTICE_EN,
  NOTICE_FR,
  POLICY_EN,
  POLICY_FR,
  PROCESSOR_EN,
  PROCESSOR_FR,
} from "./testing/julie-desk-facts.ts";

const POLICY_SEED = "juliedesk-slash-politique-confidentialite.txt";
const GUIDE_SEED = "juliedesk-guide-rgpd-clients.txt";
const julie = readDemoRegisters().find((r) => r.organisation.slug === "julie-desk")!;
const POLICY_URL = "https://www.example.org/julie-desk/politique-de-confidentialite";

function bothFormats(request: RenderRequest): { html: string; md: string } {
  return {
    html: htmlText(renderDocument(julie, { ...request, format: "html" }).body),
    md: markdownText(renderDocument(julie, { ...request, format: "md" }).body),
  };
}

test("Julie Desk seeds: every listed fact is in the seeds' own words", {
  skip: !readSeed(POLICY_SEED) || !readSeed(GUIDE_SEED),
}, () => {
  const policy = normalise(readSeed(POLICY_SEED)!);
  const both = normalise(`${readSeed(POLICY_SEED)} ${readSeed(GUIDE_SEED)}`);
  const guide = normalise(readSeed(GUIDE_SEED)!);
  assert.deepEqual(
    POLICY_FR.map(seedWords).filter((f) => !policy.includes(normalise(f))),
    [],
  );
  assert.deepEqual(
    PROCESSOR_FR.map(seedWords).filter((f) => !both.includes(normalise(f))),
    [],
  );
  assert.deepEqual(
    NOTICE_FR.map(seedWords).filter((f) => !guide.includes(normalise(f))),
    [],
  );
});

test("Julie Desk: the French privacy policy states every fact of the Slash policy, and the CNIL's address", () => {
  const { html, md } = bothFormats({ doc: "privacy", lang: "fr" });
  assertStatesAll(html, [...POLICY_FR, ...CNIL], "FR HTML");
  assertStatesAll(md, [...POLICY_FR, ...CNIL], "FR Markdown");
});

test("Julie Desk: the English privacy policy states the same facts in the demo's English wording", () => {
  const { html, md } = bothFormats({ doc: "privacy", lang: "en" });
  assertStatesAll(html, POLICY_EN, "EN HTML");
  assertStatesAll(md, POLICY_EN, "EN Markdown");
});

test("Julie Desk: no vague retention sentence; the policy says plainly that no period is defined", () => {
  for (const lang of ["fr", "en"] as const) {
    const { html, md } = bothFormats({ doc: "privacy", lang });
    for (const text of [html, md]) {
      assert.equal(text.includes("La durée de rétention des données est définie afin de"), false);
      assert.equal(text.includes("The data retention period is set so that"), false);
    }
    const plain =
      lang === "fr"
        ? "Durée non définie : le registre ne fixe aucune durée de conservation mesurable"
        : "Period not defined";
    assert.ok(html.includes(plain), lang);
  }
});

test("Julie Desk: the processor register (Art. 30(2)) states the guide's and the policy's processor facts", () => {
  const fr = bothFormats({ doc: "processor-register", lang: "fr" });
  assertStatesAll(fr.html, PROCESSOR_FR, "FR HTML");
  assertStatesAll(fr.md, PROCESSOR_FR, "FR Markdown");
  const en = bothFormats({ doc: "processor-register", lang: "en" });
  assertStatesAll(en.html, PROCESSOR_EN, "EN HTML");
  assertStatesAll(en.md, PROCESSOR_EN, "EN Markdown");
});

test("Julie Desk: the e-mail signature notice states the guide's four lines, with a working policy link", () => {
  const request = { doc: "notice", activity: "service-prise-rendez-vous", policyUrl: POLICY_URL } as const;
  for (const notice of ["short", "long"] as const) {
    const fr = bothFormats({ ...request, notice, lang: "fr" });
    assertStatesAll(fr.html, NOTICE_FR, `FR ${notice} HTML`);
    assertStatesAll(fr.md, NOTICE_FR, `FR ${notice} Markdown`);
    const en = bothFormats({ ...request, notice, lang: "en" });
    assertStatesAll(en.html, NOTICE_EN, `EN ${notice} HTML`);
    assertStatesAll(en.md, NOTICE_EN, `EN ${notice} Markdown`);
  }
  const html = renderDocument(julie, { ...request, lang: "fr", format: "html" }).body;
  assert.match(
    html,
    new RegExp(`<a href="${POLICY_URL}">Consulter la politique de confidentialité de Julie Desk</a>`),
  );
  assert.match(html, /<a href="mailto:dpo@juliedesk.com">dpo@juliedesk.com<\/a>/);
  const md = renderDocument(julie, { ...request, lang: "fr", format: "md" }).body;
  assert.ok(md.includes(`[Consulter la politique de confidentialité de Julie Desk](${POLICY_URL})`));
});
