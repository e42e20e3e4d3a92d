/**
 * The person's identity pages. Opening a link (GET) only shows a page with a button; the change is the
 * POST the button sends. Mail security scanners open every link of a message they check, and a GET that
 * confirmed would confirm a request nobody confirmed.
 */
import { formatDate } from "../../documents/format-date.ts";
import { escapeHtml } from "../../documents/render-html.ts";
import type { IntakeSite } from "../intake/load-intake-site.ts";
import { rightsPageHtml } from "../intake/rights-page-html.ts";
import type { Lang, RequestType } from "../model/request.schema.ts";
import { REQUEST_TYPE_INFO } from "../model/vocabulary.ts";
import { MORE_INFO_ANSWER_MAX } from "./answer-more-info.ts";

export type VerifyPageState =
  | { kind: "confirm"; reference: string; type: RequestType; token: string }
  | { kind: "verified"; reference: string; dueOn: string; statusPath: string; already: boolean };

export type MoreInfoPageState =
  | {
      kind: "question";
      reference: string;
      question: string;
      token: string;
      value?: string | undefined;
      error?: string | undefined;
    }
  | { kind: "received"; reference: string; receivedOn: string; already: boolean };

const T = {
  fr: {
    confirmTitle: "Confirmer votre demande",
    confirm: (org: string, ref: string, type: string) =>
      `Vous avez envoyé à ${org} une demande (${type}, référence ${ref}) ? Confirmez-le pour qu'elle soit traitée.`,
    confirmButton: "Je confirme ma demande",
    confirmNo: "Si vous n'êtes pas à l'origine de cette demande, fermez simplement cette page.",
    verifiedTitle: "Demande confirmée",
    verified: (ref: string) => `Merci : votre demande ${ref} est confirmée et va être traitée.`,
    alreadyTitle: "Demande déjà confirmée",
    already: (ref: string) => `Votre demande ${ref} était déjà confirmée : il n'y a rien d'autre à faire.`,
    due: (org: string, date: string) => `${org} doit vous répondre au plus tard le ${date}.`,
    follow: "Suivre votre demande",
    questionTitle: "Informations complémentaires",
    questionIntro: (org: string, ref: string) =>
      `Pour traiter votre demande ${ref}, ${org} doit s'assurer que vous en êtes l'auteur (RGPD, art. 12(6)). Sa question :`,
    answer: "Votre réponse",
    answerHint: "N'envoyez pas de copie de pièce d'identité si elle ne vous est pas expressément demandée.",
    required: "(obligatoire)",
    errorPrefix: "Erreur : ",
    errorTitle: "Il y a 1 erreur à corriger",
    answerButton: "Envoyer ma réponse",
    receivedTitle: "Réponse reçue",
    received: (ref: string, date: string) =>
      `Merci : votre réponse pour la demande ${ref} a été reçue le ${date}. L'organisme va l'examiner.`,
    alreadyReceived: (ref: string, date: string) =>
      `Votre réponse pour la demande ${ref} a déjà été reçue, le ${date}. L'organisme l'examine.`,
  },
  en: {
    confirmTitle: "Confirm your request",
    confirm: (org: string, ref: string, type: string) =>
      `Did you send ${org} a request (${type}, reference ${ref})? Confirm it so that it is handled.`,
    confirmButton: "I confirm my request",
    confirmNo: "If you did not make this request, simply close this page.",
    verifiedTitle: "Request confirmed",
    verified: (ref: string) => `Thank you: your request ${ref} is confirmed and will be handled.`,
    alreadyTitle: "Request already confirmed",
    already: (ref: string) => `Your request ${ref} was already confirmed: there is nothing else to do.`,
    due: (org: string, date: string) => `${org} must answer you at the latest on ${date}.`,
    follow: "Follow your request",
    questionTitle: "More information",
    questionIntro: (org: string, ref: string) =>
      `To handle your request ${ref}, ${org} must make sure that you made it (GDPR Art. 12(6)). Its question:`,
    answer: "Your answer",
    answerHint: "Do not send a copy of an identity document unless you are expressly asked for one.",
    required: "(required)",
    errorPrefix: "Error: ",
    errorTitle: "There is 1 problem to fix",
    answerButton: "Send my answer",
    receivedTitle: "Answer received",
    received: (ref: string, date: string) =>
      `Thank you: your answer for request ${ref} was received on ${date}. The organisation will review it.`,
    alreadyReceived: (ref: string, date: string) =>
      `Your answer for request ${ref} was already received, on ${date}. The organisation is reviewing it.`,
  },
} as const;

