/**
 * Art. 6(1): each purpose needs a legal basis, and each basis needs what makes it stand.
 */
import type { Activity, LegalBasis } from "../../register/model/index.ts";
import { defineRule } from "../lint-types.ts";
import { liveActivities } from "../walk-register.ts";

type PurposeParams = { ref: string; purpose: number };

type BasisAt = { activity: Activity; basis: LegalBasis; path: string; purpose: number };

/** Every stated legal basis of the live activities, with its path. */
function* bases(
  register: Parameters<typeof liveActivities>[0],
  code?: LegalBasis["code"],
): Generator<BasisAt> {
  for (const { activity, path } of liveActivities(register)) {
    for (let j = 0; j < activity.purposes.length; j++) {
      const basis = activity.purposes[j]!.legalBasis;
      if (basis && (code === undefined || basis.code === code)) {
        yield { activity, basis, path: `${path}.purposes[${j}].legalBasis`, purpose: j };
      }
    }
  }
}

export const basisMissing = defineRule<PurposeParams>({
  code: "BASIS-MISSING",
  severity: "error",
  article: "Art. 6(1); Art. 13(1)(c)",
  title: { fr: "Finalité sans base légale", en: "Purpose without a legal basis" },
  message: (p) => ({
    fr: `La finalité n° ${p.purpose + 1} de l'activité « ${p.ref} » n'a pas de base légale.`,
    en: `Purpose no. ${p.purpose + 1} of activity "${p.ref}" has no legal basis.`,
  }),
  *check(register) {
    for (const { activity, path } of liveActivities(register)) {
      for (let j = 0; j < activity.purposes.length; j++) {
        if (!activity.purposes[j]!.legalBasis) {
          yield { path: `${path}.purposes[${j}].legalBasis`, params: { ref: activity.ref, purpose: j } };
        }
      }
    }
  },
});

export const consentCollectionMissing = defineRule<PurposeParams>({
  code: "BASIS-CONSENT-COLLECTION-MISSING",
  severity: "warning",
  article: "Art. 7(1)",
  title: { fr: "Recueil du consentement non décrit", en: "Consent collection not described" },
  message: (p) => ({
    fr: `La finalité n° ${p.purpose + 1} de l'activité « ${p.ref} » repose sur le consentement sans dire comment il est recueilli et prouvé.`,
    en: `Purpose no. ${p.purpose + 1} of activity "${p.ref}" relies on consent without saying how it is collected and demonstrated.`,
  }),
  *check(register) {
    for (const { activity, basis, path, purpose } of bases(register, "6.1.a")) {
      if (!basis.consent?.collection) {
        yield { path: `${path}.consent.collection`, params: { ref: activity.ref, purpose } };
      }
    }
  },
});

export const consentWithdrawalMissing = defineRule<PurposeParams>({
  code: "BASIS-CONSENT-WITHDRAWAL-MISSING",
  severity: "warning",
  article: "Art. 7(3)",
  title: { fr: "Retrait du consentement non décrit", en: "Consent withdrawal not described" },
  message: (p) => ({
    fr: `La finalité n° ${p.purpose + 1} de l'activité « ${p.ref} » repose sur le consentement sans dire comment le retirer, aussi simplement qu'il a été donné.`,
    en: `Purpose no. ${p.purpose + 1} of activity "${p.ref}" relies on consent without saying how to withdraw it as easily as it was given.`,
  }),
  *check(register) {
    for (const { activity, basis, path, purpose } of bases(register, "6.1.a")) {
      if (!basis.consent?.withdrawal) {
        yield { path: `${path}.consent.withdrawal`, params: { ref: activity.ref, purpose } };
      }
    }
  },
});

export const legitimateInterestMissing = defineRule<PurposeParams>({
  code: "BASIS-LEGITIMATE-INTEREST-MISSING",
  severity: "error",
  article: "Art. 6(1)(f); Art. 13(1)(d)",
  title: { fr: "Intérêt légitime non précisé", en: "Legitimate interest not stated" },
  message: (p) => ({
    fr: `La finalité n° ${p.purpose + 1} de l'activité « ${p.ref} » invoque l'intérêt légitime sans dire quel intérêt est poursuivi.`,
    en: `Purpose no. ${p.purpose + 1} of activity "${p.ref}" relies on legitimate interests without stating the interest pursued.`,
  }),
  *check(register) {
    for (const { activity, basis, path, purpose } of bases(register, "6.1.f")) {
      if (!basis.legitimateInterest) {
        yield { path: `${path}.legitimateInterest`, params: { ref: activity.ref, purpose } };
      }
    }
  },
});

export const legalReferenceMissing = defineRule<PurposeParams & { basis: string }>({
  code: "BASIS-LEGAL-REFERENCE-MISSING",
  severity: "warning",
  article: "Art. 6(3)",
  title: { fr: "Texte fondant le traitement non cité", en: "Legal text not cited" },
  message: (p) => ({
    fr: `La finalité n° ${p.purpose + 1} de l'activité « ${p.ref} » repose sur la base ${p.basis} sans citer le texte qui l'impose ou la confère.`,
    en: `Purpose no. ${p.purpose + 1} of activity "${p.ref}" relies on basis ${p.basis} without citing the law that imposes or grants it.`,
  }),
  *check(register) {
    for (const { activity, basis, path, purpose } of bases(register)) {
      // Art. 6(3): a legal obligation or public task is laid down by Union or Member State law: name it.
      if ((basis.code === "6.1.c" || basis.code === "6.1.e") && !basis.legalReference) {
        yield { path: `${path}.legalReference`, params: { ref: activity.ref, purpose, basis: basis.code } };
      }
    }
  },
});

export const LEGAL_BASIS_RULES = [
  basisMissing,
  consentCollectionMissing,
  consentWithdrawalMissing,
  legitimateInterestMissing,
  legalReferenceMissing,
];
