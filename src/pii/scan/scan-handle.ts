/**
 * Handles and logins that spell a person's name: "@mateusz.zielinski", "sarah_b", "tomasz.w", "@fionamacleod",
 * "jkowalski". Chats, trackers and logs name people so; "@support", "@admin", "@team-infra" name no one.
 */
import { at, F_DIGIT, F_LETTER, FLAGS } from "./char-class.ts";
import { flagsAsCapitalised, W_EVERYDAY, W_FIRST, W_LAST, W_NEVER_A_NAME } from "./lexicon.ts";
import { emit, type Scan } from "./scan-state.ts";

const NOT_A_NAME = W_NEVER_A_NAME | W_EVERYDAY;

const isFirst = (word: string) => {
  const f = flagsAsCapitalised(word);
  return word.length >= 3 && (f & W_FIRST) !== 0 && (f & NOT_A_NAME) === 0;
};
const isLast = (word: string) => {
  const f = flagsAsCapitalised(word);
  return word.length >= 4 && (f & W_LAST) !== 0 && (f & NOT_A_NAME) === 0;
};

/**
 * Whether a handle names someone: a first name, alone or before other parts ("sarah_b", "tomasz.w",
 * "mateusz.zielinski"); an initial before a surname ("j.kowalski", "jkowalski"); a first name and a
 * surname written together ("fionamacleod").
 */
export function handleIsName(handle: string): boolean {
  const h = handle.toLowerCase();
  const cut = h.search(/[._-]/);
  if (cut > 0) {
    const head = h.slice(0, cut);
    const tail = h.slice(cut + 1).split(/[._-]/)[0]!;
    return isFirst(head) || (head.length === 1 && isLast(tail));
  }
  if (!/^\p{L}+$/u.test(h)) return false;
  if (isFirst(h)) return true;
  if (h.length >= 5 && isLast(h.slice(1))) return true;
  for (let k = 3; k <= h.length - 4; k++) if (isFirst(h.slice(0, k)) && isLast(h.slice(k))) return true;
  return false;
}

/**
 * At an "@" that opens a mention ("ping @sarah_b", "Reported by @fionamacleod"): the handle, a person when it
 * spells a name. Returns where to resume.
 */
export function scanMention(scan: Scan, sign: number): number {
  const text = scan.text;
  let e = sign + 1;
  while (e - sign <= 40) {
    const c = at(text, e);
    if (FLAGS[c]! & (F_LETTER | F_DIGIT)) e++;
    // A dot, "_" or "-" inside the handle, not at its end ("@fred." ends a sentence).
    else if ((c === 46 || c === 95 || c === 45) && FLAGS[at(text, e + 1)]! & F_LETTER) e++;
    else break;
  }
  if (e - sign < 4 || FLAGS[at(text, e)]! & F_LETTER || at(text, e) === 64) return e;
  if (handleIsName(text.slice(sign + 1, e))) emit(scan, "PERSON", sign + 1, e, 0.65);
  return e;
}
