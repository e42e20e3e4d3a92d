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
export function fastInputLine(json: unknown): PiiInputLine | undefined {
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

/** JSON.parse's message quotes the input: the reason given for a line that is not JSON never does. */
export const NOT_JSON = "not valid JSON";

/** The parsed JSON of a raw line, or NOT_JSON_VALUE when it is not JSON. */
export const NOT_JSON_VALUE: unique symbol = Symbol("not JSON");

export function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return NOT_JSON_VALUE;
  }
}

/** True for a line of blanks only, which is counted but neither answered nor reported. */
export function isBlank(raw: string): boolean {
  if (raw.length === 0) return true;
  const c = raw.charCodeAt(0);
  // A JSON line starts with "{": only a line starting with white space needs the full check.
  return (c <= 32 || c === 0xa0 || c === 0x1680 || c >= 0x2000) && raw.trim() === "";
}
