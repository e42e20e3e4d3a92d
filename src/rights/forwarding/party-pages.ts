/**
 * The pages a counterpart organisation reaches through its signed link, FR and EN, without JavaScript:
 * the controller's confirm/refuse decision on a request its processor forwarded, and a processor's answer
 * to an instruction. They show the request's facts, never the person: the mail that carried the link
 * names them, and a link forwarded by mistake must not.
 */
import { formatDate } from "../../documents/format-date.ts";
import { escapeHtml } from "../../documents/render-html.ts";
import type { Lang, RequestType } from "../model/request.schema.ts";
import { REQUEST_TYPE_INFO } from "../model/vocabulary.ts";
import type { PartyPage } from "./party-links.ts";

export type PartyPageFacts = {
  page: PartyPage;
  lang: Lang;
  /** The organisation that sent the link (the processor that forwarded, or the controller that instructs). */
  orgName: string;
  reference: string;
  type: RequestType;
  receivedOn: string;
  dueOn: string;
  /** Where the form posts (the page's own path with its token). */
  action: string;
};

export type PartyField = "choice" | "text";
export type PartyPageState =
  | { kind: "form"; choice?: string; text?: string; errors?: Array<{ field: PartyField; message: string }> }
  | { kind: "done"; status: string; answeredOn: string | null };

const T = {
  fr: {
    "controller-decision": {
      title: (org: string) => `Demande transmise par ${org}`,
      intro: (org: string) =>
        `${org} traite des données pour votre compte en tant que sous-traitant. Elle a reçu la demande ci-dessous, qui concerne des données dont vous êtes le responsable du traitement, et n'agira pas avant votre instruction (RGPD, articles 28 et 29). Les coordonnées de la personne figurent dans le courriel qui vous a donné ce lien.`,
      legend: "Votre décision",
      choices: {
        confirm: [
          "Confirmer la demande",
          (org: string) => `${org} l'applique à ses données, selon vos instructions ci-dessous.`,
        ],
        refuse: [
          "Je traite la demande moi-même",
          (org: string) =>
            `${org} ne fait rien sur ces données et indique à la personne que vous lui répondrez.`,
        ],
      },
      text: "Vos instructions (facultatif)",
      textHint: "Par exemple : quelles données effacer ou transmettre, dans quel délai.",
      submit: "Envoyer ma décision",
      chooseError: "choisissez votre décision.",
      doneTitle: "Décision enregistrée",
      done: (status: string, on: string | null) =>
        `Votre décision (${status === "confirmed" ? "demande confirmée" : "vous traitez la demande vous-même"}) a été enregistrée${on ? ` le ${on}` : ""}. Merci.`,
    },
    "processor-answer": {
      title: (org: string) => `Instruction transmise par ${org}`,
      intro: (org: string) =>
        `${org}, responsable du traitement, vous a transmis la demande ci-dessous : elle concerne des données que vous traitez pour son compte (RGPD, article 28, paragraphe 3, point e). Les instructions et les coordonnées de la personne figurent dans le courriel qui vous a donné ce lien.`,
      legend: "Votre réponse",
      choices: {
        completed: ["Fait", () => "La demande est appliquée aux données que nous traitons."],
        no_data: ["Aucune donnée", () => "Nous ne détenons aucune donnée sur cette personne."],
        not_done: [
          "Impossible",
          () => "Nous ne pouvons pas appliquer la demande : expliquez pourquoi ci-dessous.",
        ],
      },
      text: "Commentaire (obligatoire si impossible)",
      textHint: "Ce que vous avez fait, ou ce qui vous en empêche.",
      submit: "Envoyer ma réponse",
      chooseError: "choisissez votre réponse.",
      doneTitle: "Réponse enregistrée",
      done: (_status: string, on: string | null) =>
        `Votre réponse a été enregistrée${on ? ` le ${on}` : ""}. Merci.`,
    },
    facts: {
      reference: "Référence",
      type: "Type de demande",
      received: "Reçue le",
      due: "Réponse due au plus tard le",
    },
    errorTitle: "Le formulaire contient une erreur",
    textError: "expliquez pourquoi la demande ne peut pas être appliquée.",
    tooLong: "5 000 caractères au plus.",
    errorPrefix: "Erreur : ",
  },
  en: {
    "controller-decision": {
      title: (org: string) => `Request forwarded by ${org}`,
      intro: (org: string) =>
        `${org} processes data on your behalf as a processor. It received the request below, about data for which you are the controller, and will not act before your instruction (GDPR, Articles 28 and 29). The person's details are in the e-mail that gave you this link.`,
      legend: "Your decision",
      choices: {
        confirm: [
          "Confirm the request",
          (org: string) => `${org} applies it to its data, following your instructions below.`,
        ],
        refuse: [
          "I handle the request myself",
          (org: string) =>
            `${org} does nothing with this data and tells the person that you will answer them.`,
        ],
      },
      text: "Your instructions (optional)",
      textHint: "For example: which data to erase or send, and by when.",
      submit: "Send my decision",
      chooseError: "choose your decision.",
      doneTitle: "Decision recorded",
      done: (status: string, on: string | null) =>
        `Your decision (${status === "confirmed" ? "request confirmed" : "you handle the request yourself"}) was recorded${on ? ` on ${on}` : ""}. Thank you.`,
    },
    "processor-answer": {
      title: (org: string) => `Instruction from ${org}`,
      intro: (org: string) =>
        `${org}, the controller, sent you the request below: it concerns data that you process on its behalf (GDPR, Article 28(3)(e)). The instructions and the person's details are in the e-mail that gave you this link.`,
      legend: "Your answer",
      choices: {
        completed: ["Done", () => "The request is applied to the data we process."],
        no_data: ["No data", () => "We hold no data about this person."],
        not_done: ["Not possible", () => "We cannot apply the request: explain why below."],
      },
      text: "Comment (required if not possible)",
      textHint: "What you did, or what prevents you.",
      submit: "Send my answer",
      chooseError: "choose your answer.",
      doneTitle: "Answer recorded",
      done: (_status: string, on: string | null) =>
        `Your answer was recorded${on ? ` on ${on}` : ""}. Thank you.`,
    },
    facts: {
      reference: "Reference",
      type: "Type of request",
      received: "Received on",
      due: "Answer due at the latest on",
    },
    errorTitle: "The form has an error",
    textError: "explain why the request cannot be applied.",
    tooLong: "5,000 characters at most.",
    errorPrefix: "Error: ",
  },
} as const;

