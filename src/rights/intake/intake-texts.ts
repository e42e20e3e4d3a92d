/**
 * The words of the public request form and its pages, in French and English. Each right is explained in
 * one sentence a person can act on, with the article it rests on (labels and articles: model/vocabulary.ts).
 */
import type { Lang, RequestType } from "../model/request.schema.ts";

/** What each right lets the person obtain, in plain words (Arts. 7(3), 15–18, 20–22). */
export const RIGHT_EXPLANATIONS: Readonly<Record<RequestType, Record<Lang, string>>> = {
  access: {
    fr: "Savoir si des données vous concernant sont traitées, en obtenir une copie et savoir comment elles sont utilisées.",
    en: "Find out whether data about you is processed, get a copy of it and learn how it is used.",
  },
  rectification: {
    fr: "Faire corriger des données inexactes ou compléter des données incomplètes.",
    en: "Have inaccurate data corrected or incomplete data completed.",
  },
  erasure: {
    fr: "Faire effacer vos données, par exemple lorsqu'elles ne sont plus nécessaires ou que vous retirez votre consentement.",
    en: "Have your data erased, for example when it is no longer needed or you withdraw your consent.",
  },
  restriction: {
    fr: "Faire geler l'utilisation de vos données (conservées mais plus utilisées), par exemple le temps de vérifier leur exactitude.",
    en: "Have the use of your data put on hold (kept but no longer used), for example while its accuracy is checked.",
  },
  objection: {
    fr: "Vous opposer à un traitement fondé sur l'intérêt légitime ou une mission d'intérêt public, ou à la prospection commerciale.",
    en: "Object to processing based on legitimate interests or a public task, or to direct marketing.",
  },
  portability: {
    fr: "Recevoir les données que vous avez fournies dans un format structuré et lisible par machine, ou les faire transmettre à un autre organisme.",
    en: "Receive the data you provided in a structured, machine-readable format, or have it sent to another organisation.",
  },
  consent_withdrawal: {
    fr: "Retirer un consentement que vous avez donné ; cela ne remet pas en cause ce qui a été fait avant le retrait.",
    en: "Withdraw consent you gave; this does not affect what was done before the withdrawal.",
  },
  automated_decision_review: {
    fr: "Obtenir qu'une personne réexamine une décision prise uniquement par un traitement automatisé, et donner votre point de vue.",
    en: "Have a person review a decision taken solely by automated processing, and give your point of view.",
  },
};

