import type { Purpose } from "../../register/model/activity.schema.ts";

/**
 * Words by which a register describes direct marketing ("prospection commerciale" in the CNIL's vocabulary).
 * Matched on whole words, accents ignored, in both languages.
 */
const MARKETING_WORDS = [
  "prospection",
  "prospecting",
  "marketing",
  "publicite",
  "publicitaire",
  "publicitaires",
  "advertising",
  "newsletter",
  "newsletters",
  "offres speciales",
  "special offers",
  "offres commerciales",
  "commercial offers",
  "promotions",
  "promotional",
  "sollicitations commerciales",
  "fidelisation",
  "loyalty",
];

function normalise(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
}

const PATTERN = new RegExp(`\\b(?:${MARKETING_WORDS.map((w) => w.replace(/ /g, "\\s+")).join("|")})\\b`);

/**
 * Whether a purpose is direct marketing, to which a person may object at any time and without giving reasons
 * (Art. 21(2)-(3)), whatever its legal basis.
 *
 * The register model has no field for it (src/register/model/vocabulary.ts has no marketing code), so the
 * purpose's own words decide: "prospection", "marketing", "newsletter", "offres spéciales"... A false positive
 * only offers the person an objection they could make anyway; a register that wants certainty should gain a
 * `directMarketing` flag on purposes (see the rights notes), which this function would then read first.
 *
 * @example isDirectMarketingPurpose({ main: false, description: { fr: "Opérations relatives à la prospection" } }) // true
 */
export function isDirectMarketingPurpose(purpose: Pick<Purpose, "description">): boolean {
  const text = normalise(`${purpose.description.fr ?? ""} ${purpose.description.en ?? ""}`);
  return PATTERN.test(text);
}
