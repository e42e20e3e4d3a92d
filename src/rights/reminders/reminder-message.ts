import type { MailMessage } from "../../mail/send-mail.ts";
import type { CalendarDate } from "../deadlines/calendar-date.ts";
import { articleIn } from "../letters/letter-labels.ts";
import type { Lang, RequestStatus, RequestType } from "../model/request.schema.ts";
import { REQUEST_STATUS_LABELS, REQUEST_TYPE_INFO } from "../model/vocabulary.ts";

/** What a reminder says. Nothing here identifies the requester: staff open the request in Gardien for that. */
export type ReminderFacts = {
  kind: "reminder" | "overdue";
  lang: Lang;
  organisationName: string;
  reference: string;
  type: RequestType;
  status: RequestStatus;
  dueOn: CalendarDate;
  /** Days left (reminder) or days late (overdue), in calendar days of the organisation's time zone. */
  days: number;
  extended: boolean;
  /** The request in the staff API. */
  link: string;
};

const dateFormats = {
  fr: new Intl.DateTimeFormat("fr-FR", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }),
  en: new Intl.DateTimeFormat("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }),
};

/** "lundi 1 mars 2027" / "Monday, 1 March 2027": a calendar date, never shifted by a time zone. */
export function formatDueDate(date: CalendarDate, lang: Lang): string {
  return dateFormats[lang].format(new Date(`${date}T00:00:00Z`));
}

/** "Droit d'accès, art. 15" / "Right of access, Art. 15": how staff mails name a request's type. */
export function requestTypeText(type: RequestType, lang: Lang): string {
  const info = REQUEST_TYPE_INFO[type];
  return `${info.label[lang]}, ${articleIn(info.article, lang)}`;
}

function daysText(days: number, lang: Lang): string {
  if (lang === "fr") return days === 1 ? "1 jour" : `${days} jours`;
  return days === 1 ? "1 day" : `${days} days`;
}

/**
 * The reminder or overdue mail to staff (assignee, DPO, notified addresses), in the organisation's language.
 * Art. 12(3): the answer is due within one month of receipt, extendable by two months with notice; Art. 77
 * and 79 are what the person may turn to when it does not come.
 */
export function reminderMessage(facts: ReminderFacts, to: string): MailMessage {
  const { lang } = facts;
  const typeText = requestTypeText(facts.type, lang);
  const due = formatDueDate(facts.dueOn, lang);
  const status = REQUEST_STATUS_LABELS[facts.status][lang];
  let subject: string;
  let lines: string[];
  if (lang === "fr") {
    const left = facts.days === 0 ? "l'échéance est aujourd'hui" : `il reste ${daysText(facts.days, "fr")}`;
    subject =
      facts.kind === "reminder"
        ? `Rappel : demande ${facts.reference} à traiter avant le ${due} (${facts.days === 0 ? "aujourd'hui" : `J-${facts.days}`})`
        : `En retard : la demande ${facts.reference} devait recevoir une réponse le ${due}`;
    lines = [
      "Bonjour,",
      "",
      facts.kind === "reminder"
        ? `La demande ${facts.reference} (${typeText}) de ${facts.organisationName} doit recevoir une réponse au plus tard le ${due} : ${left}.`
        : `La demande ${facts.reference} (${typeText}) de ${facts.organisationName} devait recevoir une réponse au plus tard le ${due}. Le délai est dépassé depuis ${daysText(facts.days, "fr")} ; le retard est inscrit au journal de la demande.`,
      `Statut actuel : ${status}.${facts.extended ? " Le délai a déjà été prolongé." : ""}`,
      "",
      `Ouvrir la demande dans Gardien : ${facts.link}`,
      "",
      facts.kind === "reminder"
        ? "Le RGPD (art. 12(3)) impose de répondre dans le mois qui suit la réception. Si la demande est complexe ou si les demandes sont nombreuses, le délai peut être prolongé de deux mois, à condition d'en informer la personne avant l'échéance."
        : "Le RGPD (art. 12(3)) impose de répondre dans le mois qui suit la réception. Sans réponse, la personne peut saisir la CNIL (art. 77) ou le juge (art. 79). Répondez dès que possible, même pour indiquer qu'aucune suite ne sera donnée (art. 12(4)).",
      "",
      "Ce message ne contient aucune donnée sur la personne qui a fait la demande : consultez-la dans Gardien.",
    ];
  } else {
    const left = facts.days === 0 ? "it is due today" : `${daysText(facts.days, "en")} left`;
    subject =
      facts.kind === "reminder"
        ? `Reminder: request ${facts.reference} is due on ${due} (${facts.days === 0 ? "today" : `${daysText(facts.days, "en")} left`})`
        : `Overdue: request ${facts.reference} was due on ${due}`;
    lines = [
      "Hello,",
      "",
      facts.kind === "reminder"
        ? `Request ${facts.reference} (${typeText}) to ${facts.organisationName} must be answered by ${due}: ${left}.`
        : `Request ${facts.reference} (${typeText}) to ${facts.organisationName} had to be answered by ${due}. It is ${daysText(facts.days, "en")} late; the delay is recorded on the request's timeline.`,
      `Current status: ${status}.${facts.extended ? " The deadline has already been extended." : ""}`,
      "",
      `Open the request in Gardien: ${facts.link}`,
      "",
      facts.kind === "reminder"
        ? "The GDPR (Art. 12(3)) requires an answer within one month of receipt. Where the request is complex or requests are numerous, the deadline may be extended by two further months if the person is told before it ends."
        : "The GDPR (Art. 12(3)) requires an answer within one month of receipt. Without one, the person may complain to the supervisory authority (Art. 77) or go to court (Art. 79). Answer as soon as possible, even to say that no action will be taken (Art. 12(4)).",
      "",
      "This message holds no data about the person who made the request: open it in Gardien.",
    ];
  }
  return { to, subject, text: `${lines.join("\n")}\n`, lang };
}
