import type { z } from "zod";
import type { PiiInputLineSchema } from "./input-line.schema.ts";

/** One input line of the `gardien pii` commands, as validated by `PiiInputLineSchema`. */
export type PiiInputLine = z.output<typeof PiiInputLineSchema>;

const LANGS = new Set<unknown>(["fr", "en", "auto"]);

/**
 * The common case of `PiiInputLineSchema.safeParse` without its allocations: a plain object with the
 * expected types gives the same output object zod would. Anything else returns undefined and goes through
 * the schema, which then decides (and explains). This module imports no zod at run time, so a worker
 * thread that only meets valid lines never loads it (~50 ms of its start).
 */
function fastInputLine(json: unknown): PiiInputLine | undefined {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return undefined;
  const o = json as Record<string, unknown>;
  const { id, text, lang, conversation } = o;
  if (!(typeof id === "string" || (typeof id === "number" && Number.isFinite(id)))) return undefined;
  if (typeof text !== "string") return undefined;
  const line: PiiInputLine = { id, text };
  if ("lang" in o) {
    if (!LANGS.has(lang)) return undefined;
    line.lang = lang as PiiInputLine["lang"];
  }
  if ("conversation" in o) {
    if (typeof conversation !== "string") return undefined;
    line.conversation = conversation;
  }
  return line;
}

/** What a line gives before the schema: a valid input, a refusal, or JSON the fast check could not accept. */
export type LineReading = PiiInputLine | { reason: string } | { json: unknown };

/**
 * One raw input line: undefined for a blank line (counted, neither answered nor reported), the input when
 * the fast check accepts it, the refusal when it is not JSON (JSON.parse's message quotes the input: the
 * reason never does), else `{ json }` for the schema to decide (validateInputLine), which the caller loads
 * only then: a worker thread that meets only valid lines never loads zod.
 */
export function readInputLine(raw: string): LineReading | undefined {
  if (isBlank(raw)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { reason: "not valid JSON" };
  }
  return fastInputLine(json) ?? { json };
}

function isBlank(raw: string): boolean {
  if (raw.length === 0) return true;
  const c = raw.charCodeAt(0);
  // A JSON line starts with "{": only a line starting with white space needs the full check.
  return (c <= 32 || c === 0xa0 || c === 0x1680 || c >= 0x2000) && raw.trim() === "";
}
