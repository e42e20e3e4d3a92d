import type { Lang } from "../../documents/document-model.ts";
import type { RequestType } from "../model/request.schema.ts";

function lower(text: string): string {
  return `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

/** "de Julie Desk", "d'Agence Moiré": French elides "de" before a vowel sound. */
function de(name: string): string {
  return /^[aeiouyàâäéèêëîïôöùûüœAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŒ]/.test(name) ? `d'${name}` : `de ${name}`;
}

/**
 * The words of the answer letters and notices, in French and English. The sentences that state the law (what
 * each right gives, the deadlines, the remedies) cite their article; English must have every key French has.
 */
const fr = {
  title: (right: string) => `Réponse à votre demande : ${lower(right)}`,
  from: "Organisme",
  to: "Destinataire",
  reference: "Référence de la demande",
  receivedOn: "Date de réception de la demande",
  subject: "Objet",
  letterDate: "Date de la réponse",
  rightsContact: "Contact pour l'exercice des droits",
  dpo: "Délégué à la protection des données (DPO)",
  privacyContact: "Contact pour la protection des données",
  greeting: (name?: string) => (name ? `Bonjour ${name},` : "Madame, Monsieur,"),
  intro: (date: string, right: string, article: string) =>
    `Nous avons reçu le ${date} votre demande (${lower(right)}, ${article} du RGPD). Voici notre réponse.`,
  decision: "Notre décision",
  granted: "Nous avons fait droit à votre demande.",
  partly: "Nous avons fait droit à votre demande en partie.",
  partlyDone: "Ce que nous avons fait :",
  partlyNotDone: "Ce que nous n'avons pas fait, et pourquoi :",
  refused: "Nous ne pouvons pas faire droit à votre demande, pour les raisons suivantes :",
  noAction: "Nous ne donnerons pas suite à votre demande (art. 12.4 du RGPD), pour les raisons suivantes :",
  noActionDeadline:
    "Conformément à l'article 12.4 du RGPD, nous vous informons de cette décision et de ses motifs au plus tard dans le délai d'un mois à compter de la réception de votre demande.",
  reasonsMissing: "motifs à préciser avant l'envoi",
  forActivity: (name: string) => `Pour le traitement « ${name} » : `,
  done: {
    access:
      "Vous trouverez ci-dessous les informations prévues par l'article 15.1 du RGPD sur les traitements qui vous concernent.",
    rectification:
      "Vos données ont été rectifiées ou complétées comme vous l'avez demandé (art. 16 du RGPD). Nous avons informé de cette rectification chaque destinataire à qui elles avaient été communiquées, sauf si cela se révèle impossible ou exige des efforts disproportionnés ; nous vous indiquons ces destinataires si vous le demandez (art. 19).",
    erasure:
      "Vos données ont été effacées (art. 17 du RGPD). Nous avons informé de cet effacement chaque destinataire à qui elles avaient été communiquées, sauf si cela se révèle impossible ou exige des efforts disproportionnés ; nous vous indiquons ces destinataires si vous le demandez (art. 19).",
    restriction:
      "Le traitement de vos données est limité : elles sont conservées mais ne sont plus utilisées, sauf avec votre consentement, pour un droit en justice, pour protéger les droits d'une autre personne ou pour un motif important d'intérêt public (art. 18.2 du RGPD). Nous vous informerons avant de lever cette limitation (art. 18.3) et avons informé les destinataires de vos données (art. 19).",
    objection:
      "Vos données ne sont plus traitées pour les finalités auxquelles vous vous êtes opposé (art. 21 du RGPD).",
    portability:
      "Vos données sont mises à votre disposition dans un format structuré, couramment utilisé et lisible par machine (JSON et CSV), par le lien ci-dessous (art. 20.1 du RGPD). Vous pouvez les transmettre à un autre responsable du traitement ; sur demande, nous les lui transmettons directement lorsque c'est techniquement possible (art. 20.2).",
    consent_withdrawal:
      "Votre retrait du consentement est enregistré : nous avons cessé les traitements fondés sur ce consentement. Le retrait ne remet pas en cause la licéité du traitement effectué avant lui (art. 7.3 du RGPD).",
    automated_decision_review:
      "Une personne de notre organisme a réexaminé la décision prise à votre égard, en tenant compte du point de vue que vous avez exprimé (art. 22.3 du RGPD). Vous pouvez toujours contester cette décision.",
  } satisfies Record<RequestType, string>,
  applicability: "Votre droit, traitement par traitement",
  applicabilityIntro:
    "Le RGPD n'ouvre pas les mêmes droits selon la base légale de chaque traitement. Pour chaque traitement concerné par votre demande, voici si votre droit s'applique, et pourquoi.",
  status: {
    applies: "Votre droit s'applique.",
    limited: "Votre droit s'applique en partie.",
    does_not_apply: "Votre droit ne s'applique pas à ce traitement.",
    undetermined: "Notre registre ne permet pas de trancher : votre demande a été examinée au cas par cas.",
  },
  unknownActivities: (refs: string) =>
    `Les traitements suivants, cités par votre demande, ne figurent pas dans notre registre : ${refs}.`,
  noActivities: "Aucun traitement en vigueur de notre registre n'est concerné par votre demande.",
  accessTitle: "Informations sur le traitement de vos données (art. 15.1 du RGPD)",
  accessIntro:
    "Nous traitons des données vous concernant dans les traitements ci-dessous. Pour chacun, voici ce que prévoit l'article 15 du RGPD.",
  purposes: "Finalités et bases légales (art. 15.1.a)",
  categories: "Catégories de données concernées (art. 15.1.b)",
  recipients: "Destinataires (art. 15.1.c)",
  transfers: "Transferts hors de l'Espace économique européen et garanties (art. 15.2)",
  transfersCaption: (name: string) => `Transferts hors de l'Espace économique européen : ${name}`,
  retention: "Durée de conservation (art. 15.1.d)",
  source: "Source des données (art. 15.1.g)",
  sourceFromYou: "Les données sont collectées auprès de vous.",
  sourceUnstated: (names: string) => `Le registre n'indique pas la source de : ${names}.`,
  automated: "Décision automatisée et logique sous-jacente (art. 15.1.h)",
  automatedNone: "Aucune décision fondée exclusivement sur un traitement automatisé, aucun profilage.",
  automatedLogicMissing: "la logique sous-jacente n'est pas décrite dans le registre",
  automatedConsequences: "Importance et conséquences prévues pour vous",
  rights: "Vos droits (art. 15.1.e et f)",
  rightsIntro: "Sur les traitements ci-dessus, vous disposez des droits suivants :",
  copy: "Copie de vos données (art. 15.3)",
  portabilityCopy: "Vos données dans un format portable (art. 20)",
  concerned: (names: string) => `Traitements concernés : ${names}.`,
  packageLink: (date: string) =>
    `Vos données sont à télécharger jusqu'au ${date} (fichier ZIP : vos données aux formats JSON et CSV, et une copie lisible au format HTML), à l'adresse suivante : `,
  packageSafety:
    "Ce lien vous est personnel et expire ; pour votre sécurité, vos données ne sont jamais jointes à un courriel.",
  packagePending: "le lien de téléchargement est ajouté à l'envoi de la réponse",
  packageEnclosed:
    "Vos données figurent dans ce paquet : dans les fichiers JSON et CSV de l'archive, et dans la section « Vos données » ci-dessous.",
  noPackage:
    "Aucune donnée n'a été jointe à cette réponse. Si vous souhaitez une copie de vos données, écrivez-nous en rappelant la référence de votre demande.",
  staffNote: "Précisions de notre équipe",
  remedies: "Vos voies de recours",
  complaint:
    "Si vous estimez que vos droits ne sont pas respectés, vous pouvez introduire une réclamation auprès de l'autorité de contrôle (art. 77 du RGPD) : ",
  judicial:
    "Vous pouvez également former un recours juridictionnel effectif (art. 79 du RGPD) devant les juridictions de l'État membre où nous avons un établissement ou de celui où vous résidez habituellement, sans préjudice d'une réclamation auprès de l'autorité de contrôle.",
  contact: "Nous contacter",
  contactIntro: (reference: string) =>
    `Pour toute question sur cette réponse, écrivez-nous en rappelant la référence ${reference} : `,
  closing: (name?: string) =>
    `Nous vous prions d'agréer, ${name ? "" : "Madame, Monsieur, "}l'expression de nos salutations distinguées.`,
  signedDpo: (org: string) => `Le délégué à la protection des données ${de(org)}`,
  signedTeam: (org: string) => `L'équipe protection des données ${de(org)}`,
  mailSubject: (reference: string) => `Réponse à votre demande ${reference}`,
  // Art. 12(3) extension notice
  extensionSubject: (reference: string) => `Prolongation du délai de réponse à votre demande ${reference}`,
  extensionTitle: "Prolongation du délai de réponse à votre demande",
  extensionIntro: (date: string, right: string, article: string, reference: string) =>
    `Nous avons reçu le ${date} votre demande (${lower(right)}, ${article} du RGPD ; référence ${reference}).`,
  extensionLaw: (months: number) =>
    `Le RGPD nous donne un mois pour y répondre. Ce délai peut être prolongé de deux mois au plus, compte tenu de la complexité et du nombre de demandes, à condition de vous en informer dans le premier mois avec les motifs de la prolongation (art. 12.3 du RGPD). Nous prolongeons ce délai de ${months} mois, pour la raison suivante :`,
  extensionNewDate: (date: string) => `Nous vous répondrons au plus tard le ${date}.`,
  extensionDates: "Dates",
  originalDue: "Échéance initiale",
  newDue: "Nouvelle échéance",
};

