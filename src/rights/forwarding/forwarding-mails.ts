/**
 * The mails of the controller ⇄ processor exchange, FR and EN. The forward and the instruction go to an
 * organisation's contact and name the person (the controller must know whose data it is deciding on, and
 * the processor must find it); they travel sealed in the outbox like every letter. The note to the person
 * names no one but the controller.
 */
import { formatDate } from "../../documents/format-date.ts";
import type { DataSubjectRequest, Lang, Requester } from "../model/request.schema.ts";
import { REQUEST_TYPE_INFO } from "../model/vocabulary.ts";

export type MailText = { subject: string; text: string };

function typeLabel(request: DataSubjectRequest, lang: Lang): string {
  const info = REQUEST_TYPE_INFO[request.type];
  return `${info.label[lang]} (${info.article})`;
}

function whoLines(requester: Requester, lang: Lang): string[] {
  const fr = lang === "fr";
  const colon = fr ? " :" : ":";
  const line = (fr_: string, en: string, value: string | undefined) =>
    value ? [`- ${fr ? fr_ : en}${colon} ${value}`] : [];
  const identity = [requester.name, requester.email ? `<${requester.email}>` : undefined]
    .filter(Boolean)
    .join(" ");
  const words = requester.message ? (fr ? `« ${requester.message} »` : `"${requester.message}"`) : undefined;
  return [
    ...line("Personne concernée", "Data subject", identity || undefined),
    ...line("Identifiant", "Identifier", requester.customerId),
    ...line("Adresse", "Address", requester.postalAddress),
    ...line("Représentée par", "Represented by", requester.representative),
    ...line("Sa demande", "Their request", words),
  ];
}

function factLines(request: DataSubjectRequest, lang: Lang): string[] {
  const fr = lang === "fr";
  const colon = fr ? " :" : ":";
  return [
    `- ${fr ? "Référence" : "Reference"}${colon} ${request.reference}`,
    `- ${fr ? "Type" : "Type"}${colon} ${typeLabel(request, lang)}`,
    `- ${fr ? "Reçue le" : "Received on"}${colon} ${formatDate(request.receivedOn, lang)}`,
    `- ${fr ? "Réponse due au plus tard le" : "Answer due at the latest on"}${colon} ${formatDate(request.dueOn, lang)}`,
  ];
}

/** Processor side (Art. 28(3)(e)): the request goes to the controller, who confirms it or keeps it. */
export function forwardToControllerMail(input: {
  lang: Lang;
  processorName: string;
  controllerName: string;
  request: DataSubjectRequest;
  note: string | undefined;
  decisionUrl: string;
  expiresOn: string;
}): MailText {
  const { lang, request } = input;
  if (lang === "fr") {
    return {
      subject: `Demande d'exercice de droits à confirmer (${request.reference})`,
      text: [
        "Bonjour,",
        "",
        `${input.processorName} traite des données pour le compte de ${input.controllerName} en tant que sous-traitant (article 28 du RGPD). Nous avons reçu une demande d'exercice de droits qui concerne des données dont vous êtes le responsable du traitement :`,
        "",
        ...factLines(request, lang),
        ...whoLines(request.requester, lang),
        ...(input.note ? ["", `Message de ${input.processorName} :`, input.note] : []),
        "",
        "Nous n'agirons pas sur ces données avant votre instruction. Confirmez la demande (avec vos instructions) ou indiquez que vous la traitez vous-même, sur cette page :",
        input.decisionUrl,
        `(lien personnel, valable jusqu'au ${formatDate(input.expiresOn, lang)} ; ne le transférez pas)`,
        "",
        input.processorName,
      ].join("\n"),
    };
  }
  return {
    subject: `Data subject request to confirm (${request.reference})`,
    text: [
      "Hello,",
      "",
      `${input.processorName} processes data on behalf of ${input.controllerName} as a processor (Article 28 GDPR). We received a data subject request about data for which you are the controller:`,
      "",
      ...factLines(request, lang),
      ...whoLines(request.requester, lang),
      ...(input.note ? ["", `Message from ${input.processorName}:`, input.note] : []),
      "",
      "We will not act on this data before your instruction. Confirm the request (with your instructions) or tell us that you handle it yourself, on this page:",
      input.decisionUrl,
      `(a personal link, valid until ${formatDate(input.expiresOn, lang)}; do not forward it)`,
      "",
      input.processorName,
    ].join("\n"),
  };
}

