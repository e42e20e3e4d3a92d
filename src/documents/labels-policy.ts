import type { Lang } from "./document-model.ts";

/**
 * Words of the privacy policy and the information notice, in French and English. The sentences that state the
 * law (rights, deadlines, withdrawal of consent) are the law's, not the register's: every organisation's
 * documents say them, with the article they come from.
 */
const fr = {
  policyTitle: "Politique de confidentialité",
  policyIntro: (org: string) =>
    `Cette politique décrit les traitements de données personnelles dont ${org} est responsable, les données collectées, leurs finalités, leurs durées de conservation et la manière d'exercer vos droits (articles 13 et 14 du RGPD).`,
  collected: "Les données collectées",
  collectedIntro: "Les données sont collectées auprès des sources suivantes :",
  sourceMissing: "Source non précisée dans le registre",
  purposes: "Finalités des traitements",
  purposesCaption: "Finalités et bases légales",
  activitiesDescribed: "Description des traitements",
  processing: "Traitement",
  retention: "Durées de conservation",
  sharing: "Partage des données et sous-traitants",
  sharingCaption: "Destinataires des données",
  recipientKind: "Catégorie",
  recipientPurpose: "Objet",
  processorsUsed: "Sous-traitants auxquels nous faisons appel :",
  noThirdPartyFor: (names: string) => `Aucune donnée n'est transmise à des tiers pour : ${names}.`,
  security: "Sécurité",
  rights: "Vos droits et comment les exercer",
  rightsIntro: "Vous disposez des droits suivants sur vos données :",
  exercise: "Pour exercer vos droits, adressez-vous à :",
  contactMissing: "aucun contact pour l'exercice des droits n'est renseigné dans le registre",
  deadline:
    "Nous répondons sans retard et au plus tard dans un délai d'un mois à compter de la réception de votre demande. Ce délai peut être prolongé de deux mois compte tenu de la complexité ou du nombre de demandes ; vous en êtes alors informé dans le premier mois, avec les motifs de la prolongation (art. 12.3 du RGPD).",
  complaint: "Vous pouvez introduire une réclamation auprès de l'autorité de contrôle (art. 77 du RGPD) :",
  complaintElsewhere:
    "l'autorité de contrôle de l'État membre de votre résidence habituelle, de votre lieu de travail ou du lieu de la violation alléguée",
  consent: "Consentement et retrait du consentement",
  consentLaw:
    "Lorsqu'un traitement est fondé sur votre consentement, vous pouvez le retirer à tout moment, aussi simplement que vous l'avez donné. Le retrait ne remet pas en cause la licéité du traitement effectué avant celui-ci (art. 7.3 du RGPD).",
  noConsent: "Aucun des traitements décrits dans cette politique n'est fondé sur le consentement.",
  consentCollection: "Recueil du consentement",
  consentWithdrawal: "Retrait du consentement",
  collectionMissing: "modalités de recueil non précisées dans le registre",
  withdrawalMissing: "modalités de retrait non précisées dans le registre",
  transfers: "Transferts hors de l'Union européenne",
  transfersCaption: "Transferts de données hors de l'Espace économique européen",
  noTransferFor: (names: string) => `Aucun transfert hors de l'Espace économique européen pour : ${names}.`,
  roles: "Responsable du traitement et sous-traitant",
  controllerRole: (org: string) =>
    `${org} est responsable des traitements décrits dans cette politique : elle en détermine les finalités et les moyens.`,
  processorRole: (org: string) =>
    `${org} agit également en qualité de sous-traitant, pour le compte de ses clients, qui sont alors responsables du traitement (art. 28 du RGPD) :`,
  changes: "Modifications de la politique",
  changesGenerated: (org: string) =>
    `Cette politique est générée à partir du registre des traitements de ${org} : elle suit chacune de ses mises à jour.`,
  lastUpdate: "Date de mise à jour",
  // Rights (Art. 15 to 22, 7(3), 77)
  rightAccess:
    "Droit d'accès (art. 15) : obtenir la confirmation que vos données sont traitées et en recevoir une copie.",
  rightRectification:
    "Droit de rectification (art. 16) : faire corriger des données inexactes ou compléter des données incomplètes.",
  rightErasure:
    "Droit à l'effacement, ou droit à l'oubli (art. 17) : obtenir la suppression de vos données dans les cas prévus par le RGPD.",
  rightRestriction:
    "Droit à la limitation du traitement (art. 18) : faire suspendre l'utilisation de vos données, par exemple le temps d'une vérification.",
  rightObjection:
    "Droit d'opposition (art. 21) : vous opposer à un traitement fondé sur l'intérêt légitime ou une mission d'intérêt public, et à tout moment à la prospection.",
  rightPortability:
    "Droit à la portabilité (art. 20) : recevoir les données que vous avez fournies dans un format structuré, couramment utilisé et lisible par machine, lorsque le traitement est fondé sur votre consentement ou sur un contrat.",
  rightWithdraw: "Droit de retirer votre consentement à tout moment (art. 7.3).",
  rightAutomated:
    "Droit de ne pas faire l'objet d'une décision fondée exclusivement sur un traitement automatisé (art. 22) : obtenir une intervention humaine, exprimer votre point de vue et contester la décision.",
  rightComplaint: "Droit d'introduire une réclamation auprès d'une autorité de contrôle (art. 77).",
  rightsShort:
    "Vous disposez d'un droit d'accès, de rectification, d'effacement, de limitation, d'opposition et de portabilité de vos données, ainsi que du droit d'introduire une réclamation auprès de l'autorité de contrôle.",
  // Information notice
  noticeTitle: "Information sur le traitement de vos données personnelles",
  noticeLongTitle: (name: string) => `Information sur le traitement de vos données : ${name}`,
  policyLinkText: (org: string) => `Consulter la politique de confidentialité de ${org}`,
  policyLinkMissing: "adresse de la politique de confidentialité non renseignée",
  noticeContact: "Pour toute requête concernant le traitement de vos données, vous pouvez vous adresser à",
  whatNotToSend: "Données à ne pas transmettre",
  policy: "Politique de confidentialité",
  contact: "Contact",
  authority: "Autorité de contrôle (réclamation, art. 77)",
  yourRights: "Vos droits",
};

