/**
 * Lists of people under a label: "Attendees: Tomasz Nowak (site manager), Andreea Popescu (H&S),
 * Dimitrios Papadopoulos", "Présents : TRAN Minh Duc (président), Li Wei, Chen Xiaoling", "Cc: …", or the
 * same label over a bulleted list. The label says the items are people, so an item shaped like a name is
 * one whether or not the lists know it; a lone word must be a known name ("Présents : DSI, Marketing" is
 * not a list of people).
 */
import type { Entity } from "../entity.ts";
import { at, F_LETTER, F_UPPER, FLAGS } from "./char-class.ts";
import {
  C_LIST,
  C_PLACE_AFTER,
  CAPITAL_PARTICLE,
  cueFlags,
  W_EVERYDAY,
  W_FIRST,
  W_MONTH,
  W_NAME,
  W_PARTICLE,
  W_STOP,
  W_TITLE,
  wordFlags,
} from "./lexicon.ts";

const isUpper = (c: number) => (FLAGS[c]! & F_UPPER) !== 0;
const isLetter = (c: number) => (FLAGS[c]! & F_LETTER) !== 0;
const NONE: Entity[] = [];
const BULLET = /^[ \t]*(?:[-*•–·]|\d{1,2}[.)])[ \t]+/;

/** Person entities in the lists of people labelled in `text`, sorted. */
export function scanListNames(text: string): Entity[] {
  let out: Entity[] | undefined;
  // A label starts its line ("Attendees:", "- Présents :"): only line starts are read.
  for (let line = 0; line < text.length; ) {
    const colon = labelAt(text, line);
    if (colon > 0) {
      out ??= [];
      let p = colon + 1;
      while (at(text, p) === 32 || at(text, p) === 0xa0 || at(text, p) === 9) p++;
      if (at(text, p) === 10 || at(text, p) === 13) readBullets(text, p, out);
      else readInline(text, p, lineEnd(text, p), out);
    }
    const nl = text.indexOf("\n", line);
    if (nl < 0) break;
    line = nl + 1;
  }
  return out ?? NONE;
}

/** Where the colon after a list label at the line starting at `line` is, or -1. */
function labelAt(text: string, line: number): number {
  let s = line;
  while (at(text, s) === 32 || at(text, s) === 9 || at(text, s) === 45 || at(text, s) === 42) s++;
  let e = s;
  while (isLetter(at(text, e)) && e - s < 16) e++;
  if (e - s < 2) return -1;
  let c = e;
  while (at(text, c) === 32 || at(text, c) === 0xa0) c++;
  return at(text, c) === 58 && cueFlags(text, s, e) & C_LIST ? c : -1;
}

/** True when the word ending at the dot at `dot` is a title or an initial ("M.", "Dr.", "J."). */
function isTitleOrInitial(text: string, dot: number): boolean {
  let s = dot;
  while (s > 0 && isLetter(at(text, s - 1))) s--;
  return dot - s === 1 || (wordFlags(text, s, dot) & W_TITLE) !== 0;
}

function lineEnd(text: string, p: number): number {
  const e = text.indexOf("\n", p);
  return e < 0 ? text.length : e;
}

/** "Attendees:\n- Tomasz Nowak\n- Andreea Popescu": one item per bulleted line, until a line without one. */
function readBullets(text: string, p: number, out: Entity[]): void {
  let line = text.indexOf("\n", p) + 1;
  while (line > 0 && line < text.length) {
    const end = lineEnd(text, line);
    const bullet = BULLET.exec(text.slice(line, end));
    if (bullet === null) return;
    readItem(text, line + bullet[0].length, end, out);
    line = end + 1;
  }
}

/** Items separated by ",", ";", "/", " et ", " and ", " & " up to the line's end. */
function readInline(text: string, p: number, end: number, out: Entity[]): void {
  let s = p;
  let i = p;
  while (i <= end) {
    const c = i < end ? at(text, i) : 44;
    let sep = 0;
    if (c === 44 || c === 59 || c === 47) sep = 1;
    else if (c === 32) {
      if (text.startsWith(" et ", i) || text.startsWith(" & ", i)) sep = 3;
      else if (text.startsWith(" and ", i)) sep = 4;
    }
    if (sep === 0) {
      i++;
      continue;
    }
    readItem(text, s, i, out);
    i += sep;
    s = i;
  }
}

/**
 * One item [s, e): the words before a bracket, a dash, "<" or a colon ("Tomasz Nowak (site manager)",
 * "Paul Martin – DSI", "Jane Roe <jane@…>"), after a title; a person when shaped like a name.
 */
function readItem(text: string, s: number, e: number, out: Entity[]): void {
  for (let i = s; i < e; i++) {
    const c = at(text, i);
    if (c === 40 || c === 60 || c === 58 || ((c === 45 || c === 0x2013) && at(text, i - 1) === 32)) {
      e = i;
      break;
    }
    // A sentence after the list: "…, Jane Doe. Agenda: …" (but "M. Dupont", "Prof. Diallo").
    if (c === 46 && at(text, i + 1) === 32 && !isTitleOrInitial(text, i)) {
      e = i;
      break;
    }
  }
  while (s < e && (at(text, s) === 32 || at(text, s) === 0xa0)) s++;
  while (e > s && (at(text, e - 1) === 32 || at(text, e - 1) === 46 || at(text, e - 1) === 0xa0)) e--;
  if (e - s < 2 || e - s > 60) return;
  let start = -1;
  let capitals = 0;
  let last = 0;
  let p = s;
  while (p < e) {
    let q = p;
    while (q < e && at(text, q) !== 32) q++;
    const c = at(text, p);
    for (let i = p; i < q; i++) {
      const d = at(text, i);
      if (!(isLetter(d) || d === 39 || d === 0x2019 || d === 45 || d === 46)) return; // digits, "@"…
    }
    const f = wordFlags(text, p, at(text, q - 1) === 46 ? q - 1 : q);
    if (start < 0 && f & W_TITLE) {
      // "Dr Sarah Khan", "M. Dupont": the title is not part of the name.
    } else if (isUpper(c)) {
      if (cueFlags(text, p, q) & C_PLACE_AFTER && !(f & W_NAME)) return; // "Finance Team"
      if (
        f & (W_MONTH | W_TITLE) ||
        (f & W_STOP && !(f & W_NAME) && !CAPITAL_PARTICLE.test(text.slice(p, q)))
      )
        return;
      if (start < 0) start = p;
      capitals++;
      last = f;
    } else if (start < 0 || !(f & W_PARTICLE)) return;
    p = q + 1;
  }
  if (start < 0 || capitals > 5) return;
  // A lone word must be a name the lists know, and not a function word or a place: "Marketing", "DSI",
  // "London". An everyday word that is a first name is one here, where the label lists people
  // ("Apologies: Grace").
  if (capitals === 1 && (!(last & W_NAME) || last & W_STOP || (last & W_EVERYDAY && !(last & W_FIRST))))
    return;
  out.push({ type: "PERSON", start, end: e, score: 0.75 });
}
