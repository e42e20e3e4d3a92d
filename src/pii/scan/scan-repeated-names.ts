/**
 * A person named in full is often named again by one part of the name: "Attendees: Tomasz Nowak, …
 * Actions: Tomasz to order new harnesses", "add Ngozi Eze … Ngozi's personal email". A capitalised word
 * the scanner left that is, as written, a word of a name of two words or more found in the same text is
 * that person. Everyday words and function words are not read again ("Grace Hopper … Grace period"), nor
 * a name inside a firm's ("Youssef Taleb … Boulangerie Taleb SARL").
 */
import type { Entity } from "../entity.ts";
import { at, F_LETTER, FLAGS } from "./char-class.ts";
import {
  C_COMPANY_AFTER,
  C_PLACE_AFTER,
  C_PLACE_CUE,
  cueFlags,
  W_EVERYDAY,
  W_MONTH,
  W_PARTICLE,
  W_STOP,
  W_TITLE,
  wordFlags,
} from "./lexicon.ts";

const NOT_AGAIN = W_EVERYDAY | W_STOP | W_MONTH | W_TITLE | W_PARTICLE;
const isLetter = (c: number) => (FLAGS[c]! & F_LETTER) !== 0;

/**
 * Person entities at the starts in `left` (the first `count`: capitalised words the scanner read without
 * finding anything) that repeat a word of a multi-word person in `found`.
 */
export function scanRepeatedNames(text: string, found: Entity[], left: Int32Array, count: number): Entity[] {
  let out: Entity[] | undefined;
  for (let k = 0; k < count; k++) {
    const s = left[k]!;
    let e = s;
    while (isLetter(at(text, e))) e++;
    if (e - s < 3 || isLetter(at(text, s - 1)) || !inAName(text, found, s, e)) continue;
    if (wordFlags(text, s, e) & NOT_AGAIN || covered(found, s, e) || namesSomethingElse(text, s, e)) continue;
    out ??= [];
    out.push({ type: "PERSON", start: s, end: e, score: 0.7 });
  }
  return out ?? [];
}

/** True when text[s, e) is, as written, a whole word of a person of two words or more in `found`. */
function inAName(text: string, found: Entity[], s: number, e: number): boolean {
  const len = e - s;
  for (const x of found) {
    if (x.type !== "PERSON" || x.end - x.start <= len) continue;
    for (let p = x.start; p + len <= x.end; ) {
      if ((p + len === x.end || !isLetter(at(text, p + len))) && sameWord(text, p, s, len)) return true;
      while (p < x.end && isLetter(at(text, p))) p++;
      while (p < x.end && !isLetter(at(text, p))) p++;
    }
  }
  return false;
}

function sameWord(text: string, a: number, b: number, len: number): boolean {
  for (let i = 0; i < len; i++) if (text.charCodeAt(a + i) !== text.charCodeAt(b + i)) return false;
  return true;
}

/**
 * "Youssef Taleb … Boulangerie Taleb SARL", "Ramón Ortiz … Garage Ortiz & Fils", "Karim Haddad … SARL
 * Haddad": the owner's name again, in a firm's or a place's name.
 */
function namesSomethingElse(text: string, s: number, e: number): boolean {
  let p = e;
  if (at(text, p) === 32) p++;
  if (at(text, p) === 38) return true;
  let q = p;
  while (isLetter(at(text, q))) q++;
  if (q > p && cueFlags(text, p, q) & (C_COMPANY_AFTER | C_PLACE_AFTER)) return true;
  let b = s - 1;
  if (at(text, b) !== 32) return false;
  while (b > 0 && isLetter(at(text, b - 1))) b--;
  // "Garage Ortiz", and a legal form first: "la SARL Haddad Rénovation".
  return b < s - 1 && (cueFlags(text, b, s - 1) & (C_PLACE_CUE | C_COMPANY_AFTER)) !== 0;
}

function covered(found: Entity[], s: number, e: number): boolean {
  for (const x of found) if (x.start < e && x.end > s) return true;
  return false;
}