export type PolicyLabels = typeof fr;

const en: PolicyLabels = {
  policyTitle: "Privacy policy",
  policyIntro: (org: string) =>
    `This policy describes the processing of personal data for which ${org} is the controller, the data collected, its purposes, how long it is kept, and how to exercise your rights (GDPR Articles 13 and 14).`,
  collected: "The data we collect",
  collectedIntro: "The data is collected from the following sources:",
  sourceMissing: "Source not stated in the register",
  purposes: "Purposes of the processing",
  purposesCaption: "Purposes and legal bases",
  activitiesDescribed: "The processing activities",
  processing: "Processing activity",
  retention: "Retention periods",
  sharing: "Sharing of data and processors",
  sharingCaption: "Recipients of the data",
  recipientKind: "Category",
  recipientPurpose: "Purpose",
  processorsUsed: "Processors we use:",
  noThirdPartyFor: (names: string) => `No data is passed to third parties for: ${names}.`,
  security: "Security",
  rights: "Your rights and how to exercise them",
  rightsIntro: "You have the following rights over your data:",
  exercise: "To exercise your rights, contact:",
  contactMissing: "no contact for exercising rights is stated in the register",
  deadline:
    "We answer without undue delay and at the latest within one month of receiving your request. This may be extended by two further months given the complexity or number of requests; you are then told within the first month, with the reasons for the delay (GDPR Art. 12(3)).",
  complaint: "You may lodge a complaint with the supervisory authority (GDPR Art. 77):",
  complaintElsewhere:
    "the supervisory authority of the Member State of your habitual residence, place of work or place of the alleged infringement",
  consent: "Consent and its withdrawal",
  consentLaw:
    "Where processing is based on your consent, you may withdraw it at any time, as easily as you gave it. Withdrawal does not affect the lawfulness of processing carried out before it (GDPR Art. 7(3)).",
  noConsent: "None of the processing activities described in this policy is based on consent.",
  consentCollection: "How consent is collected",
  consentWithdrawal: "How consent is withdrawn",
  collectionMissing: "how consent is collected is not stated in the register",
  withdrawalMissing: "how consent is withdrawn is not stated in the register",
  transfers: "Transfers outside the European Union",
  transfersCaption: "Transfers of data outside the European Economic Area",
  noTransferFor: (names: string) => `No transfer outside the European Economic Area for: ${names}.`,
  roles: "Controller and processor",
  controllerRole: (org: string) =>
    `${org} is the controller of the processing described in this policy: it determines its purposes and means.`,
  processorRole: (org: string) =>
    `${org} also acts as a processor, on behalf of its clients, who are then the controllers (GDPR Art. 28):`,
  changes: "Changes to this policy",
  changesGenerated: (org: string) =>
    `This policy is generated from ${org}'s register of processing activities and follows each of its updates.`,
  lastUpdate: "Last updated",
  rightAccess: "Right of access (Art. 15): to know whether your data is processed and receive a copy of it.",
  rightRectification:
    "Right to rectification (Art. 16): to have inaccurate data corrected or incomplete data completed.",
  rightErasure:
    "Right to erasure, or right to be forgotten (Art. 17): to have your data deleted in the cases the GDPR provides.",
  rightRestriction:
    "Right to restriction of processing (Art. 18): to have the use of your data suspended, for example while it is checked.",
  rightObjection:
    "Right to object (Art. 21): to processing based on legitimate interests or a public task, and at any time to direct marketing.",
  rightPortability:
    "Right to data portability (Art. 20): to receive the data you provided in a structured, commonly used and machine-readable format, where processing is based on your consent or a contract.",
  rightWithdraw: "Right to withdraw your consent at any time (Art. 7(3)).",
  rightAutomated:
    "Right not to be subject to a decision based solely on automated processing (Art. 22): to obtain human intervention, express your point of view and contest the decision.",
  rightComplaint: "Right to lodge a complaint with a supervisory authority (Art. 77).",
  rightsShort:
    "You have the right to access, rectify, erase, restrict, object to and port your data, and the right to lodge a complaint with the supervisory authority.",
  noticeTitle: "How we process your personal data",
  noticeLongTitle: (name: string) => `How we process your data: ${name}`,
  policyLinkText: (org: string) => `Read ${org}'s privacy policy`,
  policyLinkMissing: "address of the privacy policy not stated",
  noticeContact: "For any request about the processing of your data, you can contact",
  whatNotToSend: "Data not to send",
  policy: "Privacy policy",
  contact: "Contact",
  authority: "Supervisory authority (complaints, Art. 77)",
  yourRights: "Your rights",
};

const LABELS: Record<Lang, PolicyLabels> = { fr, en };

export function policyLabelsFor(lang: Lang): PolicyLabels {
  return LABELS[lang];
}
