import type { LegalBasis } from "../register/model/activity.schema.ts";
import { LEGAL_BASES } from "../register/model/vocabulary.ts";
import { gap, type Lang, type Span } from "./document-model.ts";
import { gapAlone, tOpt } from "./document-text.ts";
import { labelsFor } from "./labels.ts";

/**
 * A purpose's legal basis with its article: "Consentement (article 6.1.a du RGPD)" / "Consent (Art. 6(1)(a)
 * GDPR)". A legitimate interest names the interest pursued (Art. 13(1)(d)) or says the register does not; a
 * legal obligation or public task names its text when the register has it.
 */
export function legalBasisSpans(basis: LegalBasis | undefined, lang: Lang): Span[] {
  const l = labelsFor(lang);
  if (!basis) return [gapAlone(l.legalBasisMissing)];
  const vocab = LEGAL_BASES[basis.code];
  const spans: Span[] = [l.basisText(vocab[lang], basis.code, vocab.article)];
  if (basis.code === "6.1.f") {
    const interest = tOpt(basis.legitimateInterest, lang);
    spans.push(" — ", ...(interest ? [`${l.interest}${l.colon}${interest}`] : [gap(l.interestMissing)]));
  }
  if (basis.legalReference) spans.push(` — ${l.legalReference}${l.colon}${basis.legalReference}`);
  return spans;
}
