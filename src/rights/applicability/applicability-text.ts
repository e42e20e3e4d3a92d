/**
 * The sentences that explain why a right applies or not, in French and English. Each cites the article the
 * rule comes from: a letter that says "this right does not apply" must say why, and on what text.
 */
import type { Localized } from "../../errors/app-error.ts";
import type { LegalBasis, Purpose } from "../../register/model/activity.schema.ts";
import type { I18nText } from "../../register/model/common.schema.ts";
import { LEGAL_BASES, type LegalBasisCode } from "../../register/model/vocabulary.ts";

type Pair = Localized;

function pick(text: I18nText, lang: "fr" | "en"): string {
  return (lang === "fr" ? (text.fr ?? text.en) : (text.en ?? text.fr)) ?? "";
}

/** A purpose's first sentence, or its first words: enough to name it in a letter without quoting a page. */
function shorten(text: string): string {
  // A sentence ends at a stop followed by a capital (not at "ex. :" or "concernant : les contrats").
  const sentence = /^(.{8,140}?)[.;:](?=\s+[A-ZÀ-ÖØ-Þ«"“]|\s*$)/u.exec(text)?.[1];
  if (sentence) return sentence.trim();
  if (text.length <= 140) return text.trim();
  const cut = text.slice(0, 130);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 60 ? cut.lastIndexOf(" ") : 130).trim()}…`;
}

/** The text that imposes a legal obligation or grants a public task, when the register names it. */
function withReference(basis: LegalBasis): Pair {
  const ref = basis.legalReference ? ` (${basis.legalReference})` : "";
  return { fr: ref, en: ref };
}

/** « Envoyer des newsletters » / "Sending newsletters": a purpose's short name in both languages. */
export function purposeName(purpose: Pick<Purpose, "description">): Pair {
  return {
    fr: `« ${shorten(pick(purpose.description, "fr"))} »`,
    en: `"${shorten(pick(purpose.description, "en"))}"`,
  };
}

/** The purposes a sentence is about: "La finalité « A »" / "Les finalités « A » et « B »". */
export type Subject = { fr: string; en: string; plural: boolean };

function joinPair(items: readonly string[], and: string): string {
  if (items.length < 2) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${and} ${items.at(-1)}`;
}

export function purposesSubject(names: readonly Pair[]): Subject {
  const plural = names.length > 1;
  return {
    fr: `${plural ? "Les finalités" : "La finalité"} ${joinPair(
      names.map((n) => n.fr),
      "et",
    )}`,
    en: `The ${plural ? "purposes" : "purpose"} ${joinPair(
      names.map((n) => n.en),
      "and",
    )}`,
    plural,
  };
}

const BASIS_PHRASES: Readonly<Record<LegalBasisCode, Pair>> = {
  "6.1.a": { fr: "le consentement", en: "consent" },
  "6.1.b": { fr: "l'exécution d'un contrat ou de mesures précontractuelles", en: "a contract" },
  "6.1.c": { fr: "une obligation légale", en: "a legal obligation" },
  "6.1.d": { fr: "la sauvegarde des intérêts vitaux", en: "vital interests" },
  "6.1.e": { fr: "une mission d'intérêt public", en: "a public task" },
  "6.1.f": { fr: "l'intérêt légitime", en: "legitimate interests" },
};

/** "le consentement (art. 6.1.a du RGPD)" / "consent (GDPR Art. 6(1)(a))". */
export function basisName(code: LegalBasisCode): Pair {
  const phrase = BASIS_PHRASES[code];
  return {
    fr: `${phrase.fr} (art. ${code} du RGPD)`,
    en: `${phrase.en} (GDPR ${LEGAL_BASES[code].article})`,
  };
}

/** French and English verbs agreeing with a subject: verb(s, ["repose", "reposent"], ["rests", "rest"]). */
function verb(s: Subject, fr: readonly [string, string], en: readonly [string, string]): Pair {
  return { fr: fr[s.plural ? 1 : 0]!, en: en[s.plural ? 1 : 0]! };
}

