import type { I18nText } from "../register/model/common.schema.ts";
import { type Block, gap, type Lang, list, paragraph, type Span } from "./document-model.ts";

/**
 * Register free text in the document's language, falling back to the other language when the register has only
 * that one (the linter reports the missing translation; the document must not lose the fact meanwhile).
 */
export function t(text: I18nText, lang: Lang): string {
  return (lang === "fr" ? (text.fr ?? text.en) : (text.en ?? text.fr)) ?? "";
}

export function tOpt(text: I18nText | undefined, lang: Lang): string | undefined {
  return text ? t(text, lang) : undefined;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A gap sentence standing on its own (a cell, a list item): capitalised. */
export function gapAlone(text: string): Span {
  return gap(capitalise(text));
}

/** "a, b et c" / "a, b and c". */
export function joinWords(items: readonly string[], lang: Lang): string {
  if (items.length < 2) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${lang === "fr" ? "et" : "and"} ${items.at(-1)}`;
}

/** Distinct values, first occurrence order. */
export function unique<T>(items: Iterable<T>, key: (item: T) => string = String): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    const k = key(item);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(item);
    }
  }
  return out;
}

/**
 * Multi-line register text as blocks: runs of lines starting with "- " become a list, other lines paragraphs.
 * The register writes enumerations that way (YAML block scalars); the text itself stays plain.
 */
export function textBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let items: string[] = [];
  const flush = () => {
    if (items.length) blocks.push(list(items));
    items = [];
  };
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith("- ")) items.push(line.slice(2).trim());
    else {
      flush();
      blocks.push(paragraph(line));
    }
  }
  flush();
  return blocks;
}
