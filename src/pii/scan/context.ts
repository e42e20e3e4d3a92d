/**
 * Context read around a candidate: the words just before (or after) it, looked up case-insensitively in
 * the CUES table. Each helper walks a short window backwards with charCodeAt and allocates nothing; they
 * run only for candidates that already passed their format and checksum tests.
 */
import { at, F_DIGIT, F_LETTER, F_LOWER, F_SPACE, FLAGS } from "./char-class.ts";
import { C_BIRTH, C_BIRTHDAY, C_IDENTIFIER, C_REFERENCE, C_VERSION, cueFlags } from "./lexicon.ts";
import { fold } from "./word-table.ts";

const isLetter = (c: number) => (FLAGS[c]! & F_LETTER) !== 0;

/** Bounds of the word found by `previousWordStart`: [WORD_START, WORD_END). */
export let WORD_START = 0;
export let WORD_END = 0;

/**
 * Finds the word before `pos`, skipping spaces and the punctuation between a cue and a name
 * ("Cordialement,\nJean", "Nom : Dupont", "je m'appelle Marie"). Sets WORD_START/WORD_END and returns
 * true, or returns false when a sentence ends first.
 */
export function previousWord(text: string, pos: number): boolean {
  let j = pos - 1;
  let skipped = 0;
  while (j >= 0 && skipped < 6) {
    const c = at(text, j);
    // A line break ends the look-back: "Thanks\nGrace period…" is not thanking Grace.
    // "Forename(s): Niamh": the plural mark is skipped with the punctuation.
    if (c === 41 && at(text, j - 1) === 115 && at(text, j - 2) === 40) {
      j -= 3;
      skipped++;
      continue;
    }
    if (
      (FLAGS[c]! & F_SPACE && c !== 10 && c !== 13) ||
      c === 44 ||
      c === 58 ||
      c === 61 || // "nom=PEREIRA"
      c === 45 ||
      c === 0x2014 ||
      c === 0x2013
    ) {
      j--;
      skipped++;
    } else break;
  }
  const end = j + 1;
  while (j >= 0 && isLetter(at(text, j)) && end - j < 24) j--;
  if (end - j <= 1) return false;
  WORD_START = j + 1;
  WORD_END = end;
  return true;
}

/**
 * Walks back from `pos` over at most `span` characters and returns the C_* bits of the words met, OR-ed.
 * Stops at a sentence end or a line break, and at a digit when `stopAtDigit` (a cue must label this
 * number, not an earlier one). "d.o.b." and "naiss." keep their dots.
 */
function cuesBefore(text: string, pos: number, span: number, stopAtDigit: boolean): number {
  let found = 0;
  let j = pos - 1;
  const limit = pos - span;
  while (j >= 0 && j >= limit) {
    const c = at(text, j);
    if (isLetter(c)) {
      const end = j + 1;
      while (j > 0 && isLetter(at(text, j - 1))) j--;
      // "b." is "born"; a lone "B" is a letter ("contrat CT-559201-B prend effet au …").
      const flags = cueFlags(text, j, end);
      found |= end - j === 1 && fold(c) === 98 && at(text, end) !== 46 ? flags & ~C_BIRTH : flags;
      // "D.O.B." read backwards: b, o, d separated by dots.
      if (
        end - j === 1 &&
        fold(c) === 98 &&
        j >= 4 &&
        fold(at(text, j - 2)) === 111 &&
        fold(at(text, j - 4)) === 100
      ) {
        found |= C_BIRTH;
      }
      j--;
      continue;
    }
    if (c === 10 || c === 33 || c === 63) break;
    if (c === 46) {
      // A dot ends the sentence unless it closes an abbreviation: "D.O.B.", "naiss.", "réf.", "v.".
      const ws = wordStartBefore(text, j);
      const len = j - ws;
      if (!(len === 1 || (len > 0 && cueFlags(text, ws, j) & (C_BIRTH | C_REFERENCE | C_VERSION)))) break;
    }
    if (stopAtDigit && FLAGS[c]! & F_DIGIT) break;
    j--;
  }
  return found;
}

function wordStartBefore(text: string, end: number): number {
  let j = end;
  while (j > 0 && isLetter(at(text, j - 1))) j--;
  return j;
}

