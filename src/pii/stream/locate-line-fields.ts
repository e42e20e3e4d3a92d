import type { DetectLang } from "../entity.ts";

/** Where an input line's fields sit in its UTF-8 bytes, as `locateLineFields` found them. */
export type LineFields = {
  /** The id's JSON bytes: an integer, or a string with its quotes. */
  idStart: number;
  idEnd: number;
  /** True when those bytes are exactly what JSON.stringify writes for the parsed id. */
  idVerbatim: boolean;
  /** The text's bytes, inside its quotes. */
  textStart: number;
  textEnd: number;
  lang: DetectLang | undefined;
};

export function emptyLineFields(): LineFields {
  return { idStart: 0, idEnd: 0, idVerbatim: false, textStart: 0, textEnd: 0, lang: undefined };
}

const QUOTE = 34;
const BACKSLASH = 92;
const ID = 1;
const TEXT = 2;
const LANG = 4;
const CONVERSATION = 8;

/**
 * Reads the common shape of a `gardien pii detect` input line straight from its bytes: one flat JSON
 * object whose strings hold no escape, with a string or integer "id", a string "text", optionally a known
 * "lang", a string "conversation" and other keys holding strings or numbers. For such a line the answer is
 * exactly what JSON.parse and the schema give, without building the parsed object, the line's string or
 * the key strings: the worker then decodes the text alone. Anything else (escapes, other value types,
 * repeated keys, a lone "\r", an invalid line) returns false and goes through the general path, which
 * decides and explains.
 *
 * `end` excludes the line break; a "\r" just before it is the "\r\n" break's and is ignored.
 */
export function locateLineFields(b: Uint8Array, start: number, end: number, f: LineFields): boolean {
  if (end > start && b[end - 1] === 13) end--;
  let i = skipSpace(b, start, end);
  if (i >= end || b[i] !== 123) return false;
  i = skipSpace(b, i + 1, end);
  let seen = 0;
  f.lang = undefined;
  for (;;) {
    if (i >= end || b[i] !== QUOTE) return false;
    const keyEnd = stringEnd(b, i + 1, end);
    if (keyEnd < 0) return false;
    const key = keyOf(b, i + 1, keyEnd);
    if ((key & seen) !== 0) return false;
    seen |= key;
    i = skipSpace(b, keyEnd + 1, end);
    if (i >= end || b[i] !== 58) return false;
    i = skipSpace(b, i + 1, end);
    if (i >= end) return false;
    const c = b[i]!;
    if (c === QUOTE) {
      const valueEnd = stringEnd(b, i + 1, end);
      if (valueEnd < 0) return false;
      if (key === ID) {
        f.idStart = i;
        f.idEnd = valueEnd + 1;
        f.idVerbatim = isPrintableAscii(b, i + 1, valueEnd);
      } else if (key === TEXT) {
        f.textStart = i + 1;
        f.textEnd = valueEnd;
      } else if (key === LANG) {
        const lang = langOf(b, i + 1, valueEnd);
        if (lang === undefined) return false;
        f.lang = lang;
      }
      i = valueEnd + 1;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      // An integer id is written back verbatim; any other number is left to the general path.
      if (key !== ID && key !== 0) return false;
      const numberEnd = integerEnd(b, i, end);
      if (numberEnd < 0) return false;
      if (key === ID) {
        f.idStart = i;
        f.idEnd = numberEnd;
        f.idVerbatim = true;
      }
      i = numberEnd;
    } else return false;
    i = skipSpace(b, i, end);
    if (i >= end) return false;
    if (b[i] === 44) {
      i = skipSpace(b, i + 1, end);
      continue;
    }
    if (b[i] !== 125) return false;
    return skipSpace(b, i + 1, end) === end && (seen & (ID | TEXT)) === (ID | TEXT);
  }
}

/** JSON white space but "\r" (13), which outside a "\r\n" break ends a line. */
function skipSpace(b: Uint8Array, i: number, end: number): number {
  while (i < end) {
    const c = b[i]!;
    if (c !== 32 && c !== 9) break;
    i++;
  }
  return i;
}

/** The index of the closing quote of a string starting at `i`, or -1 if it holds an escape or a control character. */
function stringEnd(b: Uint8Array, i: number, end: number): number {
  for (; i < end; i++) {
    const c = b[i]!;
    if (c === QUOTE) return i;
    if (c === BACKSLASH || c < 32) return -1;
  }
  return -1;
}

/** -?(0|[1-9][0-9]{0,14}), which JSON.stringify writes back unchanged ("-0" is not: it becomes "0"). */
function integerEnd(b: Uint8Array, i: number, end: number): number {
  const negative = b[i] === 45;
  if (negative) i++;
  const first = i;
  while (i < end && b[i]! >= 48 && b[i]! <= 57) i++;
  const digits = i - first;
  if (digits === 0 || digits > 15 || (b[first] === 48 && (digits > 1 || negative))) return -1;
  // A fraction or an exponent follows: not an integer written as one.
  if (i < end && (b[i] === 46 || b[i] === 101 || b[i] === 69)) return -1;
  return i;
}

function keyOf(b: Uint8Array, s: number, e: number): number {
  const n = e - s;
  if (n === 2 && b[s] === 105 && b[s + 1] === 100) return ID;
  if (n === 4 && b[s] === 116 && b[s + 1] === 101 && b[s + 2] === 120 && b[s + 3] === 116) return TEXT;
  if (n === 4 && b[s] === 108 && b[s + 1] === 97 && b[s + 2] === 110 && b[s + 3] === 103) return LANG;
  if (n === 12 && equalsAscii(b, s, "conversation")) return CONVERSATION;
  return 0;
}

function langOf(b: Uint8Array, s: number, e: number): DetectLang | undefined {
  const n = e - s;
  if (n === 2 && b[s] === 102 && b[s + 1] === 114) return "fr";
  if (n === 2 && b[s] === 101 && b[s + 1] === 110) return "en";
  if (n === 4 && equalsAscii(b, s, "auto")) return "auto";
  return undefined;
}

function equalsAscii(b: Uint8Array, s: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (b[s + k] !== word.charCodeAt(k)) return false;
  return true;
}

/** Printable ASCII (no quote or backslash can be here): JSON.stringify writes such a string unchanged. */
function isPrintableAscii(b: Uint8Array, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (b[k]! > 126) return false;
  return true;
}
