/**
 * The structured document model every generated document is built into, once, from the register. The HTML and
 * Markdown renderers (and later the PDF renderer) only lay it out: they compute no fact. It is also the `json`
 * output format, so its shape is a contract: plain JSON, no functions, no markup inside strings.
 */

export type Lang = "fr" | "en";

export const DOCUMENT_KINDS = ["register", "sheet", "processor-register", "privacy", "notice"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * Inline text. A plain string is text, never markup: renderers escape it. A link carries an href the builder
 * has already checked (http, https or mailto only); `gap` marks words that say the register lacks a fact, so a
 * renderer can style them and a reviewer can find them.
 */
export type Span = string | { link: string; text: string } | { strong: string } | { gap: string };
export type Rich = string | readonly Span[];

/** A table cell: inline text, or several lines (rendered as a list in HTML and line breaks in Markdown). */
export type Cell = Rich | { lines: readonly Rich[] };

export type Block =
  | { type: "paragraph"; text: Rich }
  | { type: "list"; ordered: boolean; items: readonly Rich[] }
  | { type: "definitions"; items: readonly { term: string; details: readonly Rich[] }[] }
  | {
      type: "table";
      caption: string;
      head: readonly string[];
      rows: readonly (readonly Cell[])[];
      /** The first cell of each row names the row (th scope="row"). */
      rowHeader: boolean;
    };

/** A titled part of a document. Nesting gives the heading level (h2, h3, h4), so headings are always in order. */
export type Section = {
  id: string;
  title: string;
  blocks: readonly Block[];
  sections: readonly Section[];
};

export type GardienDocument = {
  format: "gardien-document";
  version: 1;
  kind: DocumentKind;
  lang: Lang;
  /** The h1. */
  title: string;
  organisation: { slug: string; name: string };
  /** The latest creation or update date of the register entries the document was built from (YYYY-MM-DD). */
  registerUpdatedOn?: string;
  /** Blocks under the title, before the first section. */
  blocks: readonly Block[];
  sections: readonly Section[];
};

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

/** True for the only link targets a document may hold: web pages and e-mail addresses. */
export function isSafeHref(href: string): boolean {
  return SAFE_HREF.test(href) && !/[\s<>"'`]/.test(href);
}

/** A link when the target is safe, else the bare text: a register value never becomes a `javascript:` link. */
export function link(href: string, text = href): Span {
  return isSafeHref(href) ? { link: href, text } : text;
}

export function mailto(email: string): Span {
  return link(`mailto:${email}`, email);
}

export function gap(text: string): Span {
  return { gap: text };
}

export function paragraph(text: Rich): Block {
  return { type: "paragraph", text };
}

export function list(items: readonly Rich[], ordered = false): Block {
  return { type: "list", ordered, items };
}

export function definitions(items: readonly { term: string; details: readonly Rich[] }[]): Block {
  return { type: "definitions", items };
}

export function section(
  id: string,
  title: string,
  blocks: readonly Block[],
  sections: readonly Section[] = [],
): Section {
  return { id, title, blocks, sections };
}

/** The plain text of inline content, e.g. for a caption or a search index. */
export function plainText(text: Rich): string {
  if (typeof text === "string") return text;
  let out = "";
  for (const span of text) {
    if (typeof span === "string") out += span;
    else if ("link" in span) out += span.text;
    else if ("strong" in span) out += span.strong;
    else out += span.gap;
  }
  return out;
}
