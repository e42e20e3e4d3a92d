import type { Lang } from "../../documents/document-model.ts";
import { formatDate } from "../../documents/format-date.ts";
import { HTML_STYLE } from "../../documents/html-style.ts";
import { labelsFor } from "../../documents/labels.ts";
import { escapeHtml } from "../../documents/render-html.ts";
import { PUBLIC_STYLE } from "../../publication/public-page-html.ts";
import { statusPageHtml } from "../../publication/public-status-page.ts";
import { packageLabelsFor } from "./package-labels.ts";

export type PackagePage = {
  slug: string;
  lang: Lang;
  token: string;
  orgName: string;
  reference: string;
  expiresOn: string;
  zipBytes: number;
};

function kib(bytes: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 1 }).format(
    bytes / 1024,
  );
}

/**
 * The page a package link opens: what the package is, until when the link works, and one button per file.
 * Buttons post a form (no JavaScript needed): a mail scanner that follows the link in the e-mail opens this
 * page but downloads nothing, so each recorded download is the person's. The token travels in the form body,
 * not in another URL.
 */
export function packagePageHtml(page: PackagePage): string {
  const p = packageLabelsFor(page.lang);
  const l = labelsFor(page.lang);
  const other = page.lang === "fr" ? "en" : "fr";
  const token = escapeHtml(page.token);
  const action = `/o/${escapeHtml(page.slug)}/rights/package/download?lang=${page.lang}`;
  const button = (file: "zip" | "html", label: string, help: string, extra = "") =>
    `<form method="post" action="${action}">
<input type="hidden" name="token" value="${token}">
<input type="hidden" name="file" value="${file}">
<p><button type="submit" aria-describedby="${file}-help">${escapeHtml(label)}</button></p>
<p id="${file}-help">${escapeHtml(help)}${extra ? ` ${escapeHtml(extra)}` : ""}</p>
</form>
`;
  return `<!DOCTYPE html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${escapeHtml(p.pageTitle)} — ${escapeHtml(page.orgName)}</title>
<style>${HTML_STYLE}${PUBLIC_STYLE}</style>
</head>
<body>
<a class="skip-link" href="#main">${escapeHtml(l.skipLink)}</a>
<header>
<p>${escapeHtml(page.orgName)}</p>
<p class="lang"><a href="?token=${encodeURIComponent(page.token)}&amp;lang=${other}" hreflang="${other}" lang="${other}">${p.otherLanguage}</a></p>
</header>
<main id="main">
<h1>${escapeHtml(p.pageTitle)}</h1>
<p>${escapeHtml(p.pageIntro(page.orgName, page.reference))}</p>
<p class="note">${escapeHtml(p.expires(formatDate(page.expiresOn, page.lang)))}</p>
${button("zip", p.zipButton, p.zipHelp, p.size(kib(page.zipBytes, page.lang)))}${button("html", p.htmlButton, p.htmlHelp)}</main>
</body>
</html>
`;
}

/** The page for an expired, altered or unknown link: it names no organisation and no request. */
export function invalidPackagePageHtml(lang: Lang): string {
  const p = packageLabelsFor(lang);
  return statusPageHtml({ lang, title: p.invalidTitle, message: p.invalid });
}
