import {
  type Block,
  type Cell,
  type GardienDocument,
  isSafeHref,
  type Rich,
  type Section,
} from "./document-model.ts";
import { formatDate } from "./format-date.ts";
import { labelsFor } from "./labels.ts";

/**
 * Register text as literal Markdown text. Newlines become spaces (a line starting with "-" or "#" would turn into
 * a list or heading); the characters that start emphasis, code, links, raw HTML, autolinks, tables and entity
 * references are backslash-escaped, so `<script>` or `[x](javascript:…)` in the register stays visible text.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*\n\s*/g, " ")
    .replace(/[\\`*_[\]<>|~]/g, "\\$&")
    .replace(/&(?=#?[a-zA-Z0-9]+;)/g, "\\&");
}

/** A paragraph or item that would read as a heading, quote, list item or rule is escaped at its start. */
function guardLineStart(text: string): string {
  return text.replace(/^(\s*)([#>+=-]|\d+(?=[.)]))/, (_m, space: string, mark: string) =>
    /^\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`,
  );
}

function href(url: string): string {
  return url.replace(/[()<>\s]/g, (c) => encodeURIComponent(c));
}

function inline(text: Rich): string {
  if (typeof text === "string") return guardLineStart(escapeMarkdown(text));
  let out = "";
  for (const span of text) {
    if (typeof span === "string") out += escapeMarkdown(span);
    else if ("link" in span) {
      out += isSafeHref(span.link)
        ? `[${escapeMarkdown(span.text)}](${href(span.link)})`
        : escapeMarkdown(span.text);
    } else if ("strong" in span) out += `**${escapeMarkdown(span.strong)}**`;
    else out += `_${escapeMarkdown(span.gap)}_`;
  }
  return guardLineStart(out);
}

function cell(value: Cell): string {
  if (typeof value === "string" || !("lines" in value)) return inline(value);
  // <br> is Gardien's own markup, never register text: Markdown tables have no other way to break a line.
  return value.lines.map(inline).join("<br>");
}

function block(b: Block, colon: string): string {
  switch (b.type) {
    case "paragraph":
      return `${inline(b.text)}\n\n`;
    case "list":
      return `${b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : "-"} ${inline(item)}\n`).join("")}\n`;
    case "definitions":
      return `${b.items
        .map((item) => {
          const term = `**${escapeMarkdown(item.term)}**`;
          // A question ("Des données sensibles sont-elles traitées ?") takes its answer without a colon.
          const sep = /[?:]$/.test(item.term) ? " " : colon;
          if (item.details.length === 1) return `- ${term}${sep}${inline(item.details[0]!)}\n`;
          return `- ${term}\n${item.details.map((d) => `  - ${inline(d)}\n`).join("")}`;
        })
        .join("")}\n`;
    case "table": {
      const row = (cells: readonly string[]) => `| ${cells.join(" | ")} |\n`;
      let out = `**${escapeMarkdown(b.caption)}**\n\n`;
      out += row(b.head.map(escapeMarkdown));
      out += row(b.head.map(() => "---"));
      for (const r of b.rows) out += row(r.map(cell));
      return `${out}\n`;
    }
  }
}

function sectionMd(s: Section, depth: number, colon: string): string {
  let out = `${"#".repeat(Math.min(depth + 1, 6))} ${escapeMarkdown(s.title)}\n\n`;
  for (const b of s.blocks) out += block(b, colon);
  for (const child of s.sections) out += sectionMd(child, depth + 1, colon);
  return out;
}

/**
 * A document as CommonMark (with GFM tables): the same model the HTML page renders, so both state the same
 * facts. Register text is escaped; links are only those the builder made (http, https, mailto).
 */
export function renderMarkdown(doc: GardienDocument): string {
  const l = labelsFor(doc.lang);
  let out = `# ${escapeMarkdown(doc.title)}\n\n${escapeMarkdown(doc.organisation.name)}\n\n`;
  for (const b of doc.blocks) out += block(b, l.colon);
  for (const s of doc.sections) out += sectionMd(s, 1, l.colon);
  const updated = doc.registerUpdatedOn ? formatDate(doc.registerUpdatedOn, doc.lang) : undefined;
  return `${out}---\n\n${escapeMarkdown(l.footer(updated))}\n`;
}
