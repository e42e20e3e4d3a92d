/**
 * The pages of the request form: the form itself (plain HTML, no JavaScript), the page after sending, and
 * the page when a connection sends too many. Accessibility: every field has a label, hints and errors are
 * tied to their field (aria-describedby), the request type is a radio group in a fieldset with a legend,
 * required fields say so in words, and errors are summarised at the top with links to their fields.
 */

import { tOpt } from "../../documents/document-text.ts";
import { formatDate } from "../../documents/format-date.ts";
import { escapeHtml } from "../../documents/render-html.ts";
import { type Lang, REQUEST_TYPES } from "../model/request.schema.ts";
import { REQUEST_TYPE_INFO } from "../model/vocabulary.ts";
import { FORM_TEXT, RIGHT_EXPLANATIONS } from "./intake-texts.ts";
import type { IntakeSite } from "./load-intake-site.ts";
import type { FieldError, FormField, FormValues } from "./request-form.ts";
import { rightsPageHtml } from "./rights-page-html.ts";

export type FormPageState =
  | { kind: "form"; values: FormValues; errors: readonly FieldError[] }
  | {
      kind: "accepted";
      /** Unset for a bot caught by the honeypot: nothing was stored, so there is no reference. */
      reference?: string | undefined;
      dueOn: string;
      maskedEmail: string;
      identityLinkHours: number;
      mailEnabled: boolean;
    }
  | { kind: "too_many" };

/** The id of the element an error summary links to: the field, or the group's first radio. */
function anchorOf(field: FormField, site: IntakeSite): string {
  if (field === "type") return `type-${REQUEST_TYPES[0]}`;
  if (field === "activities") return site.activities[0] ? `activity-${site.activities[0].ref}` : "activities";
  return field;
}

function errorSummary(lang: Lang, site: IntakeSite, errors: readonly FieldError[]): string {
  if (errors.length === 0) return "";
  const t = FORM_TEXT[lang];
  const labels: Record<FormField, string> = {
    type: t.typeLegend,
    name: t.name,
    email: t.email,
    customerId: t.customerId,
    activities: t.activitiesLegend,
    message: t.message,
    representative: t.representative,
  };
  const items = errors
    .map(
      (e) =>
        `<li><a href="#${anchorOf(e.field, site)}">${escapeHtml(`${labels[e.field]}${lang === "fr" ? " :" : ":"} ${e.message}`)}</a></li>`,
    )
    .join("");
  return `<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
<h2 id="error-summary-title">${escapeHtml(t.errorTitle(errors.length))}</h2>
<ul>${items}</ul>
</div>
`;
}

