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
// Accents are stripped only from words that have some: most are plain ASCII.
const plain = (s: string) =>
  /[^\t-~]/.test(s) ? s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase() : s.toLowerCase();

/** Person entities at the starts in `left` (the first `count`) that an e-mail address in `found` spells. */
export function scanEmailNames(text: string, found: Entity[], left: Int32Array, count: number): Entity[] {
  const parts = new Set<string>();
  for (const x of found) {
    if (x.type !== "EMAIL") continue;
    const sign = text.indexOf("@", x.start);
    // A person's address has two parts ("dmitri.volkov", "s.romano"); a team's has more or one.
    const local = plain(text.slice(x.start, sign)).split(/[._-]/);
    if (local.length !== 2) continue;
    for (const part of local) if (part.length >= 3) parts.add(part);
  }
  if (parts.size === 0) return [];
  const out: Entity[] = [];
  for (let k = 0; k < count; k++) {
    const s = left[k]!;
    let e = s;
    while (isLetter(at(text, e))) e++;
    if (isLetter(at(text, s - 1)) || !parts.has(plain(text.slice(s, e)))) continue;
    // "Contact … contact@…", "Support … support@…": a mailbox named after a function or a word names no one.
    if (wordFlags(text, s, e) & W_NEVER_A_NAME || cueFlags(text, s, e) !== 0 || namesAThing(text, s, e))
      continue;
    if (found.some((x) => x.start < e && x.end > s) || out.some((x) => x.end >= s)) continue;
    // "Dmitri Volkov": the next word too, when the address spells it.
    let end = e;
    if (at(text, e) === 32) {
      let q = e + 1;
      while (isLetter(at(text, q))) q++;
      if (q > e + 1 && parts.has(plain(text.slice(e + 1, q)))) end = q;
    }
    // "Stefano Romano" (s.romano@…): a first name before goes with it.
    let start = s;
    if (at(text, s - 1) === 32) {
      let p = s - 1;
      while (p > 0 && isLetter(at(text, p - 1))) p--;
      if (p < s - 1 && isUpper(at(text, p)) && wordFlags(text, p, s - 1) & W_FIRST) start = p;
    }
    out.push({ type: "PERSON", start, end, score: 0.7 });
  }
  return out;
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