/**
 * True when the number at `start` is labelled as an order, quote, tracking or similar reference, and not
 * also named as an identifier ("numéro de sécu pour le dossier : …" is a NIR).
 */
export function hasReferenceContext(text: string, start: number): boolean {
  if (!(cuesBefore(text, start, referenceSpan(text, start), true) & C_REFERENCE)) return false;
  return !(cuesBefore(text, start, 48, true) & C_IDENTIFIER);
}

/**
 * How far back a reference label may stand: 22 characters, or up to a colon that words follow. After
 * "Customer: sure it's 3713 …" or "Customer: its 5412-…" the colon closes a speaker's label, not the number's.
 */
function referenceSpan(text: string, start: number): number {
  let colon = start - 1;
  while (colon >= 0 && start - colon <= 22 && at(text, colon) !== 58) colon--;
  if (colon < 0 || start - colon > 22) return 22;
  let words = 0;
  let lower = false;
  for (let j = colon + 1, inWord = false; j < start; j++) {
    const letter = isLetter(at(text, j));
    if (letter && !inWord && words++ === 0) lower = (FLAGS[at(text, j)]! & F_LOWER) !== 0;
    inWord = letter;
  }
  // One word in lower case is a speaker's too: "Customer: its 5412-…".
  return words >= 2 || (words === 1 && lower) ? start - colon - 1 : 22;
}

/** True when wording around the date at [start, end) marks it as a birth date. */
export function hasBirthContext(text: string, start: number, end: number): boolean {
  const before = cuesBefore(text, start, 40, true);
  if (before & C_BIRTH) return true;
  if (before & C_BIRTHDAY) {
    // A birthday is a birth date only for a year long past: "birthday party on 12/07/2025" is an event.
    let year = -1;
    for (let i = start; i + 4 <= end; i++) {
      const c = at(text, i);
      if (
        (c === 49 || c === 50) &&
        !(FLAGS[at(text, i - 1)]! & F_DIGIT) &&
        !(FLAGS[at(text, i + 4)]! & F_DIGIT)
      ) {
        const y = Number(text.slice(i, i + 4));
        if (y >= 1900 && y <= 2099) year = y;
      }
    }
    return year > 0 && year <= new Date().getFullYear() - 12;
  }
  if (answersBirthQuestion(text, start)) return true;
  // "12/03/1985 (date de naissance)", "03/12/1985, DOB"
  let p = end;
  while (p < text.length && p - end < 3 && (at(text, p) === 32 || at(text, p) === 40 || at(text, p) === 44))
    p++;
  for (let words = 0; words < 3 && p < text.length && isLetter(at(text, p)); words++) {
    const s = p;
    while (p < text.length && isLetter(at(text, p))) p++;
    if (cueFlags(text, s, p) & C_BIRTH) return true;
    if (at(text, p) !== 32) break;
    p++;
  }
  return false;
}

/**
 * A transcript's answer: "Conseiller : votre date de naissance ?\nClient : le 5 mars 1981." The date is
 * the first number of its line, which follows a line that asks for a birth date.
 */
function answersBirthQuestion(text: string, start: number): boolean {
  let j = start - 1;
  // A transcript's time stamp may open the line: "[00:02:17] Caller: Yeah it's the 9th of November 1983".
  let bracket = false;
  while (j >= 0 && start - j < 60 && at(text, j) !== 10) {
    const c = at(text, j);
    if (c === 93) bracket = true;
    else if (c === 91) bracket = false;
    else if (FLAGS[c]! & F_DIGIT && !bracket) return false;
    j--;
  }
  if (at(text, j) !== 10) return false;
  let q = j - 1;
  while (q >= 0 && (at(text, q) === 13 || at(text, q) === 32 || at(text, q) === 0xa0)) q--;
  return at(text, q) === 63 && (cuesBefore(text, q, 60, false) & C_BIRTH) !== 0;
}

/** True when the dotted quad at `start` is labelled as a version, not an address: "version 10.0.0.1". */
export function hasVersionContext(text: string, start: number): boolean {
  return (cuesBefore(text, start, 12, true) & C_VERSION) !== 0;
}
