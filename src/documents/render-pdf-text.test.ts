/**
 * What a reader (or a screen reader, or a search) gets out of the PDFs: the text pdftotext extracts states every
 * fact of the Julie Desk seeds, accents and typographic signs intact, with the header and "Page n / N" on every page.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { readDemoRegisters } from "../demo/read-demo-registers.ts";
import { type GardienDocument, paragraph, section } from "./document-model.ts";
import { buildDocument } from "./render-document.ts";
import { renderPdf } from "./render-pdf.ts";
import { assertStatesAll, normalise } from "./testing/document-text-kit.ts";
import { CNIL, POLICY_EN, POLICY_FR } from "./testing/julie-desk-facts.ts";
import { bodyText, PDFTOTEXT_MISSING, pageCount, pdfInfo, pdfText } from "./testing/pdf-text-kit.ts";

const julie = readDemoRegisters().find((r) => r.organisation.slug === "julie-desk")!;
const skip = PDFTOTEXT_MISSING;

async function policy(lang: "fr" | "en") {
  const doc = buildDocument(julie, { doc: "privacy", lang });
  const pdf = await renderPdf(doc, { lang });
  return { doc, pdf, header: `${doc.organisation.name} ${doc.title}` };
}

// -layout prints side-by-side table cells on shared lines, so a sentence wrapped inside a cell is not contiguous
// there; -raw gives the drawing order, which is the reading order. The facts are looked for in the latter.
test("Julie Desk: the French PDF policy states every fact of the Slash policy, and the CNIL's address", {
  skip,
}, async () => {
  const { pdf, header } = await policy("fr");
  assertStatesAll(bodyText(pdfText(pdf, "-raw"), header), [...POLICY_FR, ...CNIL], "FR PDF");
});

test("Julie Desk: the English PDF policy states the same facts", { skip }, async () => {
  const { pdf, header } = await policy("en");
  assertStatesAll(bodyText(pdfText(pdf, "-raw"), header), POLICY_EN, "EN PDF");
});

test("French accents survive extraction; every page has the header and its page number", {
  skip,
}, async () => {
  const { doc, pdf } = await policy("fr");
  const text = pdfText(pdf, "-layout");
  for (const word of ["données", "à", "ç", "Sécurité", "l’utilisateur", "Responsable du traitement"]) {
    assert.ok(text.includes(word), word);
  }
  const pages = pageCount(pdf);
  assert.ok(pages > 1, `${pages} pages`);
  const printed = text.split("\f").filter((p) => p.trim());
  assert.equal(printed.length, pages);
  printed.forEach((page, i) => {
    const lines = page.split("\n").filter((l) => l.trim());
    assert.match(
      lines[0]!,
      new RegExp(`^${doc.organisation.name}\\s+${doc.title}$`),
      `header of page ${i + 1}`,
    );
    assert.match(lines.at(-1)!, new RegExp(`^\\s*Page ${i + 1} / ${pages}$`), `footer of page ${i + 1}`);
  });
  assert.ok(text.includes(`Page 1 / ${pages}`));
  const en = pdfText((await policy("en")).pdf, "-layout");
  assert.match(en, /Page 1 of \d+/);
});

test("œ, « », ’ and no-break spaces extract as typed", { skip }, async () => {
  const sentence = "L’œuvre «\u00a0Sœur & Cie\u00a0»\u202f: à Noël, ça déçoit — 5 €";
  const doc: GardienDocument = {
    format: "gardien-document",
    version: 1,
    kind: "privacy",
    lang: "fr",
    title: "Cœur",
    organisation: { slug: "x", name: "Œuvres réunies" },
    blocks: [],
    sections: [section("s", "Être ou ne pas être", [paragraph(sentence)])],
  };
  const text = pdfText(await renderPdf(doc), "-raw");
  assert.ok(normalise(text).includes(normalise(sentence)), text);
  assert.ok(text.includes("Être ou ne pas être"));
  assert.ok(text.includes("Œuvres réunies"));
});

test("a table's column headers are repeated on every page it runs onto", { skip }, async () => {
  const rows = Array.from({ length: 120 }, (_, i) => [`Catégorie ${i + 1}`, `Durée ${i + 1} ans`]);
  const doc: GardienDocument = {
    format: "gardien-document",
    version: 1,
    kind: "register",
    lang: "fr",
    title: "Registre",
    organisation: { slug: "x", name: "Exemple" },
    blocks: [{ type: "table", caption: "Durées", head: ["Donnée", "Conservation"], rows, rowHeader: true }],
    sections: [],
  };
  const pdf = await renderPdf(doc);
  const pages = pdfText(pdf, "-layout")
    .split("\f")
    .filter((p) => p.trim());
  assert.ok(pages.length >= 3, `${pages.length} pages`);
  for (const page of pages) assert.match(page, /Donnée\s+Conservation/);
  const raw = pdfText(pdf, "-raw");
  for (const [category, duration] of rows) assert.ok(raw.includes(`${category} ${duration}\n`), category);
});

test("metadata: title, organisation as author, subject, creation date of the register's last update", {
  skip,
}, async () => {
  const { doc, pdf } = await policy("fr");
  const info = pdfInfo(pdf);
  assert.equal(info.Title, "Politique de confidentialité");
  assert.equal(info.Author, doc.organisation.name);
  assert.equal(info.Subject, "Politique de confidentialité (articles 13 et 14 du RGPD)");
  assert.equal(info.Creator, "Gardien");
  assert.equal(info.CreationDate, `${doc.registerUpdatedOn}T00:00:00Z`);
  assert.equal(info["Page size"], "595.28 x 841.89 pts (A4)");
});
