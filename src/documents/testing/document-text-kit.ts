import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Typography the seeds and the register do not agree on (curly or straight apostrophes, no-break spaces) is
 * not a fact: both sides are compared after this.
 */
export function normalise(text: string): string {
  return text
    .replace(/[’‘]/g, "'")
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
};

/** What a reader sees of an HTML page: inline tags vanish, block tags separate words, entities are decoded. */
export function htmlText(html: string): string {
  const body = html.replace(/<head>[\s\S]*<\/head>/, "");
  return normalise(
    body
      .replace(/<\/?(a|em|strong|span)\b[^>]*>/g, "")
      .replace(/<[^>]+>/g, " ")
      .replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!),
  );
}

/** What a reader sees of a Markdown document: link texts, no emphasis markers, no escapes, no table pipes. */
export function markdownText(md: string): string {
  return normalise(
    md
      .replace(/\[((?:\\.|[^\]\\])*)\]\([^)\s]*\)/g, "$1")
      .replace(/\*\*/g, "")
      .replace(/(?<!\\)_/g, "")
      .replace(/<br>/g, " ")
      .replace(/(?<!\\)\|/g, " ")
      .replace(/\\(.)/g, "$1"),
  );
}

/** A fact: the seed's literal words, or [the seed's words, the generated equivalent] when the wording differs. */
export type Fact = string | readonly [seed: string, generated: string];

export const seedWords = (f: Fact): string => (typeof f === "string" ? f : f[0]);
export const generatedWords = (f: Fact): string => (typeof f === "string" ? f : f[1]);

/** Fails once, listing every fact the text does not state. */
export function assertStatesAll(text: string, facts: readonly (Fact | string)[], what: string): void {
  const haystack = normalise(text);
  const missing = facts.map(generatedWords).filter((f) => !haystack.includes(normalise(f)));
  assert.deepEqual(missing, [], `${what} does not state: ${missing.join(" | ")}`);
}

export function countOf(text: string, needle: string): number {
  return normalise(text).split(normalise(needle)).length - 1;
}

/** The seed documents live beside the repository (../shared/seeds) or where GARDIEN_SEEDS_DIR says. */
export function readSeed(name: string): string | undefined {
  const dir =
    process.env.GARDIEN_SEEDS_DIR ?? join(import.meta.dirname, "..", "..", "..", "..", "shared", "seeds");
  const path = join(dir, name);
  return existsSync(path) ? readFileSync(path, "utf8") : undefined;
}