function otherLangHref(site: IntakeSite, page: string, lang: Lang, token?: string): string {
  const other: Lang = lang === "fr" ? "en" : "fr";
  return token
    ? `/o/${site.slug}/rights/${page}?token=${encodeURIComponent(token)}&lang=${other}`
    : `/o/${site.slug}/rights?lang=${other}`;
}

export function verifyPageHtml(site: IntakeSite, lang: Lang, state: VerifyPageState): string {
  const t = T[lang];
  if (state.kind === "confirm") {
    const info = REQUEST_TYPE_INFO[state.type];
    return rightsPageHtml({
      site,
      lang,
      title: t.confirmTitle,
      otherLangHref: otherLangHref(site, "verify", lang, state.token),
      main: `<h1>${escapeHtml(t.confirmTitle)}</h1>
<p>${escapeHtml(t.confirm(site.orgName, state.reference, `${info.label[lang]} (${info.article})`))}</p>
<form method="post" action="/o/${site.slug}/rights/verify?lang=${lang}">
<input type="hidden" name="token" value="${escapeHtml(state.token)}">
<p><button type="submit">${escapeHtml(t.confirmButton)}</button></p>
</form>
<p>${escapeHtml(t.confirmNo)}</p>
`,
    });
  }
  const title = state.already ? t.alreadyTitle : t.verifiedTitle;
  return rightsPageHtml({
    site,
    lang,
    title,
    otherLangHref: otherLangHref(site, "verify", lang),
    main: `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(state.already ? t.already(state.reference) : t.verified(state.reference))}</p>
<p>${escapeHtml(t.due(site.orgName, formatDate(state.dueOn, lang)))}</p>
<p><a href="${escapeHtml(state.statusPath)}">${escapeHtml(t.follow)}</a></p>
`,
  });
}

export function moreInfoPageHtml(site: IntakeSite, lang: Lang, state: MoreInfoPageState): string {
  const t = T[lang];
  if (state.kind === "received") {
    const date = formatDate(state.receivedOn, lang);
    return rightsPageHtml({
      site,
      lang,
      title: t.receivedTitle,
      otherLangHref: otherLangHref(site, "more-info", lang),
      main: `<h1>${escapeHtml(t.receivedTitle)}</h1>
<p>${escapeHtml(state.already ? t.alreadyReceived(state.reference, date) : t.received(state.reference, date))}</p>
`,
    });
  }
  const error = state.error;
  const summary = error
    ? `<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
<h2 id="error-summary-title">${escapeHtml(t.errorTitle)}</h2>
<ul><li><a href="#answer">${escapeHtml(`${t.answer}${lang === "fr" ? " :" : ":"} ${error}`)}</a></li></ul>
</div>
`
    : "";
  const describedBy = error
    ? ' aria-describedby="answer-hint answer-error" aria-invalid="true"'
    : ' aria-describedby="answer-hint"';
  return rightsPageHtml({
    site,
    lang,
    title: error ? `${t.errorPrefix}${t.questionTitle}` : t.questionTitle,
    otherLangHref: otherLangHref(site, "more-info", lang, state.token),
    main: `<h1>${escapeHtml(t.questionTitle)}</h1>
${summary}<p>${escapeHtml(t.questionIntro(site.orgName, state.reference))}</p>
<blockquote><p>${escapeHtml(state.question)}</p></blockquote>
<form method="post" action="/o/${site.slug}/rights/more-info?lang=${lang}" novalidate>
<input type="hidden" name="token" value="${escapeHtml(state.token)}">
<p><label for="answer">${escapeHtml(t.answer)} <span class="req">${t.required}</span></label>
<span id="answer-hint" class="hint">${escapeHtml(t.answerHint)}</span>
${error ? `<span id="answer-error" class="field-error">${escapeHtml(t.errorPrefix + error)}</span>\n` : ""}<textarea id="answer" name="answer" rows="6" required maxlength="${MORE_INFO_ANSWER_MAX}"${describedBy}>${escapeHtml(state.value ?? "")}</textarea></p>
<p><button type="submit">${escapeHtml(t.answerButton)}</button></p>
</form>
`,
  });
}
