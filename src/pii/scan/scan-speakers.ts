/**
 * The speakers of a chat or a transcript pasted as text: each line starts with who wrote it ("siobhan: mam's
 * flight lands…", "Prune : haha ok", "[mod chat] Big Dave: banned"). A message is read as one when two lines
 * or more start with such a label and one of them is a known first name or the writer's own side ("You:",
 * "Toi :"). A label is then a person when it is a first name, or a word no list knows ("kezza", "Zed"),
 * never a form's field or a role ("Tél :", "Objet :", "Client :", "Conseiller :"). Each speaker named in
 * one word is the same person wherever the word appears again in the message ("aoife can u text me"). A
 * handle is a person when it spells a name ("sarah_b", "tomasz.w").
 */
import type { Entity } from "../entity.ts";
import { at, F_LETTER, FLAGS } from "./char-class.ts";
import {
  cueFlags,
  flagsAsCapitalised,
  W_FIRST,
  W_NEVER_A_NAME,
  W_PARTICLE,
  W_STREET_FIRST,
} from "./lexicon.ts";
import { handleIsName } from "./scan-handle.ts";

/** A label at a line's start, after an optional "[channel] " or "#channel — " prefix: one word or two. */
// "agent (Shauna): …": the name after a role.
const LABEL =
  /(?:\[[^\]\n]{1,24}\] |#[\w-]{1,24} [—–-] )?(?:\p{L}{2,20} \((\p{L}[\p{L}'’-]{1,20})\)|(\p{L}[\p{L}'’-]{1,20}(?:[._]\p{L}[\p{L}\d]{0,20})?(?: \p{Lu}[\p{L}'’-]{1,20})?)) ?: ?(?=\S)/uy;
/** The writer's own side in an exported chat: a speaker line that names no one. */
const SELF = new Set(["you", "me", "moi", "toi", "vous"]);
const NOT_A_SPEAKER = W_NEVER_A_NAME | W_PARTICLE | W_STREET_FIRST;
const isLetter = (c: number) => (FLAGS[c]! & F_LETTER) !== 0;

function labelAt(text: string, p: number): RegExpExecArray | null {
  LABEL.lastIndex = p;
  return LABEL.exec(text);
}

/** Person entities for the speakers of `text` (known to hold several lines), in text order. */
export function scanSpeakers(text: string): Entity[] {
  const labels: Array<{ start: number; end: number; name: boolean }> = [];
  let lines = 0;
  let named = false;
  let colon = text.indexOf(":");
  for (let p = 0; p < text.length && colon >= 0; ) {
    const nl = text.indexOf("\n", p);
    // Cheap first: a label's colon comes early on its line.
    if (colon < p) colon = text.indexOf(":", p);
    const m = colon >= 0 && colon - p <= 50 && (nl < 0 || colon < nl) ? labelAt(text, p) : null;
    if (m !== null) {
      const word = m[1] ?? m[2]!;
      const start =
        m[1] !== undefined ? m.index + m[0].indexOf(`(${word})`) + 1 : m.index + m[0].indexOf(word);
      const end = start + word.length;
      if (SELF.has(word.toLowerCase())) lines++;
      else {
        const kind = speakerKind(text, start, end);
        if (kind > 0) {
          lines++;
          labels.push({ start, end, name: kind === 2 });
          if (kind === 2) named = true;
        }
      }
    }
    if (nl < 0) break;
    p = nl + 1;
  }
  if (lines < 2 || !(named || lines > labels.length) || labels.length === 0) return [];
  const out: Entity[] = labels.map((l) => ({ type: "PERSON", start: l.start, end: l.end, score: 0.75 }));
  // The same speakers named again inside the lines, as written: "juju: …\nmax: 17h chez clem ?".
  const seen = new Set<string>();
  for (const l of labels) {
    const word = text.slice(l.start, l.end);
    if (word.includes(" ") || word.length < 3 || seen.has(word)) continue;
    seen.add(word);
    for (let q = text.indexOf(word); q >= 0; q = text.indexOf(word, q + word.length)) {
      if (isLetter(at(text, q - 1)) || isLetter(at(text, q + word.length))) continue;
      if (!labels.some((x) => x.start === q))
        out.push({ type: "PERSON", start: q, end: q + word.length, score: 0.7 });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * 2 for a label that is a known first name (any case), 1 for a word or two no list knows and no cue
 * names ("kezza", "Big Dave" counts as 2 through "Dave"), 0 for anything else.
 */
function speakerKind(text: string, start: number, end: number): number {
  // A handle: "sarah_b", "tomasz.w".
  const label = text.slice(start, end);
  if (/[._]/.test(label)) return handleIsName(label) ? 2 : 0;
  let kind = 2;
  let first = false;
  for (let s = start; s < end; ) {
    let e = s;
    while (e < end && text.charCodeAt(e) !== 32) e++;
    const f = flagsAsCapitalised(text.slice(s, e));
    if (f & NOT_A_SPEAKER || cueFlags(text, s, e) !== 0) return 0;
    if (f & W_FIRST) first = true;
    else if (f !== 0) return 0;
    else kind = 1;
    s = e + 1;
  }
  return first ? 2 : kind === 1 ? 1 : 0;
}
