/**
 * The requester's status page: where their request stands, in words, with its dated history and, while
 * it is open, a button to withdraw it (a POST: a GET never changes a request, mail scanners follow links).
 */
import { formatDate } from "../../documents/format-date.ts";
import { escapeHtml } from "../../documents/render-html.ts";
import type { IdentityStatus, Lang, RequestStatus } from "../model/request.schema.ts";
import { REQUEST_STATUS_LABELS, REQUEST_TYPE_INFO } from "../model/vocabulary.ts";
import type { RequestStatusView, StatusHistoryEntry } from "./get-request-status.ts";
import type { IntakeSite } from "./load-intake-site.ts";
import { rightsPageHtml } from "./rights-page-html.ts";

/** What each status means for the person, in a sentence. */
const STATUS_MEANING: Readonly<Record<RequestStatus, Record<Lang, string>>> = {
  received: { fr: "Votre demande a été reçue.", en: "Your request has been received." },
  awaiting_identity: {
    fr: "La demande attend que vous confirmiez en être l'auteur, par le lien reçu par e-mail.",
    en: "The request is waiting for you to confirm that you made it, through the link you received by e-mail.",
  },
  in_progress: { fr: "L'organisme traite votre demande.", en: "The organisation is handling your request." },
  awaiting_controller: {
    fr: "L'organisme traite vos données pour le compte d'un autre organisme, le responsable du traitement : il lui a transmis votre demande et agira sur ses instructions.",
    en: "The organisation processes your data on behalf of another organisation, the controller: it has passed your request on and will act on its instructions.",
  },
  awaiting_processors: {
    fr: "L'organisme attend la réponse des prestataires qui traitent vos données pour son compte.",
    en: "The organisation is waiting for the answers of the service providers that process your data on its behalf.",
  },
  answered: {
    fr: "L'organisme vous a envoyé sa réponse.",
    en: "The organisation has sent you its answer.",
  },
  closed: { fr: "Votre demande est close.", en: "Your request is closed." },
  withdrawn: { fr: "Vous avez retiré votre demande.", en: "You withdrew your request." },
};

const MORE_INFO_MEANING: Record<Lang, string> = {
  fr: "L'organisme vous a demandé des informations complémentaires pour vérifier votre identité (RGPD, art. 12(6)) : répondez par le lien de son message.",
  en: "The organisation asked you for more information to check your identity (GDPR Art. 12(6)): answer through the link in its message.",
};

const T = {
  fr: {
    title: (ref: string) => `Votre demande ${ref}`,
    reference: "Référence",
    type: "Type de demande",
    received: "Reçue le",
    due: "Réponse attendue au plus tard le",
    extended: (months: number, original: string, reason: string) =>
      `Délai prolongé de ${months} mois (initialement le ${original}), pour la raison suivante : ${reason}`,
    status: "Où en est-elle",
    email: "Adresse de contact",
    history: "Historique",
    entry: {
      received: "Demande reçue",
      identity_verified: "Identité confirmée",
      more_info_requested: "Informations complémentaires demandées (art. 12(6))",
      more_info_received: "Informations complémentaires reçues",
      extended: "Délai de réponse prolongé (art. 12(3))",
    },
    withdrawTitle: "Retirer ma demande",
    withdrawText:
      "Si vous ne souhaitez plus que l'organisme traite cette demande, vous pouvez la retirer. C'est définitif ; vous pourrez en faire une nouvelle plus tard.",
    withdrawButton: "Retirer ma demande",
    withdrawnNotice: "Votre demande a été retirée. L'organisme ne la traitera pas.",
  },
  en: {
    title: (ref: string) => `Your request ${ref}`,
    reference: "Reference",
    type: "Kind of request",
    received: "Received on",
    due: "Answer due at the latest on",
    extended: (months: number, original: string, reason: string) =>
      `Time limit extended by ${months} month${months > 1 ? "s" : ""} (originally ${original}), for this reason: ${reason}`,
    status: "Where it stands",
    email: "Contact address",
    history: "History",
    entry: {
      received: "Request received",
      identity_verified: "Identity confirmed",
      more_info_requested: "More information requested (Art. 12(6))",
      more_info_received: "More information received",
      extended: "Time limit extended (Art. 12(3))",
    },
    withdrawTitle: "Withdraw my request",
    withdrawText:
      "If you no longer want the organisation to handle this request, you can withdraw it. This is final; you can make a new request later.",
    withdrawButton: "Withdraw my request",
    withdrawnNotice: "Your request has been withdrawn. The organisation will not handle it.",
  },
} as const;

