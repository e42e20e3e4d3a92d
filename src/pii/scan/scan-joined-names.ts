/**
 * Names joined to a person found: "Linh et Maxime Perrin", "Hi Wei and Mei Ling", "Ethan, Zara, Mohammed
 * and Poppy". A capitalised word the scanner left (an everyday first name, or one no list knows) is a
 * person when "et" or "and" links it to a person; a comma alone links only a known first name that
 * is no everyday word here, as in an enumeration. A word no list knows follows only a lone first name
 * ("Mohammed and Poppy"). Each name joined this way may join the next.
 */
import type { Entity } from "../entity.ts";
import { at, F_LETTER, F_LOWER, F_UPPER, FLAGS } from "./char-class.ts";
import {
  C_COMPANY_AFTER,
  C_PLACE_AFTER,
  C_PLACE_CUE,
  cueFlags,
  W_FIRST,
  W_LAST,
  W_NEVER_A_NAME,
  wordFlags,
} from "./lexicon.ts";

const isLetter = (c: number) => (FLAGS[c]! & F_LETTER) !== 0;
const isUpper = (c: number) => (FLAGS[c]! & F_UPPER) !== 0;
const NOT_A_NAME = C_PLACE_AFTER | C_COMPANY_AFTER | C_PLACE_CUE;
const NONE: Entity[] = [];

/**
 * Person entities at the starts in `left` (the first `count`) joined to a person in `found`; `ambiguous`
 * is the scan's everyday-word bit (lexicon W_AMBIG_FR / W_AMBIG_EN).
 */
export function scanJoinedNames(
  text: string,
  found: Entity[],
  left: Int32Array,
  count: number,
  ambiguous: number,
): Entity[] {
  let added: Entity[] | undefined;
  let taken = 0; // a bit per word of `left`
  // A chain is read one link per pass: "Ethan, Zara, Mohammed and Poppy" from whichever end was found.
  for (let pass = 0, grew = true; grew && pass < 4; pass++) {
    grew = false;
    for (let k = 0; k < count; k++) {
      if (taken & (1 << k)) continue;
      const s = left[k]!;
      let e = s;
      while (isLetter(at(text, e))) e++;
      // The links first: they cost a few reads, and most words left have none.
      const to = link(text, e, true);
      const from = link(text, s, false);
      if ((to === 0 && from === 0) || !mayBeName(text, s, e)) continue;
      const f = wordFlags(text, s, e);
      const strongLink = f & W_FIRST || f === 0;
      // An everyday first name needs a word link, unless a surname no list knows follows it: "Liam
      // O'Connor / Grace Mwangi".
      const end = withSecondWord(text, e);
      const commaLink = f & W_FIRST && (!(f & ambiguous) || end > e);
      if (!strongLink || isCovered(found, s, e) || (added && isCovered(added, s, e))) continue;
      const joined =
        (to > 0 && (to & 1 || commaLink) && (startsPerson(found, to >> 1) || startsPerson(added, to >> 1))) ||
        (from > 0 &&
          (from & 1 || commaLink) &&
          (endsPerson(text, found, from >> 1, f === 0) || endsPerson(text, added, from >> 1, f === 0)));
      if (!joined) continue;
      added ??= [];
      added.push({ type: "PERSON", start: s, end, score: 0.7 });
      taken |= 1 << k;
      grew = true;
    }
  }
  if (added === undefined) return NONE;
  return added.sort((a, b) => a.start - b.start);
}

/** True when the capitalised word [s, e) may be a name: not a function word, a firm or a place. */
function mayBeName(text: string, s: number, e: number): boolean {
  if (e - s < 3 || isLetter(at(text, s - 1)) || !(FLAGS[at(text, s + 1)]! & F_LOWER)) return false;
  return !(wordFlags(text, s, e) & W_NEVER_A_NAME || cueFlags(text, s, e) & NOT_A_NAME);
}

/** "Mei Ling", "Tugdual Kerjean": a second capitalised word, a surname or one no list knows, goes with the first. */
function withSecondWord(text: string, e: number): number {
  if (at(text, e) !== 32 || !isUpper(at(text, e + 1))) return e;
  let q = e + 1;
  while (isLetter(at(text, q))) q++;
  if (q - e < 3 || !(FLAGS[at(text, e + 2)]! & F_LOWER)) return e;
  const f = wordFlags(text, e + 1, q);
  return (f === 0 || (f & W_LAST && !(f & W_NEVER_A_NAME))) && !(cueFlags(text, e + 1, q) & NOT_A_NAME)
    ? q
    : e;
}

/**
 * The link after (`forward`) or before position `p`: " et ", " and ", ", " or " / " ("&" joins firms: "Marks &
 * Spencer", "Faith Hope & Charity Inn"). Returns the position
 * past the link (forward) or before it, times 2, plus 1 for a word link; 0 when there is none.
 */
function link(text: string, p: number, forward: boolean): number {
  if (forward) {
    if (at(text, p) === 44 && at(text, p + 1) === 32) return (p + 2) * 2;
    if (at(text, p) !== 32) return 0;
    if (at(text, p + 1) === 47 && at(text, p + 2) === 32) return (p + 3) * 2;
    if (text.startsWith("et ", p + 1)) return (p + 4) * 2 + 1;
    if (text.startsWith("and ", p + 1)) return (p + 5) * 2 + 1;
    return 0;
  }
  if (at(text, p - 1) !== 32) return 0;
  if (at(text, p - 2) === 44) return (p - 2) * 2;
  if (at(text, p - 2) === 47 && at(text, p - 3) === 32) return (p - 3) * 2;
  if (text.startsWith(" et", p - 4)) return (p - 4) * 2 + 1;
  if (text.startsWith(" and", p - 5)) return (p - 5) * 2 + 1;
  return 0;
}

function startsPerson(list: Entity[] | undefined, p: number): boolean {
  if (list) for (const x of list) if (x.start === p && x.type === "PERSON") return true;
  return false;
}

/**
 * True when a person ends at `p`; with `firstNameOnly`, one named by a single word: an unknown word after
 * "John Smith and" is as often a firm as a person, after "Mohammed and" it is a child's name.
 */
function endsPerson(text: string, list: Entity[] | undefined, p: number, firstNameOnly: boolean): boolean {
  if (list)
    for (const x of list)
      if (x.end === p && x.type === "PERSON") return !firstNameOnly || text.indexOf(" ", x.start) >= x.end;
  return false;
}

function isCovered(list: Entity[], s: number, e: number): boolean {
  for (const x of list) if (x.start < e && x.end > s) return true;
  return false;
}
