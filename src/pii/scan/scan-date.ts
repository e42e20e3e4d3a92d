/**
 * Dates written with a month name: "12 mars 1985", "1er janvier 1990", "12th of March 1985",
 * "March 12, 1985". Only dates that context marks as a birth date are personal data here; other dates
 * are consumed (so their digits are not read again as something else) and not reported.
 */
import type { Entity } from "../entity.ts";
import { at, F_LETTER, F_SPACE, FLAGS } from "./char-class.ts";
import { hasBirthContext } from "./context.ts";
import { W_MONTH, wordFlags } from "./lexicon.ts";
import { emit, type Scan } from "./scan-state.ts";

function skipSpaces(text: string, i: number): number {
  let p = i;
  while (p < text.length && FLAGS[at(text, p)]! & F_SPACE && at(text, p) !== 10) p++;
  return p;
}

function wordAt(text: string, i: number): number {
  let p = i;
  while (p < text.length && FLAGS[at(text, p)]! & F_LETTER) p++;
  return p;
}

/** Reads a four-digit year 1900–2099 at `i`, or one cut to "'76"; returns its end or -1. */
function yearAt(text: string, i: number): number {
  const c0 = at(text, i);
  if (c0 === 39 || c0 === 0x2019) {
    const d1 = at(text, i + 1);
    const d2 = at(text, i + 2);
    const d3 = at(text, i + 3);
    return d1 >= 48 && d1 <= 57 && d2 >= 48 && d2 <= 57 && !(d3 >= 48 && d3 <= 57) ? i + 3 : -1;
  }
  if (i + 4 > text.length) return -1;
  let y = 0;
  for (let k = i; k < i + 4; k++) {
    const c = at(text, k);
    if (c < 48 || c > 57) return -1;
    y = y * 10 + c - 48;
  }
  if (y < 1900 || y > 2099) return -1;
  const after = at(text, i + 4);
  if (after >= 48 && after <= 57) return -1;
  return i + 4;
}

function report(scan: Scan, start: number, end: number): number {
  if (hasBirthContext(scan.text, start, end)) emit(scan, "DATE_OF_BIRTH", start, end, 0.9);
  return end;
}

/** Day digits at [s, e), then a month name and a year. Returns the date's end, or -1. */
export function scanDayMonthYear(scan: Scan, s: number, e: number): number {
  const text = scan.text;
  let day = 0;
  for (let k = s; k < e; k++) day = day * 10 + at(text, k) - 48;
  if (day < 1 || day > 31) return -1;
  let p = wordAt(text, e); // "1er", "12th", "3e"
  if (p - e > 3) return -1;
  // "14-Aug-1969", as forms and lab reports write it.
  const dashed = p === e && at(text, p) === 45;
  p = dashed ? p + 1 : skipSpaces(text, p);
  let m = wordAt(text, p);
  if (m === p) return -1;
  if (dashed) {
    if (m - p < 3 || !(wordFlags(text, p, m) & W_MONTH) || at(text, m) !== 45) return -1;
    const y = yearAt(text, m + 1);
    return y < 0 ? -1 : report(scan, s, y);
  }
  if (m - p === 2 && text.startsWith("of", p)) {
    p = skipSpaces(text, m);
    m = wordAt(text, p);
  }
  if (!(wordFlags(text, p, m) & W_MONTH)) return -1;
  if (at(text, m) === 46) m++;
  if (at(text, m) === 44) m++;
  const y = yearAt(text, skipSpaces(text, m));
  return y < 0 ? m : report(scan, s, y);
}

/** At a capitalised month name [s, e): "March 12, 1985", "March 12th 1985". Returns the end, or -1. */
export function scanMonthDayYear(scan: Scan, s: number, e: number): number {
  const text = scan.text;
  let p = e;
  if (at(text, p) === 46) p++;
  p = skipSpaces(text, p);
  let d = p;
  let day = 0;
  while (d < text.length && d - p < 2 && at(text, d) >= 48 && at(text, d) <= 57) {
    day = day * 10 + at(text, d) - 48;
    d++;
  }
  if (d === p || day < 1 || day > 31) return -1;
  d = wordAt(text, d);
  if (at(text, d) === 44) d++;
  const y = yearAt(text, skipSpaces(text, d));
  return y < 0 ? -1 : report(scan, s, y);
}

const FR_NUMBER =
  "un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|vingts|trente|quarante|cinquante|soixante|et";
const FR_DAY =
  "premier|1er|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|dix-sept|dix-huit|dix-neuf|vingt(?:[ -]et[ -]un|-deux|-trois|-quatre|-cinq|-six|-sept|-huit|-neuf)?|trente(?:[ -]et[ -]un)?";
const FR_MONTH =
  "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre";
const EN_ORDINAL =
  "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|thirty-first";
const EN_MONTH = "January|February|March|April|May|June|July|August|September|October|November|December";
const EN_UNIT = "one|two|three|four|five|six|seven|eight|nine";
const EN_TEEN = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
const EN_TENS = `(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:${EN_UNIT}))?`;
/** A year in words: "nineteen ninety-two", "nineteen oh five", "two thousand and three". */
const EN_YEAR = `nineteen (?:hundred(?: and)? )?(?:${EN_TENS}|${EN_TEEN}|oh (?:${EN_UNIT}))|two thousand(?: and)?(?: (?:${EN_TENS}|${EN_TEEN}|${EN_UNIT}))?`;
const NONE: Entity[] = [];
/** Dates written in words, as deeds and formal letters write a birth date. */
const WORD_DATE = new RegExp(
  `(?<![\\p{L}-])(?:(?:${FR_DAY}) (?:${FR_MONTH}) (?:mil|mille|deux mille)(?:[ -](?:${FR_NUMBER}|cent|cents|mille))*|(?:${EN_ORDINAL}) of (?:${EN_MONTH}),? (?:\\d{4}|${EN_YEAR}))(?![\\p{L}\\d])`,
  "giu",
);

/**
 * Birth dates written in words: "née le vingt-neuf septembre mil neuf cent cinquante-cinq", "born on the
 * fourteenth of February, 1987". Read only when the text holds a year in French words ("neuf cent",
 * "deux mille") or, in English, "born" and an ordinal before "of": the cheap tests come first.
 */
export function scanWordDates(text: string): Entity[] {
  const english =
    text.includes("born") &&
    (text.includes("th of ") ||
      text.includes("st of ") ||
      text.includes("nd of ") ||
      text.includes("rd of "));
  if (!(english || text.includes("neuf cent") || text.includes("deux mille"))) return NONE;
  const out: Entity[] = [];
  WORD_DATE.lastIndex = 0;
  for (let m = WORD_DATE.exec(text); m !== null; m = WORD_DATE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (hasBirthContext(text, start, end)) out.push({ type: "DATE_OF_BIRTH", start, end, score: 0.85 });
  }
  return out;
}