/** Controller side (Art. 28(3)(e), Art. 19): a processor that holds the data is told what to do. */
export function processorInstructionMail(input: {
  lang: Lang;
  controllerName: string;
  processorName: string;
  request: DataSubjectRequest;
  instruction: string | undefined;
  answerUrl: string;
  expiresOn: string;
}): MailText {
  const { lang, request } = input;
  if (lang === "fr") {
    return {
      subject: `Instruction : demande d'exercice de droits (${request.reference})`,
      text: [
        "Bonjour,",
        "",
        `${input.controllerName}, responsable du traitement, a reçu une demande d'exercice de droits qui concerne des données que ${input.processorName} traite pour son compte (article 28, paragraphe 3, point e) du RGPD). Nous vous demandons d'y donner suite pour ces données :`,
        "",
        ...factLines(request, lang),
        ...whoLines(request.requester, lang),
        ...(input.instruction ? ["", "Instructions :", input.instruction] : []),
        "",
        "Indiquez-nous votre réponse (fait, aucune donnée, ou impossible) sur cette page :",
        input.answerUrl,
        `(lien personnel, valable jusqu'au ${formatDate(input.expiresOn, lang)} ; ne le transférez pas)`,
        "",
        input.controllerName,
      ].join("\n"),
    };
  }
  return {
    subject: `Instruction: data subject request (${request.reference})`,
    text: [
      "Hello,",
      "",
      `${input.controllerName}, the controller, received a data subject request about data that ${input.processorName} processes on its behalf (Article 28(3)(e) GDPR). We ask you to act on it for that data:`,
      "",
      ...factLines(request, lang),
      ...whoLines(request.requester, lang),
      ...(input.instruction ? ["", "Instructions:", input.instruction] : []),
      "",
      "Tell us your answer (done, no data, or not possible) on this page:",
      input.answerUrl,
      `(a personal link, valid until ${formatDate(input.expiresOn, lang)}; do not forward it)`,
      "",
      input.controllerName,
    ].join("\n"),
  };
}

/**
 * To the person, when every controller their request was forwarded to keeps it: the processor does nothing
 * on its own (Art. 29) and the controller answers them.
 */
export function controllerHandlesItMail(input: {
  lang: Lang;
  processorName: string;
  controllerNames: string[];
  reference: string;
}): MailText {
  const names = input.controllerNames.join(", ");
  if (input.lang === "fr") {
    return {
      subject: `Votre demande ${input.reference} est traitée par le responsable du traitement`,
      text: [
        "Bonjour,",
        "",
        `${input.processorName} traite les données visées par votre demande (référence ${input.reference}) pour le compte de ${names}, qui en est le responsable du traitement. Nous lui avons transmis votre demande (article 28, paragraphe 3, point e) du RGPD).`,
        "",
        `${names} nous a indiqué traiter votre demande directement : c'est lui qui vous répondra. Nous ne modifions pas ces données sans son instruction. Pour toute question sur votre demande, adressez-vous à ${names}.`,
        "",
        input.processorName,
      ].join("\n"),
    };
  }
  return {
    subject: `Your request ${input.reference} is handled by the controller`,
    text: [
      "Hello,",
      "",
      `${input.processorName} processes the data your request (reference ${input.reference}) is about on behalf of ${names}, the controller of that data. We forwarded your request to it (Article 28(3)(e) GDPR).`,
      "",
      `${names} told us that it handles your request directly: it will answer you. We do not change this data without its instruction. For any question about your request, contact ${names}.`,
      "",
      input.processorName,
    ].join("\n"),
  };
}