function formHtml(site: IntakeSite, lang: Lang, values: FormValues, errors: readonly FieldError[]): string {
  const t = FORM_TEXT[lang];
  const errorOf = (field: FormField) => errors.find((e) => e.field === field);
  const errorLine = (field: FormField) => {
    const e = errorOf(field);
    return e
      ? `<span id="${field}-error" class="field-error">${escapeHtml(t.errorPrefix + e.message)}</span>\n`
      : "";
  };
  const describedBy = (field: FormField, hint: boolean) => {
    const ids = [...(hint ? [`${field}-hint`] : []), ...(errorOf(field) ? [`${field}-error`] : [])];
    return `${ids.length ? ` aria-describedby="${ids.join(" ")}"` : ""}${errorOf(field) ? ' aria-invalid="true"' : ""}`;
  };
  const marker = (required: boolean) => ` <span class="req">${required ? t.required : t.optional}</span>`;
  const text = (
    field: "name" | "email" | "customerId" | "representative",
    input: { label: string; hint: string; required: boolean; type?: string; autocomplete: string },
  ) => `<p><label for="${field}">${escapeHtml(input.label)}${marker(input.required)}</label>
<span id="${field}-hint" class="hint">${escapeHtml(input.hint)}</span>
${errorLine(field)}<input type="${input.type ?? "text"}" id="${field}" name="${field}"${input.required ? " required" : ""} autocomplete="${input.autocomplete}" value="${escapeHtml(values[field])}"${describedBy(field, true)}></p>
`;

  const radios = REQUEST_TYPES.map((type) => {
    const info = REQUEST_TYPE_INFO[type];
    const checked = values.type === type ? " checked" : "";
    return `<div class="choice"><input type="radio" id="type-${type}" name="type" value="${type}" required${checked} aria-describedby="type-${type}-hint"><label for="type-${type}">${escapeHtml(`${info.label[lang]} (${info.article})`)}</label><span id="type-${type}-hint" class="hint">${escapeHtml(RIGHT_EXPLANATIONS[type][lang])}</span></div>`;
  }).join("\n");
  const typeError = errorOf("type");
  const typeGroup = `<fieldset${typeError ? ' aria-describedby="type-error"' : ""}>
<legend>${escapeHtml(t.typeLegend)}${marker(true)}</legend>
${errorLine("type")}${radios}
</fieldset>
`;

  let activities = "";
  if (site.activities.length > 0) {
    const boxes = site.activities
      .map((a) => {
        const checked = values.activities.includes(a.ref) ? " checked" : "";
        const name = tOpt(a.name, lang) ?? a.ref;
        return `<div class="choice"><input type="checkbox" id="activity-${escapeHtml(a.ref)}" name="activities" value="${escapeHtml(a.ref)}"${checked}><label for="activity-${escapeHtml(a.ref)}">${escapeHtml(name)}</label></div>`;
      })
      .join("\n");
    activities = `<fieldset id="activities" aria-describedby="activities-hint${errorOf("activities") ? " activities-error" : ""}">
<legend>${escapeHtml(t.activitiesLegend)}${marker(false)}</legend>
<span id="activities-hint" class="hint">${escapeHtml(t.activitiesHint)}</span>
${errorLine("activities")}${boxes}
</fieldset>
`;
  }

  const message = `<p><label for="message">${escapeHtml(t.message)}${marker(false)}</label>
<span id="message-hint" class="hint">${escapeHtml(t.messageHint)}</span>
${errorLine("message")}<textarea id="message" name="message" rows="8" maxlength="10000"${describedBy("message", true)}>${escapeHtml(values.message)}</textarea></p>
`;

  return `<form method="post" action="/o/${site.slug}/rights?lang=${lang}" novalidate>
${typeGroup}${text("name", { label: t.name, hint: t.nameHint, required: true, autocomplete: "name" })}${text("email", { label: t.email, hint: t.emailHint, required: true, type: "email", autocomplete: "email" })}${text("customerId", { label: t.customerId, hint: t.customerIdHint, required: false, autocomplete: "off" })}${activities}${message}${text("representative", { label: t.representative, hint: t.representativeHint, required: false, autocomplete: "off" })}<p class="hp" aria-hidden="true"><label for="website">${escapeHtml(t.honeypot)}</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></p>
<p><button type="submit">${escapeHtml(t.submit)}</button></p>
</form>
`;
}

/** One page of the form's flow, in the page's language. */
export function requestFormPageHtml(site: IntakeSite, lang: Lang, state: FormPageState): string {
  const t = FORM_TEXT[lang];
  const other: Lang = lang === "fr" ? "en" : "fr";
  const frame = (title: string, main: string, isForm = false) =>
    rightsPageHtml({
      site,
      lang,
      title,
      main,
      otherLangHref: `/o/${site.slug}/rights?lang=${other}`,
      isForm,
    });
  switch (state.kind) {
    case "form": {
      const title = state.errors.length > 0 ? `${t.errorPrefix}${t.title}` : t.title;
      return frame(
        title,
        `<h1>${escapeHtml(t.title)}</h1>
${errorSummary(lang, site, state.errors)}<p>${escapeHtml(t.intro(site.orgName))}</p>
<p>${escapeHtml(t.requiredNote)}</p>
${formHtml(site, lang, state.values, state.errors)}<section aria-labelledby="notice-title">
<h2 id="notice-title">${escapeHtml(t.noticeTitle)}</h2>
<p>${escapeHtml(t.notice(site.orgName))}</p>
</section>
`,
        true,
      );
    }
    case "accepted": {
      const title = state.mailEnabled ? t.sentTitle : t.recordedTitle;
      const reference = state.reference ? `<p>${escapeHtml(t.reference(state.reference))}</p>\n` : "";
      const mail = state.mailEnabled
        ? `<p>${escapeHtml(t.sent(state.maskedEmail, state.identityLinkHours))}</p>\n<p>${escapeHtml(t.spam)}</p>\n`
        : `<p>${escapeHtml(t.noMail(site.orgName))}</p>\n`;
      return frame(
        title,
        `<h1>${escapeHtml(title)}</h1>
${reference}${mail}<p>${escapeHtml(t.due(site.orgName, formatDate(state.dueOn, lang)))}</p>
`,
      );
    }
    case "too_many":
      return frame(
        t.tooManyTitle,
        `<h1>${escapeHtml(t.tooManyTitle)}</h1>
<p>${escapeHtml(t.tooMany)}</p>
<p><a href="/o/${site.slug}/rights?lang=${lang}">${escapeHtml(t.back)}</a></p>
`,
      );
  }
}
