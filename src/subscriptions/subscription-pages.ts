import { escapeHtml } from "../documents/render-html.ts";
import type { Lang } from "../publication/negotiate-language.ts";
import { type SiteContext, sitePage } from "../publication/public-page-html.ts";

export type SubscribeState =
  | { kind: "form"; error?: string | undefined; email?: string | undefined }
  | { kind: "sent" }
  | { kind: "confirmed" }
  | { kind: "unsubscribe"; token: string }
  | { kind: "unsubscribed" }
  | { kind: "unavailable" };

const T = {
  fr: {
    title: "Être prévenu des changements",
    intro: (org: string) =>
      `Laissez votre adresse e-mail : ${org} vous écrira lorsque sa politique de confidentialité change d'une manière qui affecte vos droits (nouvelle finalité, nouveau destinataire, nouveau transfert, conservation plus longue, base légale modifiée). Rien d'autre.`,
    privacy:
      "Votre adresse est conservée chiffrée, uniquement pour ces messages, jusqu'à votre désabonnement (un lien dans chaque message). Vous recevrez d'abord un e-mail pour confirmer.",
    email: "Adresse e-mail",
    emailHint: "Par exemple : nom@exemple.fr",
    langLegend: "Langue des messages",
    honeypot: "Ne remplissez pas ce champ",
    submit: "S'abonner",
    sentTitle: "Vérifiez votre boîte de réception",
    sent: "Si l'adresse est valide, un e-mail de confirmation vient d'y être envoyé. Ouvrez le lien qu'il contient (valable 48 heures) pour confirmer votre abonnement.",
    confirmedTitle: "Abonnement confirmé",
    confirmed: (org: string) =>
      `Merci : vous serez prévenu par e-mail des changements qui affectent vos droits chez ${org}.`,
    unsubscribeTitle: "Se désabonner",
    unsubscribe: "Confirmez que vous ne souhaitez plus recevoir ces messages. Votre adresse sera effacée.",
    unsubscribeButton: "Me désabonner",
    unsubscribedTitle: "Désabonnement effectué",
    unsubscribed: "Vous ne recevrez plus de messages. Votre adresse a été effacée.",
    unavailableTitle: "Abonnement indisponible",
    unavailable:
      "L'envoi d'e-mails n'est pas configuré sur ce service : l'abonnement est indisponible pour le moment.",
    errorPrefix: "Erreur : ",
  },
  en: {
    title: "Get notified of changes",
    intro: (org: string) =>
      `Leave your e-mail address: ${org} will write to you when its privacy policy changes in a way that affects your rights (a new purpose, a new recipient, a new transfer, a longer retention, a changed legal basis). Nothing else.`,
    privacy:
      "Your address is stored encrypted, only for these messages, until you unsubscribe (a link in every message). You will first receive an e-mail to confirm.",
    email: "E-mail address",
    emailHint: "For example: name@example.com",
    langLegend: "Language of the messages",
    honeypot: "Leave this field empty",
    submit: "Subscribe",
    sentTitle: "Check your inbox",
    sent: "If the address is valid, a confirmation e-mail has just been sent to it. Open its link (valid for 48 hours) to confirm your subscription.",
    confirmedTitle: "Subscription confirmed",
    confirmed: (org: string) =>
      `Thank you: you will be told by e-mail of changes that affect your rights at ${org}.`,
    unsubscribeTitle: "Unsubscribe",
    unsubscribe: "Confirm that you no longer want these messages. Your address will be erased.",
    unsubscribeButton: "Unsubscribe me",
    unsubscribedTitle: "Unsubscribed",
    unsubscribed: "You will receive no more messages. Your address has been erased.",
    unavailableTitle: "Subscription unavailable",
    unavailable: "Sending e-mail is not configured on this service: subscriptions are unavailable for now.",
    errorPrefix: "Error: ",
  },
} as const;

function form(site: SiteContext, state: { error?: string | undefined; email?: string | undefined }): string {
  const t = T[site.lang];
  const invalid = state.error
    ? ' aria-invalid="true" aria-describedby="email-hint email-error"'
    : ' aria-describedby="email-hint"';
  const error = state.error
    ? `<p id="email-error" class="note" role="alert">${escapeHtml(t.errorPrefix + state.error)}</p>\n`
    : "";
  const radio = (l: Lang, label: string) =>
    `<input type="radio" id="lang-${l}" name="lang" value="${l}"${l === site.lang ? " checked" : ""}> <label for="lang-${l}">${label}</label>`;
  return `<form method="post" action="/o/${site.slug}/subscribe?lang=${site.lang}">
${error}<p><label for="email">${t.email}</label>
<span id="email-hint">${t.emailHint}</span><br>
<input type="email" id="email" name="email" required autocomplete="email" value="${escapeHtml(state.email ?? "")}"${invalid}></p>
<fieldset><legend>${t.langLegend}</legend>${radio("fr", "Français")} ${radio("en", "English")}</fieldset>
<p class="hp" aria-hidden="true"><label for="website">${t.honeypot}</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></p>
<p><button type="submit">${t.submit}</button></p>
</form>
`;
}

/** The subscription pages: the form (no JavaScript needed) and the outcome of each step, FR or EN. */
export function subscriptionPageHtml(site: SiteContext, state: SubscribeState): string {
  const t = T[site.lang];
  const org = site.orgName;
  const page = (title: string, body: string) =>
    sitePage(site, { title, main: `<article>\n<h1>${escapeHtml(title)}</h1>\n${body}</article>\n` });
  switch (state.kind) {
    case "form":
      return page(
        t.title,
        `<p>${escapeHtml(t.intro(org))}</p>\n<p>${escapeHtml(t.privacy)}</p>\n${form(site, state)}`,
      );
    case "sent":
      return page(t.sentTitle, `<p>${escapeHtml(t.sent)}</p>\n`);
    case "confirmed":
      return page(t.confirmedTitle, `<p>${escapeHtml(t.confirmed(org))}</p>\n`);
    case "unsubscribe":
      return page(
        t.unsubscribeTitle,
        `<p>${escapeHtml(t.unsubscribe)}</p>\n<form method="post" action="/o/${site.slug}/unsubscribe?token=${encodeURIComponent(state.token)}&amp;lang=${site.lang}"><p><button type="submit">${t.unsubscribeButton}</button></p></form>\n`,
      );
    case "unsubscribed":
      return page(t.unsubscribedTitle, `<p>${escapeHtml(t.unsubscribed)}</p>\n`);
    case "unavailable":
      return page(t.unavailableTitle, `<p>${escapeHtml(t.unavailable)}</p>\n`);
  }
}