export type LetterLabels = typeof fr;

const en: LetterLabels = {
  title: (right: string) => `Answer to your request: ${lower(right)}`,
  from: "Organisation",
  to: "Addressee",
  reference: "Request reference",
  receivedOn: "Request received on",
  subject: "Subject",
  letterDate: "Date of this answer",
  rightsContact: "Contact for exercising your rights",
  dpo: "Data protection officer (DPO)",
  privacyContact: "Data protection contact",
  greeting: (name?: string) => (name ? `Dear ${name},` : "Dear Sir or Madam,"),
  intro: (date: string, right: string, article: string) =>
    `We received your request (${lower(right)}, GDPR ${article}) on ${date}. Here is our answer.`,
  decision: "Our decision",
  granted: "We have granted your request.",
  partly: "We have granted your request in part.",
  partlyDone: "What we did:",
  partlyNotDone: "What we did not do, and why:",
  refused: "We cannot grant your request, for the following reasons:",
  noAction: "We will take no action on your request (GDPR Art. 12(4)), for the following reasons:",
  noActionDeadline:
    "As GDPR Art. 12(4) requires, we inform you of this decision and its reasons at the latest within one month of receiving your request.",
  reasonsMissing: "reasons to be given before sending",
  forActivity: (name: string) => `For the processing activity "${name}": `,
  done: {
    access:
      "Below is the information GDPR Art. 15(1) gives you about the processing activities that concern you.",
    rectification:
      "Your data has been rectified or completed as you asked (GDPR Art. 16). We have told each recipient to whom it had been disclosed, unless this proves impossible or involves disproportionate effort; we will tell you who they are if you ask (Art. 19).",
    erasure:
      "Your data has been erased (GDPR Art. 17). We have told each recipient to whom it had been disclosed, unless this proves impossible or involves disproportionate effort; we will tell you who they are if you ask (Art. 19).",
    restriction:
      "The processing of your data is restricted: it is kept but no longer used, except with your consent, for legal claims, to protect another person's rights or for important reasons of public interest (GDPR Art. 18(2)). We will tell you before lifting the restriction (Art. 18(3)) and have told the recipients of your data (Art. 19).",
    objection: "Your data is no longer processed for the purposes you objected to (GDPR Art. 21).",
    portability:
      "Your data is available to you in a structured, commonly used and machine-readable format (JSON and CSV), through the link below (GDPR Art. 20(1)). You may pass it on to another controller; on request, we send it to them directly where technically feasible (Art. 20(2)).",
    consent_withdrawal:
      "Your withdrawal of consent is recorded: we have stopped the processing based on that consent. Withdrawal does not affect the lawfulness of processing carried out before it (GDPR Art. 7(3)).",
    automated_decision_review:
      "A person in our organisation has reviewed the decision taken about you, taking into account the point of view you expressed (GDPR Art. 22(3)). You may still contest this decision.",
  },
  applicability: "Your right, processing activity by processing activity",
  applicabilityIntro:
    "The GDPR does not give the same rights for every legal basis. For each processing activity your request concerns, here is whether your right applies, and why.",
  status: {
    applies: "Your right applies.",
    limited: "Your right applies in part.",
    does_not_apply: "Your right does not apply to this processing activity.",
    undetermined: "Our register does not settle it: your request was examined case by case.",
  },
  unknownActivities: (refs: string) =>
    `The following processing activities named in your request are not in our register: ${refs}.`,
  noActivities: "No active processing activity of our register is concerned by your request.",
  accessTitle: "Information on the processing of your data (GDPR Art. 15(1))",
  accessIntro:
    "We process data about you in the processing activities below. For each, here is what GDPR Art. 15 provides for.",
  purposes: "Purposes and legal bases (Art. 15(1)(a))",
  categories: "Categories of personal data concerned (Art. 15(1)(b))",
  recipients: "Recipients (Art. 15(1)(c))",
  transfers: "Transfers outside the European Economic Area and safeguards (Art. 15(2))",
  transfersCaption: (name: string) => `Transfers outside the European Economic Area: ${name}`,
  retention: "Retention period (Art. 15(1)(d))",
  source: "Source of the data (Art. 15(1)(g))",
  sourceFromYou: "The data is collected from you.",
  sourceUnstated: (names: string) => `The register does not state the source of: ${names}.`,
  automated: "Automated decision-making and the logic involved (Art. 15(1)(h))",
  automatedNone: "No decision based solely on automated processing, no profiling.",
  automatedLogicMissing: "the logic involved is not described in the register",
  automatedConsequences: "Significance and envisaged consequences for you",
  rights: "Your rights (Art. 15(1)(e) and (f))",
  rightsIntro: "Over the processing activities above, you have the following rights:",
  copy: "Copy of your data (Art. 15(3))",
  portabilityCopy: "Your data in a portable format (Art. 20)",
  concerned: (names: string) => `Processing activities concerned: ${names}.`,
  packageLink: (date: string) =>
    `Your data can be downloaded until ${date} (a ZIP file: your data in JSON and CSV, and a readable HTML copy) at the following address: `,
  packageSafety:
    "This link is personal to you and expires; for your safety, your data is never attached to an e-mail.",
  packagePending: "the download link is added when the answer is sent",
  packageEnclosed:
    "Your data is in this package: in the JSON and CSV files of the archive, and in the “Your data” section below.",
  noPackage:
    "No data is attached to this answer. If you would like a copy of your data, write to us quoting the reference of your request.",
  staffNote: "Further information from our team",
  remedies: "Your remedies",
  complaint:
    "If you consider that your rights have not been respected, you may lodge a complaint with the supervisory authority (GDPR Art. 77): ",
  judicial:
    "You may also seek an effective judicial remedy (GDPR Art. 79) before the courts of the Member State where we have an establishment or where you habitually reside, without prejudice to a complaint to the supervisory authority.",
  contact: "Contact us",
  contactIntro: (reference: string) =>
    `For any question about this answer, write to us quoting the reference ${reference}: `,
  closing: (name?: string) => (name ? "Yours sincerely," : "Yours faithfully,"),
  signedDpo: (org: string) => `The data protection officer of ${org}`,
  signedTeam: (org: string) => `The data protection team of ${org}`,
  mailSubject: (reference: string) => `Answer to your request ${reference}`,
  extensionSubject: (reference: string) => `Extension of the time to answer your request ${reference}`,
  extensionTitle: "Extension of the time to answer your request",
  extensionIntro: (date: string, right: string, article: string, reference: string) =>
    `We received your request (${lower(right)}, GDPR ${article}; reference ${reference}) on ${date}.`,
  extensionLaw: (months: number) =>
    `The GDPR gives us one month to answer it. That period may be extended by two further months at most, given the complexity and number of requests, provided we tell you within the first month with the reasons for the delay (GDPR Art. 12(3)). We are extending it by ${months} ${months === 1 ? "month" : "months"}, for the following reason:`,
  extensionNewDate: (date: string) => `We will answer you by ${date} at the latest.`,
  extensionDates: "Dates",
  originalDue: "Original due date",
  newDue: "New due date",
};

const LABELS: Record<Lang, LetterLabels> = { fr, en };

export function letterLabelsFor(lang: Lang): LetterLabels {
  return LABELS[lang];
}

/** "Art. 7(3)" in French typography: "art. 7.3" (the form French texts and the CNIL use). */
export function articleIn(article: string, lang: Lang): string {
  if (lang === "en") return article;
  return article.replace(/^Art\./, "art.").replace(/\((\w+)\)/g, ".$1");
}
