/**
 * The mails the form sends to the person, FR and EN. They carry no personal data beyond the address they
 * go to: no name (anyone can type one), no message. Whoever typed someone else's address only makes that
 * person receive a message telling them to ignore it.
 */
import { formatDate } from "../../documents/format-date.ts";
import type { DataSubjectRequest, Lang } from "../model/request.schema.ts";
import { REQUEST_TYPE_INFO } from "../model/vocabulary.ts";

export type MailText = { subject: string; text: string };

export type RequestFacts = {
  orgName: string;
  reference: string;
  /** "Right of access (Art. 15)" in the mail's language. */
  typeLabel: string;
  /** Dates already in words. */
  receivedOn: string;
  dueOn: string;
  lang: Lang;
};

/** The facts of a request that every mail to the person repeats, in the mail's language. */
export function requestFacts(orgName: string, request: DataSubjectRequest, lang: Lang): RequestFacts {
  const info = REQUEST_TYPE_INFO[request.type];
  return {
    orgName,
    reference: request.reference,
    typeLabel: `${info.label[lang]} (${info.article})`,
    receivedOn: formatDate(request.receivedOn, lang),
    dueOn: formatDate(request.dueOn, lang),
    lang,
  };
}

/** The identity check (Art. 12(6) lets the controller confirm who asks): one link to confirm, one to follow. */
export function identityLinkMail(
  facts: RequestFacts,
  links: { verifyUrl: string; statusUrl: string; hours: number },
): MailText {
  if (facts.lang === "fr") {
    return {
      subject: `Confirmez votre demande à ${facts.orgName} (${facts.reference})`,
      text: [
        "Bonjour,",
        "",
        `${facts.orgName} a reçu le ${facts.receivedOn} une demande faite avec cette adresse : ${facts.typeLabel}, référence ${facts.reference}.`,
        "",
        `Pour confirmer que vous en êtes l'auteur, ouvrez ce lien (valable ${links.hours} heures) puis validez :`,
        links.verifyUrl,
        "",
        `La réponse doit vous parvenir au plus tard le ${facts.dueOn} (un mois après la réception, RGPD art. 12(3)).`,
        "Suivre votre demande :",
        links.statusUrl,
        "",
        "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : elle ne sera pas traitée sans confirmation.",
      ].join("\n"),
    };
  }
  return {
    subject: `Confirm your request to ${facts.orgName} (${facts.reference})`,
    text: [
      "Hello,",
      "",
      `${facts.orgName} received on ${facts.receivedOn} a request made with this address: ${facts.typeLabel}, reference ${facts.reference}.`,
      "",
      `To confirm that you made it, open this link (valid for ${links.hours} hours) and confirm:`,
      links.verifyUrl,
      "",
      `The answer must reach you at the latest on ${facts.dueOn} (one month from receipt, GDPR Art. 12(3)).`,
      "Follow your request:",
      links.statusUrl,
      "",
      "If you did not make this request, ignore this message: it will not be handled without confirmation.",
    ].join("\n"),
  };
}

/**
 * The same person sent the same kind of request while the first is still open: it is handled once. The
 * form's page does not say so (anyone can type an address, and the page would reveal that this address
 * has a request open); this mail does, to the address's owner, at most once a day per request.
 */
export function duplicateNoticeMail(
  earlier: RequestFacts,
  links: { statusUrl: string; verifyUrl?: string | undefined; hours?: number | undefined },
): MailText {
  const fr = earlier.lang === "fr";
  const verify = links.verifyUrl
    ? fr
      ? [
          "",
          `Elle attend encore la confirmation de votre adresse. Pour la confirmer, ouvrez ce lien (valable ${links.hours} heures) puis validez :`,
          links.verifyUrl,
        ]
      : [
          "",
          `It is still waiting for your address to be confirmed. To confirm, open this link (valid for ${links.hours} hours) and confirm:`,
          links.verifyUrl,
        ]
    : [];
  if (fr) {
    return {
      subject: `Votre demande à ${earlier.orgName} est déjà en cours (${earlier.reference})`,
      text: [
        "Bonjour,",
        "",
        `Une nouvelle demande du même type vient d'être envoyée avec cette adresse. Votre demande du ${earlier.receivedOn} (${earlier.typeLabel}, référence ${earlier.reference}) est toujours en cours : elle sera traitée une seule fois, et la réponse doit vous parvenir au plus tard le ${earlier.dueOn}.`,
        ...verify,
        "",
        "Suivre votre demande :",
        links.statusUrl,
        "",
        "Si vous n'êtes pas à l'origine de ces demandes, ignorez ce message.",
      ].join("\n"),
    };
  }
  return {
    subject: `Your request to ${earlier.orgName} is already being handled (${earlier.reference})`,
    text: [
      "Hello,",
      "",
      `A new request of the same kind has just been sent with this address. Your request of ${earlier.receivedOn} (${earlier.typeLabel}, reference ${earlier.reference}) is still open: it will be handled once, and the answer must reach you at the latest on ${earlier.dueOn}.`,
      ...verify,
      "",
      "Follow your request:",
      links.statusUrl,
      "",
      "If you did not make these requests, ignore this message.",
    ].join("\n"),
  };
}
