import {
  type Block,
  type Cell,
  type GardienDocument,
  isSafeHref,
  type Rich,
  type Section,
} from "./document-model.ts";
import { formatDate } from "./format-date.ts";
import { HTML_STYLE } from "./html-style.ts";
import { labelsFor } from "./labels.ts";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text and attribute values alike: every register value goes through here, so `<script>` prints as text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function inline(text: Rich): string {
  if (typeof text === "string") return escapeHtml(text);
  let out = "";
  for (const span of text) {
    if (typeof span === "string") out += escapeHtml(span);
    else if ("link" in span) {
      // Checked again here: a document model built elsewhere must not smuggle a javascript: URL in either.
      out += isSafeHref(span.link)
        ? `<a href="${escapeHtml(span.link)}">${escapeHtml(span.text)}</a>`
        : escapeHtml(span.text);
    } else if ("strong" in span) out += `<strong>${escapeHtml(span.strong)}</strong>`;
    else out += `<em class="gap">${escapeHtml(span.gap)}</em>`;
  }
  return out;
}

function cell(value: Cell): string {
  if (typeof value === "string" || !("lines" in value)) return inline(value);
  if (value.lines.length === 1) return inline(value.lines[0]!);
  return `<ul>${value.lines.map((l) => `<li>${inline(l)}</li>`).join("")}</ul>`;
}

function block(b: Block): string {
  switch (b.type) {
    case "paragraph":
      return `<p>${inline(b.text)}</p>\n`;
    case "list": {
      const tag = b.ordered ? "ol" : "ul";
      return `<${tag}>\n${b.items.map((i) => `<li>${inline(i)}</li>\n`).join("")}</${tag}>\n`;
    }
    case "definitions":
      return `<dl>\n${b.items
        .map(
          (i) =>
            `<div><dt>${escapeHtml(i.term)}</dt>${i.details.map((d) => `<dd>${inline(d)}</dd>`).join("")}</div>\n`,
        )
        .join("")}</dl>\n`;
    case "table": {
      const head = b.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("");
      const rows = b.rows
        .map((row) => {
          const cells = row.map((c, i) =>
            b.rowHeader && i === 0 ? `<th scope="row">${cell(c)}</th>` : `<td>${cell(c)}</td>`,
          );
          return `<tr>${cells.join("")}</tr>\n`;
        })
        .join("");
      return `<table>\n<caption>${escapeHtml(b.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}</tbody>\n</table>\n`;
    }
  }
}

function sectionHtml(s: Section, depth: number): string {
  const level = Math.min(depth + 1, 6);
  const id = escapeHtml(s.id);
  let out = `<section aria-labelledby="${id}">\n<h${level} id="${id}">${escapeHtml(s.title)}</h${level}>\n`;
  for (const b of s.blocks) out += block(b);
  for (const child of s.sections) out += sectionHtml(child, depth + 1);
  return `${out}</section>\n`;
}

function toc(sections: readonly Section[], depth: number): string {
  const items = sections.map((s) => {
    const children = depth < 2 && s.sections.length ? toc(s.sections, depth + 1) : "";
    return `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a>${children}</li>`;
  });
  return `<ol>${items.join("")}</ol>`;
}

/** The document's body: title, blocks and sections, headings from h1 down in order. */
export function renderHtmlBody(doc: GardienDocument): string {
  let out = `<h1>${escapeHtml(doc.title)}</h1>\n`;
  for (const b of doc.blocks) out += block(b);
  if (doc.sections.length >= 3) {
    out += `<nav aria-label="${escapeHtml(labelsFor(doc.lang).contents)}">${toc(doc.sections, 1)}</nav>\n`;
  }
  for (const s of doc.sections) out += sectionHtml(s, 1);
  return out;
}

/**
 * A complete, standalone HTML page for a document: language, landmarks (banner, navigation, main,
 * contentinfo), a skip link, one h1, headings in order, tables with caption and th scope, print CSS, and a
 * Content-Security-Policy that allows no script at all. All register text is escaped.
 *
 * @example renderHtml(buildPublicRegister(register, { lang: "fr" })).startsWith("<!DOCTYPE html>") // true
 */
export function renderHtml(doc: GardienDocument): string {
  const l = labelsFor(doc.lang);
  const org = escapeHtml(doc.organisation.name);
  const updated = doc.registerUpdatedOn ? formatDate(doc.registerUpdatedOn, doc.lang) : undefined;
  return `<!DOCTYPE html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
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
<footer><p>${escapeHtml(l.footer(updated))}</p></footer>
</body>
</html>
`;
}