export const FORM_TEXT = {
  fr: {
    title: "Exercer vos droits sur vos données",
    intro: (org: string) =>
      `Ce formulaire transmet votre demande à ${org}. Il fonctionne sans JavaScript et ne dépose aucun cookie.`,
    requiredNote: "Les champs marqués « (obligatoire) » doivent être remplis.",
    required: "(obligatoire)",
    optional: "(facultatif)",
    typeLegend: "Votre demande",
    name: "Vos nom et prénom",
    nameHint: "Tels que l'organisme vous connaît.",
    email: "Votre adresse e-mail",
    emailHint:
      "Nous y envoyons un lien pour confirmer qu'elle est bien la vôtre, puis la réponse. Par exemple : nom@exemple.fr",
    customerId: "Numéro de client ou identifiant",
    customerIdHint: "Si vous en avez un : il aide à retrouver vos données.",
    activitiesLegend: "Traitements concernés",
    activitiesHint:
      "Cochez ceux que votre demande vise. Si vous ne savez pas, ne cochez rien : la demande portera sur tous les traitements qui peuvent vous concerner.",
    message: "Votre message",
    messageHint:
      "Précisez votre demande : pour une rectification, les données à corriger et leur valeur exacte ; pour une décision automatisée, la décision concernée et votre point de vue ; pour une opposition, les raisons tenant à votre situation particulière.",
    representative: "Vous agissez pour quelqu'un d'autre ?",
    representativeHint:
      "Indiquez votre nom et à quel titre (parent, avocat, association mandatée). L'organisme pourra vous demander de le justifier.",
    honeypot: "Ne remplissez pas ce champ",
    submit: "Envoyer ma demande",
    noticeTitle: "Ce que nous faisons de ces informations",
    notice: (org: string) =>
      `${org} utilise les informations de ce formulaire uniquement pour vérifier votre identité, traiter votre demande et vous répondre : c'est une obligation légale (RGPD, art. 6(1)(c) et art. 12). Elles sont conservées chiffrées, le temps de traiter la demande puis de pouvoir prouver qu'il y a été répondu. Elles ne servent à rien d'autre et ne sont pas transmises, sauf aux sous-traitants qui doivent agir sur votre demande. Vous pouvez aussi saisir la CNIL (www.cnil.fr).`,
    errorTitle: (n: number) => (n === 1 ? "Il y a 1 erreur à corriger" : `Il y a ${n} erreurs à corriger`),
    errorPrefix: "Erreur : ",
    sentTitle: "Vérifiez votre boîte de réception",
    recordedTitle: "Demande enregistrée",
    reference: (ref: string) => `Votre demande est enregistrée sous la référence ${ref}.`,
    sent: (email: string, hours: number) =>
      `Nous venons d'envoyer un e-mail à ${email}. Ouvrez le lien qu'il contient (valable ${hours} heures) pour confirmer que vous êtes à l'origine de la demande : elle sera traitée dès cette confirmation. Le message contient aussi un lien pour suivre votre demande.`,
    noMail: (org: string) =>
      `L'envoi d'e-mails n'est pas encore configuré sur ce service : ${org} vous contactera pour confirmer votre identité.`,
    due: (org: string, date: string) =>
      `${org} doit vous répondre au plus tard le ${date} : un mois à compter de la réception (RGPD, art. 12(3)). Ce délai peut être prolongé de deux mois pour une demande complexe ; vous en seriez informé avec les raisons avant la fin du premier mois.`,
    spam: "Rien reçu ? Regardez dans le dossier des indésirables avant de renvoyer le formulaire.",
    tooManyTitle: "Trop de demandes",
    tooMany:
      "Trop de demandes ont été envoyées depuis votre connexion. Réessayez dans dix minutes. Votre demande précédente, si elle a été envoyée, est bien enregistrée.",
    back: "Revenir au formulaire",
  },
  en: {
    title: "Exercise your rights over your data",
    intro: (org: string) =>
      `This form sends your request to ${org}. It works without JavaScript and sets no cookie.`,
    requiredNote: "Fields marked “(required)” must be filled in.",
    required: "(required)",
    optional: "(optional)",
    typeLegend: "Your request",
    name: "Your full name",
    nameHint: "As the organisation knows you.",
    email: "Your e-mail address",
    emailHint:
      "We send a link to it to confirm that it is yours, then the answer. For example: name@example.com",
    customerId: "Customer number or account id",
    customerIdHint: "If you have one: it helps find your data.",
    activitiesLegend: "Processing concerned",
    activitiesHint:
      "Tick those your request is about. If you do not know, tick none: the request will cover all processing that may concern you.",
    message: "Your message",
    messageHint:
      "Say what you ask: for a rectification, which data is wrong and its correct value; for an automated decision, which decision and your point of view; for an objection, the grounds relating to your particular situation.",
    representative: "Acting for someone else?",
    representativeHint:
      "Give your name and in what capacity (parent, lawyer, mandated association). The organisation may ask you to prove it.",
    honeypot: "Leave this field empty",
    submit: "Send my request",
    noticeTitle: "What we do with this information",
    notice: (org: string) =>
      `${org} uses the information in this form only to check your identity, handle your request and answer you: this is a legal obligation (GDPR Art. 6(1)(c) and Art. 12). It is stored encrypted, for as long as it takes to handle the request and then to be able to prove that it was answered. It is used for nothing else and not passed on, except to the processors that must act on your request. You may also complain to your data protection authority (in France, the CNIL: www.cnil.fr).`,
    errorTitle: (n: number) => (n === 1 ? "There is 1 problem to fix" : `There are ${n} problems to fix`),
    errorPrefix: "Error: ",
    sentTitle: "Check your inbox",
    recordedTitle: "Request recorded",
    reference: (ref: string) => `Your request is recorded under the reference ${ref}.`,
    sent: (email: string, hours: number) =>
      `We have just sent an e-mail to ${email}. Open its link (valid for ${hours} hours) to confirm that you made this request: it will be handled as soon as you confirm. The message also holds a link to follow your request.`,
    noMail: (org: string) =>
      `Sending e-mail is not configured on this service yet: ${org} will contact you to confirm your identity.`,
    due: (org: string, date: string) =>
      `${org} must answer you at the latest on ${date}: one month from receipt (GDPR Art. 12(3)). This may be extended by two months for a complex request; you would be told so, with the reasons, before the first month ends.`,
    spam: "Nothing received? Look in your spam folder before sending the form again.",
    tooManyTitle: "Too many requests",
    tooMany:
      "Too many requests were sent from your connection. Try again in ten minutes. Your earlier request, if you sent one, is recorded.",
    back: "Back to the form",
  },
} as const;

/** What went wrong with one field, in words that tell the person how to fix it. */
export const FIELD_ERRORS = {
  fr: {
    type: { required: "choisissez le type de votre demande.", invalid: "choisissez un type dans la liste." },
    name: { required: "indiquez vos nom et prénom.", too_long: "200 caractères au plus." },
    email: {
      required: "indiquez votre adresse e-mail.",
      invalid: "saisissez une adresse e-mail valide, par exemple nom@exemple.fr.",
      too_long: "254 caractères au plus.",
    },
    customerId: { too_long: "200 caractères au plus." },
    activities: {
      invalid: "choisissez des traitements dans la liste.",
      too_long: "trop de traitements cochés.",
    },
    message: {
      required: "décrivez votre demande : ce type de demande ne peut pas être traité sans précisions.",
      too_long: "10 000 caractères au plus.",
    },
    representative: { too_long: "300 caractères au plus." },
  },
  en: {
    type: { required: "choose the kind of request.", invalid: "choose a kind from the list." },
    name: { required: "enter your full name.", too_long: "200 characters at most." },
    email: {
      required: "enter your e-mail address.",
      invalid: "enter a valid e-mail address, for example name@example.com.",
      too_long: "254 characters at most.",
    },
    customerId: { too_long: "200 characters at most." },
    activities: { invalid: "choose processing from the list.", too_long: "too many boxes ticked." },
    message: {
      required: "describe your request: this kind of request cannot be handled without details.",
      too_long: "10,000 characters at most.",
    },
    representative: { too_long: "300 characters at most." },
  },
} as const;
