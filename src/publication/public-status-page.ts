import { HTML_STYLE } from "../documents/html-style.ts";
import { escapeHtml } from "../documents/render-html.ts";
import type { Lang } from "./negotiate-language.ts";
import { PUBLIC_STYLE } from "./public-page-html.ts";

/**
 * A standalone page for what is not a document: nothing published yet, a bad link, too many attempts.
 * It names no organisation, so it says nothing about which organisations exist.
 */
export function statusPageHtml(input: { lang: Lang; title: string; message: string }): string {
  const home = input.lang === "fr" ? "Aller au contenu" : "Skip to content";
  return `<!DOCTYPE html>
<html lang="${input.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<style>${HTML_STYLE}${PUBLIC_STYLE}</style>
</head>
<body>
<a class="skip-link" href="#main">${home}</a>
<header><p>Gardien</p></header>
<main id="main">
<h1>${escapeHtml(input.title)}</h1>
<p>${escapeHtml(input.message)}</p>
</main>
</body>
</html>
`;
}

/** The title of a status page by HTTP status, in the reader's language. */
export function statusTitle(status: number, lang: Lang): string {
  const fr = lang === "fr";
  if (status === 404) return fr ? "Page introuvable" : "Page not found";
  if (status === 429) return fr ? "Trop de tentatives" : "Too many attempts";
  if (status >= 500) return fr ? "Service indisponible" : "Service unavailable";
  return fr ? "Demande invalide" : "Invalid request";
}
