import { ENTITY_TYPES } from "./entity.ts";

/** A token found in a text: where it is, as written, and its canonical form (`<PERSON_1>`). */
export type TokenMatch = { start: number; end: number; token: string };

export type TokenTextKind = "text" | "json";

/**
 * Where a text sits in a longer one that arrives in pieces: `afterWord` says the piece before it ended in
 * a word character, so a bare token at its very start is glued to that word and is none ("X", "PERSON_1").
 */
export type TokenTextOptions = { afterWord?: boolean };

/**
 * Delimiters a model may put around a token instead of `<` and `>`: HTML escaping, Markdown escaping,
 * or template brackets. A token is recognised with a pair, or bare (`PERSON_1`) between word boundaries;
 * an unpaired delimiter stays in the text. Longest openings first, so that `{{` is not read as `{`.
 */
const PAIRS: ReadonlyArray<readonly [open: string, close: string]> = [
  ["&lt;", "&gt;"],
  ["\\<", "\\>"],
  ["<", ">"],
  ["{{", "}}"],
  ["{", "}"],
  ["[", "]"],
];
/** In JSON text a backslash starts an escape: Markdown forms are not looked for there. */
const JSON_PAIRS = PAIRS.filter(([open]) => !open.startsWith("\\"));
const CLOSE_OF = new Map(PAIRS);

/** Type names longest first; Markdown may escape each underscore (`CREDIT\_CARD\_1`). */
const TYPE_NAMES = [...ENTITY_TYPES].sort((a, b) => b.length - a.length);
const escapeRe = (s: string) => s.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
const typeAlternatives = (markdown: boolean) =>
  TYPE_NAMES.map((t) => t.split("_").join(markdown ? "(?:_|\\\\_)" : "_")).join("|");
const pattern = (pairs: typeof PAIRS, markdown: boolean) => {
  const opens = pairs.map(([o]) => escapeRe(o)).join("|");
  const closes = pairs.map(([, c]) => escapeRe(c)).join("|");
  const sep = markdown ? "(?:_|\\\\_)" : "_";
  return new RegExp(`(${opens})?(${typeAlternatives(markdown)})${sep}(\\d{1,9})(${closes})?`, "g");
};
const TEXT_TOKEN = pattern(PAIRS, true);
const JSON_TOKEN = pattern(JSON_PAIRS, false);

const isWordChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/**
 * Finds pseudonymisation tokens as a model may give them back: `<PERSON_1>` as Gardien wrote it, and the
 * forms models turn it into, `PERSON_1`, `&lt;PERSON_1&gt;`, `\<PERSON\_1\>`, `[PERSON_1]`, `{{PERSON_1}}`.
 * Only Gardien's type names count, so `<ORDER_1>` or `USER_2` are not tokens; a bare one must stand
 * alone (`XPERSON_1`, `PERSON_1a` are not tokens).
 *
 * @example
 * findTokens("Bonjour PERSON_1 (&lt;EMAIL_1&gt;)")
 * // [{ start: 8, end: 16, token: "<PERSON_1>" }, { start: 18, end: 33, token: "<EMAIL_1>" }]
 */
export function findTokens(
  text: string,
  kind: TokenTextKind = "text",
  options: TokenTextOptions = {},
): TokenMatch[] {
  const re = kind === "json" ? JSON_TOKEN : TEXT_TOKEN;
  re.lastIndex = 0;
  const out: TokenMatch[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const [whole, open, type, number, close] = m;
    const token = `<${type!.replaceAll("\\_", "_")}_${number}>`;
    const expected = open === undefined ? undefined : CLOSE_OF.get(open)!;
    // "{PERSON_1}}": the closing read was "}}", but "{" wants "}", which it begins with.
    if (expected !== undefined && close?.startsWith(expected)) {
      const end = m.index + whole.length - close.length + expected.length;
      out.push({ start: m.index, end, token });
      re.lastIndex = end;
      continue;
    }
    // Unpaired: the bare name and number, if they stand alone; the delimiters stay.
    const start = m.index + (open?.length ?? 0);
    const end = m.index + whole.length - (close?.length ?? 0);
    const glued = start > 0 ? isWordChar(text.charCodeAt(start - 1)) : options.afterWord === true;
    if (glued || isWordChar(text.charCodeAt(end))) {
      // "XPERSON_1": the match may have swallowed the start of a real token ("[PERSON_1" in "[[PERSON_1]]").
      re.lastIndex = m.index + 1;
      continue;
    }
    out.push({ start, end, token });
  }
  return out;
}

/**
 * Where the end of a streamed text may be the beginning of a token still on its way (`Bonjour <PERS`,
 * `PERSON_1` that may become `PERSON_12`, `&lt;EMAIL_1&g`): the index from which to hold the text back,
 * or `text.length` when all of it can go. Looks at the last `maxHeld` characters only.
 * Sending `text` up to that index and reading the rest with what comes next, told whether what was sent
 * ended in a word character (see TokenTextOptions), finds the same tokens as reading it all at once. So
 * an ordinary word goes at once: a stream waits only on what looks like the start of a token.
 *
 * @example tokenTailStart("Bonjour <PERS") // 8
 */
export function tokenTailStart(
  text: string,
  kind: TokenTextKind = "text",
  options: TokenTextOptions & { maxHeld?: number } = {},
): number {
  const pairs = kind === "json" ? JSON_PAIRS : PAIRS;
  const floor = Math.max(0, text.length - (options.maxHeld ?? 64));
  for (let p = floor; p < text.length; p++) {
    const c = text.charCodeAt(p);
    const glued = p > 0 ? isWordChar(text.charCodeAt(p - 1)) : options.afterWord === true;
    if (!(c >= 65 && c <= 90 && !glued) && !pairs.some(([open]) => open.charCodeAt(0) === c)) continue;
    if (isLiveTail(text.slice(p), pairs, kind === "text")) return p;
  }
  return text.length;
}

/** Whether a text ends in a word character: what the next piece of a stream is told (TokenTextOptions). */
export function endsInWord(text: string, before = false): boolean {
  return text === "" ? before : isWordChar(text.charCodeAt(text.length - 1));
}

/** Whether more text after `tail` could make it, or part of it, a different token match. */
function isLiveTail(tail: string, pairs: typeof PAIRS, markdown: boolean): boolean {
  for (const [open, close] of pairs) {
    if (open.startsWith(tail)) return true; // "&l", "{", "\\"
    if (tail.startsWith(open)) {
      const rest = tail.slice(open.length);
      if (isLiveBody(rest, close, markdown)) return true;
    }
  }
  return isLiveBody(tail, undefined, markdown);
}

/**
 * `rest` after an opening (whose closing is `close`), or bare: live while it is the start of a type name,
 * its separator and number, and, after the number, the start of the closing (bare: the number may go on).
 */
function isLiveBody(rest: string, close: string | undefined, markdown: boolean): boolean {
  const body = markdown ? rest.replaceAll("\\_", "_") : rest;
  const name = /^[A-Z_]*/.exec(body)![0];
  const digits = /^\d*/.exec(body.slice(name.length))![0];
  const after = body.slice(name.length + digits.length);
  if (digits === "") {
    // A Markdown "\" may be the start of an escaped underscore.
    const written = markdown && after === "\\" ? `${name}_` : after === "" ? name : undefined;
    return written !== undefined && TYPE_NAMES.some((t) => `${t}_`.startsWith(written));
  }
  if (!TYPE_NAMES.some((t) => `${t}_` === name)) return false;
  if (close === undefined) return after === "";
  return after.length < close.length && close.startsWith(after);
}
