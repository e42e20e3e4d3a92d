/**
 * A name that an e-mail address of the same message spells out: "email=dmitri.volkov@fastmail.com …
 * Reported by Dmitri Volkov", "nasrin.haddad@… Welcome aboard, Nasrin!". A capitalised word the scanner
 * left is a person when, in lower case and without accents, it is a part of three letters or more of an
 * address's local part (split at ".", "_" and "-"); a second word that is another part goes with it.
 */
import type { Entity } from "../entity.ts";
import { at, F_LETTER, F_UPPER, FLAGS } from "./char-class.ts";
import { C_COMPANY_AFTER, C_PLACE_AFTER, cueFlags, W_FIRST, W_NEVER_A_NAME, wordFlags } from "./lexicon.ts";

const isLetter = (c: number) => (FLAGS[c]! & F_LETTER) !== 0;
const isUpper = (c: number) => (FLAGS[c]! & F_UPPER) !== 0;
const NONE: Entity[] = [];

/**
 * Each code unit in lower case and without its accent ("É" → "e"), where that is one code unit; others
 * stay as they are. Words are compared through it in place: no slice, no normalize per word.
 */
const PLAIN = new Uint16Array(0x250);
for (let c = 0; c < PLAIN.length; c++) {
  const p = String.fromCharCode(c).normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  PLAIN[c] = p.length === 1 ? p.charCodeAt(0) : c;
}
const plainAt = (text: string, i: number) => {
  const c = at(text, i);
  return c < 0x250 ? PLAIN[c]! : c;
};
const isPartSeparator = (c: number) => c === 46 || c === 95 || c === 45; // ".", "_", "-"

/** Parts of three letters or more of the two-part local parts of the first eight addresses: [start, end) pairs. */
const PARTS = new Int32Array(32);

/** Person entities at the starts in `left` (the first `count`) that an e-mail address in `found` spells. */
export function scanEmailNames(text: string, found: Entity[], left: Int32Array, count: number): Entity[] {
  let parts = 0;
  for (const x of found) {
    if (x.type !== "EMAIL" || parts > PARTS.length - 4) continue;
    const sign = text.indexOf("@", x.start);
    // A person's address has two parts ("dmitri.volkov", "s.romano"); a team's has more or one.
    let cut = -1;
    let pieces = 1;
    for (let i = x.start; i < sign; i++) {
      if (isPartSeparator(text.charCodeAt(i))) {
        pieces++;
        cut = i;
      }
    }
    if (pieces !== 2) continue;
    if (cut - x.start >= 3) {
      PARTS[parts++] = x.start;
      PARTS[parts++] = cut;
    }
    if (sign - cut - 1 >= 3) {
      PARTS[parts++] = cut + 1;
      PARTS[parts++] = sign;
    }
  }
  if (parts === 0) return NONE;
  let out: Entity[] | undefined;
  for (let k = 0; k < count; k++) {
    const s = left[k]!;
    let e = s;
    while (isLetter(at(text, e))) e++;
    if (isLetter(at(text, s - 1)) || !isPart(text, s, e, parts)) continue;
    // "Contact … contact@…", "Support … support@…": a mailbox named after a function or a word names no one.
    if (wordFlags(text, s, e) & W_NEVER_A_NAME || cueFlags(text, s, e) !== 0 || namesAThing(text, s, e))
      continue;
    if (found.some((x) => x.start < e && x.end > s) || out?.some((x) => x.end >= s)) continue;
    // "Dmitri Volkov": the next word too, when the address spells it.
    let end = e;
    if (at(text, e) === 32) {
      let q = e + 1;
      while (isLetter(at(text, q))) q++;
      if (q > e + 1 && isPart(text, e + 1, q, parts)) end = q;
    }
    // "Stefano Romano" (s.romano@…): a first name before goes with it.
    let start = s;
    if (at(text, s - 1) === 32) {
      let p = s - 1;
      while (p > 0 && isLetter(at(text, p - 1))) p--;
      if (p < s - 1 && isUpper(at(text, p)) && wordFlags(text, p, s - 1) & W_FIRST) start = p;
    }
    out ??= [];
    out.push({ type: "PERSON", start, end, score: 0.7 });
  }
  return out ?? NONE;
}

/** True when text[s, e), in lower case and without accents, is one of the first `parts` / 2 PARTS. */
function isPart(text: string, s: number, e: number, parts: number): boolean {
  for (let k = 0; k < parts; k += 2) {
    const a = PARTS[k]!;
    if (PARTS[k + 1]! - a !== e - s) continue;
    let i = 0;
    while (s + i < e && plainAt(text, s + i) === plainAt(text, a + i)) i++;
    if (s + i === e) return true;
  }
  return false;
}

/** "Ashworth Legal LLP", "Les Jardins Partagés": a firm's or a group's name, not a person's. */
function namesAThing(text: string, s: number, e: number): boolean {
  const before = text.slice(Math.max(0, s - 4), s);
  if (/(?:^|[^\p{L}])(?:Les|Le|La|The|L['’]) ?$/u.test(before)) return true;
  if (at(text, e) !== 32) return false;
  let q = e + 1;
  while (isLetter(at(text, q))) q++;
  return q > e + 1 && (cueFlags(text, e + 1, q) & (C_COMPANY_AFTER | C_PLACE_AFTER)) !== 0;
}