function meaning(status: RequestStatus, identity: IdentityStatus, lang: Lang): string {
  if (status === "awaiting_identity" && identity === "more_info_requested") return MORE_INFO_MEANING[lang];
  return STATUS_MEANING[status][lang];
}

function historyLine(entry: StatusHistoryEntry, lang: Lang): string {
  const t = T[lang];
  const what =
    entry.kind !== "status"
      ? t.entry[entry.kind]
      : entry.status
        ? REQUEST_STATUS_LABELS[entry.status][lang]
        : "";
  return `<li><time datetime="${entry.on}">${escapeHtml(formatDate(entry.on, lang))}</time> — ${escapeHtml(what)}</li>`;
}

export function requestStatusPageHtml(
  site: IntakeSite,
  lang: Lang,
  input: { view: RequestStatusView; token: string; justWithdrawn?: boolean },
): string {
  const t = T[lang];
  const { view } = input;
  const info = REQUEST_TYPE_INFO[view.type];
  const row = (term: string, value: string) => `<div><dt>${escapeHtml(term)}</dt><dd>${value}</dd></div>`;
  const extension = view.extension
    ? `<br>${escapeHtml(t.extended(view.extension.extraMonths, formatDate(view.originalDueOn, lang), view.extension.reason))}`
    : "";
  const facts = [
    row(t.reference, escapeHtml(view.reference)),
    row(t.type, escapeHtml(`${info.label[lang]} (${info.article})`)),
    row(t.received, escapeHtml(formatDate(view.receivedOn, lang))),
    row(t.due, `${escapeHtml(formatDate(view.dueOn, lang))}${extension}`),
    row(
      t.status,
      `<strong>${escapeHtml(REQUEST_STATUS_LABELS[view.status][lang])}</strong>. ${escapeHtml(meaning(view.status, view.identityStatus, lang))}`,
    ),
    ...(view.maskedEmail ? [row(t.email, escapeHtml(view.maskedEmail))] : []),
  ].join("\n");
  const notice = input.justWithdrawn
    ? `<p class="note" role="status">${escapeHtml(t.withdrawnNotice)}</p>\n`
    : "";
  const withdraw = view.open
    ? `<section aria-labelledby="withdraw-title">
<h2 id="withdraw-title">${escapeHtml(t.withdrawTitle)}</h2>
<p>${escapeHtml(t.withdrawText)}</p>
<form method="post" action="/o/${site.slug}/rights/status?lang=${lang}">
<input type="hidden" name="token" value="${escapeHtml(input.token)}">
<p><button type="submit" name="action" value="withdraw">${escapeHtml(t.withdrawButton)}</button></p>
</form>
</section>
`
    : "";
  const other: Lang = lang === "fr" ? "en" : "fr";
  return rightsPageHtml({
    site,
    lang,
    title: t.title(view.reference),
    otherLangHref: `/o/${site.slug}/rights/status?token=${encodeURIComponent(input.token)}&lang=${other}`,
    main: `<h1>${escapeHtml(t.title(view.reference))}</h1>
${notice}<dl class="facts">
${facts}
</dl>
<section aria-labelledby="history-title">
<h2 id="history-title">${escapeHtml(t.history)}</h2>
<ol class="history">${view.history.map((e) => historyLine(e, lang)).join("")}</ol>
</section>
${withdraw}`,
  });
}
