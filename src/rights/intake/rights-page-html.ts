/**
 * The frame of every public rights page: the documents' stylesheet and the public site's additions (one
 * inline style, no script: the pages' CSP forbids every other source), a header naming the organisation
 * with links to what it has published, a language switch that keeps the page's link, and the content.
 * Unlike the published documents' frame (publication/public-page-html.ts) it works for an organisation
 * that has published nothing yet, and its language link keeps a token.
 */
import { HTML_STYLE } from "../../documents/html-style.ts";
import { labelsFor } from "../../documents/labels.ts";
import { escapeHtml } from "../../documents/render-html.ts";
import { PUBLIC_STYLE } from "../../publication/public-page-html.ts";
import type { Lang } from "../model/request.schema.ts";
import type { IntakeSite } from "./load-intake-site.ts";

export const RIGHTS_STYLE = `
input[type=text],input[type=email],textarea{font:inherit;padding:.45rem .6rem;width:100%;max-width:36rem;border:1px solid var(--muted);border-radius:4px}
textarea{min-height:9rem;resize:vertical}
textarea:focus-visible,input:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
[aria-invalid=true]{border:2px solid var(--gap)}
legend{font-weight:700;padding:0 .3rem}
fieldset{margin:1.2rem 0}
.req{font-weight:400;color:var(--muted)}
.hint{display:block;color:var(--muted);font-size:.95rem;margin:.1rem 0 .35rem}
.field-error{display:block;color:var(--gap);font-weight:600;margin:.1rem 0 .35rem}
.error-summary{border:3px solid var(--gap);border-radius:4px;padding:.4rem 1.1rem;margin:1rem 0 1.5rem}
.error-summary h2{margin:.4rem 0;border:0;font-size:1.2rem;color:var(--gap)}
.choice{display:grid;grid-template-columns:auto 1fr;gap:0 .6rem;align-items:start;margin:.6rem 0}
.choice input{margin:.4rem 0 0;width:1.1rem;height:1.1rem}
.choice label{display:block;margin:0;font-weight:600}
.choice .hint{grid-column:2;margin:0}
.facts dt{font-weight:600}
.history{padding-left:1.25rem}
.history li{margin:.3rem 0}
`;

const NAV_TEXT = {
  fr: {
    nav: "Pages de l'organisme",
    privacy: "Politique de confidentialité",
    register: "Registre des traitements",
    rights: "Exercer vos droits",
  },
  en: {
    nav: "The organisation's pages",
    privacy: "Privacy policy",
    register: "Register of processing",
    rights: "Exercise your rights",
  },
} as const;

export type RightsPageInput = {
  site: IntakeSite;
  lang: Lang;
  title: string;
  /** The content of <main>, already escaped. */
  main: string;
  /** This page in the other language (keeps a token when the page has one). */
  otherLangHref: string;
  /** The form page marks its link as the current page. */
  isForm?: boolean;
};

/** A whole page. Everything interpolated here is escaped; `main` is the caller's escaped HTML. */
export function rightsPageHtml(input: RightsPageInput): string {
  const { site, lang } = input;
  const t = NAV_TEXT[lang];
  const l = labelsFor(lang);
  const org = escapeHtml(site.orgName);
  const base = `/o/${site.slug}`;
  const links = [
    ...(site.published
      ? [
          `<li><a href="${base}/privacy?lang=${lang}">${t.privacy}</a></li>`,
          `<li><a href="${base}/register?lang=${lang}">${t.register}</a></li>`,
        ]
      : []),
    `<li><a href="${base}/rights?lang=${lang}"${input.isForm ? ' aria-current="page"' : ""}>${t.rights}</a></li>`,
  ];
  const other: Lang = lang === "fr" ? "en" : "fr";
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="Gardien">
<title>${escapeHtml(input.title)} — ${org}</title>
<style>${HTML_STYLE}${PUBLIC_STYLE}${RIGHTS_STYLE}</style>
</head>
<body>
<a class="skip-link" href="#main">${escapeHtml(l.skipLink)}</a>
<header class="site">
<p class="org">${org}</p>
<nav aria-label="${t.nav}"><ul>${links.join("")}</ul></nav>
<p class="lang"><a href="${escapeHtml(input.otherLangHref)}" hreflang="${other}" lang="${other}">${other === "fr" ? "Français" : "English"}</a></p>
</header>
<main id="main">
${input.main}</main>
<footer><p>${lang === "fr" ? "Service fourni par Gardien." : "Service provided by Gardien."}</p></footer>
</body>
</html>
`;
}
