import type { MailMessage } from "../../mail/send-mail.ts";
import type { CalendarDate } from "../deadlines/calendar-date.ts";
import type { Lang, RequestType } from "../model/request.schema.ts";
import { formatDueDate, requestTypeText } from "../reminders/reminder-message.ts";

/** What the notice says. Nothing here identifies the requester: staff open the request in Gardien for that. */
export type WithdrawalFacts = {
  lang: Lang;
  organisationName: string;
  reference: string;
  type: RequestType;
  /** The day of the withdrawal in the organisation's time zone. */
  withdrawnOn: CalendarDate;
  /** The request in the staff API. */
  link: string;
};

/**
 * The mail to staff (assignee, DPO, notified addresses) when the person withdraws their request from the
 * status page, in the organisation's language: whoever was working on it learns that no answer is due any
 * more, before preparing one for nothing, and that what was already done is on the request's timeline.
 */
export function withdrawalNoticeMessage(facts: WithdrawalFacts, to: string): MailMessage {
  const { lang } = facts;
  const typeText = requestTypeText(facts.type, lang);
  const day = formatDueDate(facts.withdrawnOn, lang);
  const lines =
    lang === "fr"
      ? [
          "Bonjour,",
          "",
          `La personne qui avait adressé la demande ${facts.reference} (${typeText}) à ${facts.organisationName} l'a retirée le ${day}, depuis sa page de suivi.`,
          "La demande est close : aucune réponse n'est plus due et les rappels s'arrêtent. Si un traitement avait commencé (un export, un effacement), vérifiez ce qui reste à arrêter ; ce qui a déjà été fait reste inscrit au journal de la demande.",
          "",
          `Ouvrir la demande dans Gardien : ${facts.link}`,
          "",
          "Ce message ne contient aucune donnée sur la personne qui a fait la demande : consultez-la dans Gardien.",
        ]
      : [
          "Hello,",
          "",
          `The person who made request ${facts.reference} (${typeText}) to ${facts.organisationName} withdrew it on ${day}, from their status page.`,
          "The request is closed: no answer is due any more and reminders stop. If work on it had started (an export, an erasure), check what remains to be stopped; what was already done stays on the request's timeline.",
          "",
          `Open the request in Gardien: ${facts.link}`,
          "",
          "This message holds no data about the person who made the request: open it in Gardien.",
        ];
  const subject =
    lang === "fr"
      ? `Demande ${facts.reference} retirée par la personne`
      : `Request ${facts.reference} withdrawn by the requester`;
  return { to, subject, text: `${lines.join("\n")}\n`, lang };
}
