import type { RequestFacts } from "../intake/intake-mails.ts";

/**
 * Art. 12(6): staff have a reasonable doubt about who asks and ask for what would remove it. The mail
 * carries staff's question (written for the person) and a link to a page where they answer in text. The
 * internal reason stays on the timeline, sealed.
 */
export function moreInfoMail(
  facts: RequestFacts,
  input: { question: string; answerUrl: string; days: number },
): { subject: string; text: string } {
  if (facts.lang === "fr") {
    return {
      subject: `${facts.orgName} a besoin d'informations complémentaires (${facts.reference})`,
      text: [
        "Bonjour,",
        "",
        `Pour traiter votre demande ${facts.reference} (${facts.typeLabel}), ${facts.orgName} doit s'assurer que vous en êtes bien l'auteur (RGPD, art. 12(6)). Merci de répondre à la question suivante :`,
        "",
        input.question,
        "",
        `Répondre (lien valable ${input.days} jours) :`,
        input.answerUrl,
        "",
        "N'envoyez pas de copie de pièce d'identité si elle ne vous est pas expressément demandée.",
      ].join("\n"),
    };
  }
  return {
    subject: `${facts.orgName} needs more information (${facts.reference})`,
    text: [
      "Hello,",
      "",
      `To handle your request ${facts.reference} (${facts.typeLabel}), ${facts.orgName} must make sure that you made it (GDPR Art. 12(6)). Please answer the following question:`,
      "",
      input.question,
      "",
      `Answer (link valid for ${input.days} days):`,
      input.answerUrl,
      "",
      "Do not send a copy of an identity document unless you are expressly asked for one.",
    ].join("\n"),
  };
}
