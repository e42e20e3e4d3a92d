import type { GardienDocument } from "../../documents/document-model.ts";
import { formatDate } from "../../documents/format-date.ts";
import { HTML_STYLE } from "../../documents/html-style.ts";
import { labelsFor } from "../../documents/labels.ts";
import type { RenderedFile } from "../../documents/render-document.ts";
import { escapeHtml, renderHtmlBody } from "../../documents/render-html.ts";
import { escapeMarkdown, renderMarkdown } from "../../documents/render-markdown.ts";
import { renderPdf } from "../../documents/render-pdf.ts";

export const LETTER_FORMATS = ["html", "md", "pdf"] as const;
export type LetterFormat = (typeof LETTER_FORMATS)[number];

/**
 * A letter as a standalone HTML page: the documents' body renderer and stylesheet (every value escaped, no
 * script allowed by the page's CSP), inside a page of its own: a letter's footer is not the register's
 * "generated from the register of processing activities".
 */
export function letterHtml(doc: GardienDocument): string {
  const l = labelsFor(doc.lang);
  const org = escapeHtml(doc.organisation.name);
  return `<!DOCTYPE html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="Gardien">
<title>${escapeHtml(doc.title)} — ${org}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<a class="skip-link" href="#main">${escapeHtml(l.skipLink)}</a>
<header><p>${org}</p></header>
<main id="main">
<article>
${renderHtmlBody(doc)}</article>
</main>
</body>
</html>
`;
}

/**
 * A letter as Markdown, which reads as plain text in an e-mail: the documents' renderer without the register
 * footer it appends (the footer is computed the same way, so it is cut only when it is exactly that).
 */
export function letterMarkdown(doc: GardienDocument): string {
  const out = renderMarkdown(doc);
  const updated = doc.registerUpdatedOn ? formatDate(doc.registerUpdatedOn, doc.lang) : undefined;
  const footer = `---\n\n${escapeMarkdown(labelsFor(doc.lang).footer(updated))}\n`;
  return out.endsWith(footer) ? out.slice(0, -footer.length) : out;
}

/**
 * A letter in one format: HTML (standalone page), Markdown (the e-mail's text) or PDF (A4, fonts embedded, by
 * src/documents/render-pdf.ts).
 *
 * @example (await renderLetter(buildAnswerLetter(input), "pdf")).mediaType // "application/pdf"
 */
export async function renderLetter(doc: GardienDocument, format: LetterFormat): Promise<RenderedFile> {
  switch (format) {
    case "html":
      return { mediaType: "text/html; charset=utf-8", extension: "html", body: letterHtml(doc) };
    case "md":
      return { mediaType: "text/markdown; charset=utf-8", extension: "md", body: letterMarkdown(doc) };
    case "pdf":
      return {
        mediaType: "application/pdf",
        extension: "pdf",
        body: await renderPdf(doc, { lang: doc.lang }),
      };
  }
}