export const TEXT = {
  accessAlways: {
    fr: "Le droit d'accès s'applique quelle que soit la base légale du traitement (art. 15 du RGPD).",
    en: "The right of access applies whatever the legal basis of the processing (GDPR Art. 15).",
  },
  rectificationAlways: {
    fr: "Le droit de rectification s'applique quelle que soit la base légale : des données inexactes sont corrigées, des données incomplètes complétées (art. 16 du RGPD).",
    en: "The right to rectification applies whatever the legal basis: inaccurate data is corrected, incomplete data completed (GDPR Art. 16).",
  },
  restrictionAlways: {
    fr: "Le droit à la limitation s'applique quelle que soit la base légale, dans les cas prévus par l'article 18.1 du RGPD : exactitude contestée, traitement illicite, données nécessaires à la personne pour un droit en justice, opposition en cours d'examen.",
    en: "The right to restriction applies whatever the legal basis, in the cases of GDPR Art. 18(1): accuracy contested, unlawful processing, data the person needs for legal claims, objection being examined.",
  },
  erasureGrounds: {
    fr: "Le droit à l'effacement s'applique dans les cas prévus par l'article 17.1 du RGPD : données plus nécessaires, consentement retiré, opposition accueillie, traitement illicite, obligation légale d'effacer.",
    en: "The right to erasure applies in the cases of GDPR Art. 17(1): data no longer needed, consent withdrawn, objection upheld, unlawful processing, legal obligation to erase.",
  },
  erasureLegalObligation: (s: Subject, basis: LegalBasis) => {
    const v = verb(s, ["repose", "reposent"], ["rests", "rest"]);
    return {
      fr: `${s.fr} ${v.fr} sur une obligation légale${withReference(basis).fr} : l'effacement ne s'applique pas tant que le traitement est nécessaire pour la respecter (art. 17.3.b du RGPD).`,
      en: `${s.en} ${v.en} on a legal obligation${withReference(basis).en}: erasure does not apply while the processing is necessary to comply with it (GDPR Art. 17(3)(b)).`,
    };
  },
  erasurePublicTask: (s: Subject, basis: LegalBasis) => {
    const v = verb(s, ["relève", "relèvent"], ["is", "are"]);
    return {
      fr: `${s.fr} ${v.fr} d'une mission d'intérêt public ou de l'autorité publique${withReference(basis).fr} : l'effacement ne s'applique pas tant que le traitement y est nécessaire (art. 17.3.b du RGPD).`,
      en: `${s.en} ${v.en} carried out in the public interest or in the exercise of official authority${withReference(basis).en}: erasure does not apply while the processing is necessary for it (GDPR Art. 17(3)(b)).`,
    };
  },
  erasureKeptByLaw: (data: Pair, period: Pair, reference: string) => ({
    fr: `${data.fr} : conservation imposée par ${reference} (${period.fr}) ; ces données ne peuvent pas être effacées avant la fin de cette durée (art. 17.3.b du RGPD).`,
    en: `${data.en}: retention required by ${reference} (${period.en}); this data cannot be erased before that period ends (GDPR Art. 17(3)(b)).`,
  }),
  erasureSensitive: {
    "17.3.c": {
      fr: "Des données de santé y sont traitées pour des motifs d'intérêt public dans le domaine de la santé publique ou de soins : l'effacement peut être écarté dans cette mesure (art. 17.3.c du RGPD).",
      en: "Health data is processed there for reasons of public interest in public health or for care: erasure may be set aside to that extent (GDPR Art. 17(3)(c)).",
    },
    "17.3.d": {
      fr: "Des données y sont traitées à des fins d'archivage dans l'intérêt public, de recherche ou de statistiques : l'effacement peut être écarté s'il rendait ces fins impossibles (art. 17.3.d du RGPD).",
      en: "Data is processed there for archiving in the public interest, research or statistics: erasure may be set aside where it would make those purposes impossible (GDPR Art. 17(3)(d)).",
    },
    "17.3.e": {
      fr: "Des données y sont traitées pour la constatation, l'exercice ou la défense de droits en justice : l'effacement ne s'applique pas dans cette mesure (art. 17.3.e du RGPD).",
      en: "Data is processed there for the establishment, exercise or defence of legal claims: erasure does not apply to that extent (GDPR Art. 17(3)(e)).",
    },
  },
  objectionMarketing: (s: Subject) => {
    const v = verb(s, ["relève", "relèvent"], ["is", "are"]);
    return {
      fr: `${s.fr} ${v.fr} de la prospection : vous pouvez vous y opposer à tout moment, sans avoir à vous justifier, et vos données ne sont alors plus traitées à cette fin (art. 21.2 et 21.3 du RGPD).`,
      en: `${s.en} ${v.en} direct marketing: you may object at any time, without giving reasons, and your data is then no longer processed for ${s.plural ? "them" : "it"} (GDPR Art. 21(2) and 21(3)).`,
    };
  },
  objectionCovered: (s: Subject, code: "6.1.e" | "6.1.f") => {
    const v = verb(s, ["repose", "reposent"], ["rests", "rest"]);
    return {
      fr: `${s.fr} ${v.fr} sur ${basisName(code).fr} : vous pouvez vous y opposer pour des raisons tenant à votre situation particulière ; le traitement cesse, sauf motifs légitimes et impérieux qui prévalent ou pour un droit en justice (art. 21.1 du RGPD).`,
      en: `${s.en} ${v.en} on ${basisName(code).en}: you may object on grounds relating to your particular situation; processing stops unless there are compelling legitimate grounds that override them, or for legal claims (GDPR Art. 21(1)).`,
    };
  },
  objectionNotCovered: (s: Subject, code: LegalBasisCode) => {
    const v = verb(s, ["repose", "reposent"], ["rests", "rest"]);
    return {
      fr: `${s.fr} ${v.fr} sur ${basisName(code).fr} : le droit d'opposition de l'article 21.1 du RGPD ne vise que les traitements fondés sur une mission d'intérêt public ou sur l'intérêt légitime (art. 6.1.e et 6.1.f).${code === "6.1.a" ? " Vous pouvez en revanche retirer votre consentement à tout moment (art. 7.3)." : ""}`,
      en: `${s.en} ${v.en} on ${basisName(code).en}: the right to object of GDPR Art. 21(1) only covers processing based on a public task or legitimate interests (Art. 6(1)(e) and (f)).${code === "6.1.a" ? " You may, however, withdraw your consent at any time (Art. 7(3))." : ""}`,
    };
  },
  portabilityCovered: (s: Subject, code: "6.1.a" | "6.1.b") => {
    const v = verb(s, ["repose", "reposent"], ["rests", "rest"]);
    return {
      fr: `${s.fr} ${v.fr} sur ${basisName(code).fr} et le traitement est automatisé : vous pouvez recevoir les données que vous avez fournies dans un format structuré, couramment utilisé et lisible par machine (art. 20.1 du RGPD).`,
      en: `${s.en} ${v.en} on ${basisName(code).en} and the processing is automated: you may receive the data you provided in a structured, commonly used and machine-readable format (GDPR Art. 20(1)).`,
    };
  },
  portabilityExplicitConsent: {
    fr: "Des données sensibles y sont traitées avec votre consentement explicite (art. 9.2.a) : elles entrent dans la portabilité (art. 20.1.a du RGPD).",
    en: "Sensitive data is processed there with your explicit consent (Art. 9(2)(a)): it is covered by portability (GDPR Art. 20(1)(a)).",
  },
  portabilityNotCovered: (s: Subject, code: LegalBasisCode) => {
    const v = verb(s, ["repose", "reposent"], ["rests", "rest"]);
    return {
      fr: `${s.fr} ${v.fr} sur ${basisName(code).fr} : le droit à la portabilité ne vise que les traitements automatisés fondés sur le consentement ou sur un contrat (art. 20.1 du RGPD).${code === "6.1.e" ? " Il ne s'applique pas à un traitement nécessaire à une mission d'intérêt public (art. 20.3)." : ""}`,
      en: `${s.en} ${v.en} on ${basisName(code).en}: the right to data portability only covers automated processing based on consent or a contract (GDPR Art. 20(1)).${code === "6.1.e" ? " It does not apply to processing necessary for a task carried out in the public interest (Art. 20(3))." : ""}`,
    };
  },
  portabilityNotProvided: (data: Pair) => ({
    fr: `${data.fr} : ces données ne sont pas fournies par vous mais obtenues d'une autre source ; la portabilité ne porte que sur les données que vous avez fournies (art. 20.1 du RGPD).`,
    en: `${data.en}: this data is not provided by you but obtained from another source; portability only covers the data you provided (GDPR Art. 20(1)).`,
  }),
  consentCovered: (s: Subject, how?: Pair) => {
    const v = verb(s, ["repose", "reposent"], ["rests", "rest"]);
    return {
      fr: `${s.fr} ${v.fr} sur votre consentement : vous pouvez le retirer à tout moment, aussi simplement que vous l'avez donné ; le retrait ne remet pas en cause la licéité du traitement antérieur (art. 7.3 du RGPD).${how ? ` Modalités de retrait : ${how.fr}` : ""}`,
      en: `${s.en} ${v.en} on your consent: you may withdraw it at any time, as easily as you gave it; withdrawal does not affect the lawfulness of earlier processing (GDPR Art. 7(3)).${how ? ` How to withdraw: ${how.en}` : ""}`,
    };
  },
  consentExplicit: {
    fr: "Des données sensibles y sont traitées avec votre consentement explicite (art. 9.2.a) : vous pouvez le retirer à tout moment (art. 7.3 du RGPD).",
    en: "Sensitive data is processed there with your explicit consent (Art. 9(2)(a)): you may withdraw it at any time (GDPR Art. 7(3)).",
  },
  consentNotCovered: (s: Subject, code: LegalBasisCode) => {
    const v = verb(s, ["repose", "reposent"], ["does", "do"]);
    return {
      fr: `${s.fr} ne ${v.fr} pas sur votre consentement mais sur ${basisName(code).fr} : il n'y a pas de consentement à retirer (art. 7.3 du RGPD), et retirer un consentement n'arrête pas un traitement fondé sur une autre base.`,
      en: `${s.en} ${v.en} not rest on your consent but on ${basisName(code).en}: there is no consent to withdraw (GDPR Art. 7(3)), and withdrawing consent does not stop processing based on another basis.`,
    };
  },
  basisMissing: (s: Subject, article: string) => ({
    fr: `Le registre n'indique pas la base légale ${s.plural ? "des finalités" : "de la finalité"} ${s.fr.replace(/^(La finalité|Les finalités) /, "")} : l'application de l'${article.replace("Art.", "article")} du RGPD ne peut pas en être déduite ; elle est examinée au cas par cas.`,
    en: `The register states no legal basis for ${s.en.replace(/^The/, "the")}: whether GDPR ${article} applies cannot be deduced from it; it is examined case by case.`,
  }),
  noPurpose: (article: string) => ({
    fr: `Le registre ne décrit aucune finalité pour ce traitement : l'application de l'${article.replace("Art.", "article")} du RGPD ne peut pas en être déduite.`,
    en: `The register describes no purpose for this processing: whether GDPR ${article} applies cannot be deduced from it.`,
  }),
  automatedApplies: {
    fr: "Ce traitement comporte une décision fondée exclusivement sur un traitement automatisé : vous pouvez obtenir une intervention humaine, exprimer votre point de vue et contester la décision (art. 22.3 du RGPD).",
    en: "This processing involves a decision based solely on automated processing: you may obtain human intervention, express your point of view and contest the decision (GDPR Art. 22(3)).",
  },
  automatedEffectUnstated: {
    fr: "Le registre ne précise pas si la décision produit un effet juridique ou un effet similaire significatif ; votre demande est examinée comme si c'était le cas (art. 22.1 du RGPD).",
    en: "The register does not say whether the decision has a legal or similarly significant effect; your request is examined as if it did (GDPR Art. 22(1)).",
  },
  automatedByLaw: {
    fr: "La décision est autorisée par le droit de l'Union ou d'un État membre (art. 22.2.b) : les garanties applicables sont celles que prévoit ce droit, et non celles de l'article 22.3 du RGPD.",
    en: "The decision is authorised by Union or Member State law (Art. 22(2)(b)): the safeguards are those that law lays down, not those of GDPR Art. 22(3).",
  },
  automatedNone: {
    fr: "Le registre n'indique aucune décision fondée exclusivement sur un traitement automatisé pour ce traitement : l'article 22 du RGPD ne s'y applique pas.",
    en: "The register records no decision based solely on automated processing for this activity: GDPR Art. 22 does not apply to it.",
  },
  automatedProfilingOnly: {
    fr: "Le traitement comporte un profilage, mais aucune décision prise exclusivement sur cette base : l'intervention humaine de l'article 22.3 ne s'applique pas ; vous pouvez vous opposer au profilage dans les conditions de l'article 21.",
    en: "The processing involves profiling, but no decision taken solely on that basis: the human intervention of Art. 22(3) does not apply; you may object to the profiling under the conditions of Art. 21.",
  },
  automatedNoEffect: {
    fr: "Le registre indique que la décision automatisée ne produit ni effet juridique ni effet similaire significatif : l'article 22.1 du RGPD ne s'y applique pas.",
    en: "The register states that the automated decision has no legal or similarly significant effect: GDPR Art. 22(1) does not apply to it.",
  },
} as const;