export function partyPageTitle(facts: PartyPageFacts, state: PartyPageState): string {
  const t = T[facts.lang][facts.page];
  return state.kind === "done" ? t.doneTitle : t.title(facts.orgName);
}

export function partyPageTexts(lang: Lang) {
  return {
    textError: T[lang].textError,
    tooLong: T[lang].tooLong,
    chooseError: (page: PartyPage) => T[lang][page].chooseError,
  };
}

/** The choices of the page, in order: what the form's radio buttons post. */
export function partyChoices(page: PartyPage): string[] {
  return Object.keys(T.en[page].choices);
}

/** The content of <main>, escaped. */
export function partyPageMain(facts: PartyPageFacts, state: PartyPageState): string {
  const lang = facts.lang;
  const t = T[lang][facts.page];
  const f = T[lang].facts;
  const info = REQUEST_TYPE_INFO[facts.type];
  const h1 = `<h1>${escapeHtml(partyPageTitle(facts, state))}</h1>\n`;
  if (state.kind === "done") {
    const on = state.answeredOn ? formatDate(state.answeredOn, lang) : null;
    return `${h1}<p>${escapeHtml(t.done(state.status, on))}</p>\n`;
  }
  const facts_ = `<dl class="facts">
<dt>${f.reference}</dt><dd>${escapeHtml(facts.reference)}</dd>
<dt>${f.type}</dt><dd>${escapeHtml(`${info.label[lang]} (${info.article})`)}</dd>
<dt>${f.received}</dt><dd>${escapeHtml(formatDate(facts.receivedOn, lang))}</dd>
<dt>${f.due}</dt><dd>${escapeHtml(formatDate(facts.dueOn, lang))}</dd>
</dl>\n`;
  const errors = state.errors ?? [];
  const errorOf = (field: PartyField) => errors.find((e) => e.field === field);
  const choices = Object.entries(t.choices) as Array<[string, readonly [string, (org: string) => string]]>;
  const firstChoiceId = `choice-${choices[0]?.[0]}`;
  const summary =
    errors.length === 0
      ? ""
      : `<div class="error-summary" role="alert" aria-labelledby="error-title">
<h2 id="error-title">${T[lang].errorTitle}</h2>
<ul>${errors.map((e) => `<li><a href="#${e.field === "choice" ? firstChoiceId : "text"}">${escapeHtml(e.message)}</a></li>`).join("")}</ul>
</div>\n`;
  const choiceError = errorOf("choice");
  const textError = errorOf("text");
  const radios = choices
    .map(([value, [label, hint]]) => {
      const id = `choice-${value}`;
      const checked = state.choice === value ? " checked" : "";
      return `<div class="choice"><input type="radio" id="${id}" name="choice" value="${value}" required aria-describedby="${id}-hint${choiceError ? " choice-error" : ""}"${checked}>
<label for="${id}">${escapeHtml(label)}</label><span class="hint" id="${id}-hint">${escapeHtml(hint(facts.orgName))}</span></div>`;
    })
    .join("\n");
  return `${h1}<p>${escapeHtml(t.intro(facts.orgName))}</p>
${facts_}${summary}<form method="post" action="${escapeHtml(facts.action)}">
<fieldset${choiceError ? ' aria-invalid="true"' : ""}><legend>${t.legend}</legend>
${choiceError ? `<span class="field-error" id="choice-error">${escapeHtml(T[lang].errorPrefix + choiceError.message)}</span>\n` : ""}${radios}
</fieldset>
<p><label for="text">${t.text}</label>
<span class="hint" id="text-hint">${t.textHint}</span>
${textError ? `<span class="field-error" id="text-error">${escapeHtml(T[lang].errorPrefix + textError.message)}</span>\n` : ""}<textarea id="text" name="text" rows="6" maxlength="5000" aria-describedby="text-hint${textError ? " text-error" : ""}"${textError ? ' aria-invalid="true"' : ""}>${escapeHtml(state.text ?? "")}</textarea></p>
<p><button type="submit">${t.submit}</button></p>
</form>
`;
}
