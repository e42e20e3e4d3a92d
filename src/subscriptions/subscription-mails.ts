import type { ChangeLine } from "../publication/publication-types.ts";

type Lang = "fr" | "en";
export type MailText = { subject: string; text: string };

/** The double opt-in message: nothing is sent to the address again until its owner follows the link. */
export function confirmationMail(input: {
  orgName: string;
  confirmUrl: string;
  unsubscribeUrl: string;
  lang: Lang;
}): MailText {
  if (input.lang === "fr") {
    return {
      subject: `Confirmez votre abonnement aux changements de la politique de ${input.orgName}`,
      text: [
        "Bonjour,",
        "",
        `Vous (ou quelqu'un utilisant votre adresse) avez demandé à être prévenu par e-mail lorsque ${input.orgName} modifie sa politique de confidentialité d'une manière qui affecte vos droits.`,
        "",
        "Pour confirmer, ouvrez ce lien (valable 48 heures) :",
        input.confirmUrl,
        "",
        "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : vous ne recevrez rien d'autre.",
        "Pour effacer tout de suite votre adresse :",
        input.unsubscribeUrl,
      ].join("\n"),
    };
  }
  return {
    subject: `Confirm your subscription to changes of ${input.orgName}'s privacy policy`,
    text: [
      "Hello,",
      "",
      `You (or someone using your address) asked to be told by e-mail when ${input.orgName} changes its privacy policy in a way that affects your rights.`,
      "",
      "To confirm, open this link (valid for 48 hours):",
      input.confirmUrl,
      "",
      "If you did not ask for this, ignore this message: you will receive nothing else.",
      "To erase your address right away:",
      input.unsubscribeUrl,
    ].join("\n"),
  };
}

/** The announcement of a material change: what changed, where to read the new version, how to stop. */
export function materialChangeMail(input: {
  orgName: string;
  number: number;
  lines: readonly ChangeLine[];
  versionUrl: string;
  unsubscribeUrl: string;
  lang: Lang;
}): MailText {
  const items = input.lines.map((l) => `- ${l[input.lang]}`);
  if (input.lang === "fr") {
    return {
      subject: `${input.orgName} modifie le traitement de vos données (version ${input.number})`,
      text: [
        "Bonjour,",
        "",
        `${input.orgName} a publié la version ${input.number} de son registre et de sa politique de confidentialité. Ces changements peuvent affecter vos droits :`,
        "",
        ...items,
        "",
        "Lire la nouvelle version :",
        input.versionUrl,
        "",
        "Pour ne plus recevoir ces messages :",
        input.unsubscribeUrl,
      ].join("\n"),
    };
  }
  return {
    subject: `${input.orgName} changes how it processes your data (version ${input.number})`,
    text: [
      "Hello,",
      "",
      `${input.orgName} has published version ${input.number} of its register and privacy policy. These changes may affect your rights:`,
      "",
      ...items,
      "",
      "Read the new version:",
      input.versionUrl,
      "",
      "To stop receiving these messages:",
      input.unsubscribeUrl,
    ].join("\n"),
  };
}
