/**
 * First names written in lower case, as chat messages do ("slt c julien", "hiya its ciara", "yo sanjay"):
 * read only in a message that starts in lower case, and only right after a word that introduces or hails
 * someone, or a title ("mr gomes"), or spoken to at a sentence's start ("bilal tu ramènes…"). The word must be a known first name (after a title, a known surname
 * too) that is not also an everyday word ("c grave", "its will").
 */
import type { Entity } from "../entity.ts";
import { at } from "./char-class.ts";
import {
  flagsAsCapitalised,
  flagsOfWord,
  W_EVERYDAY,
  W_FIRST,
  W_GREETING,
  W_MONTH,
  W_NAME,
  W_PARTICLE,
  W_STOP,
  W_TITLE,
} from "./lexicon.ts";

const HAILED =
  /(?:^|[\s,.!?;:()])(mr|mrs|ms|mme|madame|monsieur|name's|name’s|names|c|c'est|c’est|cest|its|it's|it’s|im|i'm|i’m|suis|jsuis|hey|hi|hii|yo|wesh|slt|salut|coucou|cc|bjr|bonjour|bonsoir|hello|hiya|merci|mrc|thanks|thx|ty|dis à|dis a|dit à|dire à|dire a|bisous à|bisous a|bises à|bises a|love to|say hi to|ask|tell|call|ping|with|colleague|collègue|pote|mate|w\/|avec|into|met|croisé|croise|tonton|tata|tatie|mamie|papi|papy|uncle|auntie|aunty|nana|cousin|cousine)[ ,]+([a-zà-öø-ÿ][a-zà-öø-ÿ'’-]{2,20})(?![\p{L}\d@])/gu;
// "bilal tu ramènes la switch", "sam u coming?": someone spoken to, right before "tu" or "you".
const VOCATIVE = /(?:^|[.!?,]\s+|\n)([a-zà-öø-ÿ][a-zà-öø-ÿ'’-]{2,20}) (?:tu|t'as|t’as|u|you) /gu;
const SURNAME_AFTER_PARTICLE = /^ [a-zà-öø-ÿ][a-zà-öø-ÿ'’-]{1,20}(?![\p{L}\d])/u;
const TITLES = new Set(["mr", "mrs", "ms", "mme", "madame", "monsieur"]);
const GREETINGS = new Set([
  "hey",
  "hi",
  "hii",
  "yo",
  "wesh",
  "slt",
  "salut",
  "coucou",
  "hello",
  "hiya",
  "bonjour",
]);
// "c'est mamie Jeanne": what a family calls its own, which some lists also hold as a first name ("Mamie").
const FAMILY = new Set([
  "mamie",
  "mamy",
  "papi",
  "papy",
  "mémé",
  "pépé",
  "maman",
  "papa",
  "tonton",
  "tata",
  "tatie",
  "nana",
]);
const NOT_A_NAME = W_EVERYDAY | W_STOP | W_MONTH | W_TITLE | W_GREETING;

/**
 * Person entities for lower-case first names hailed in `text` (already known to start in lower case, or
 * with a chat's "[tag]" or "@").
 */
export function scanChatNames(text: string): Entity[] {
  const out: Entity[] = [];
  HAILED.lastIndex = 0;
  for (let m = HAILED.exec(text); m !== null; m = HAILED.exec(text)) {
    const word = m[2]!;
    const end = m.index + m[0].length;
    const title = TITLES.has(m[1]!);
    // "mr ben youssef", "mr van damme": a particle after a title starts the surname.
    const surname =
      title && flagsOfWord(word) & W_PARTICLE ? SURNAME_AFTER_PARTICLE.exec(text.slice(end, end + 24)) : null;
    if (surname !== null) {
      out.push({ type: "PERSON", start: end - word.length, end: end + surname[0].length, score: 0.6 });
      HAILED.lastIndex = end + surname[0].length;
      continue;
    }
    const f = flagsAsCapitalised(word);
    // "hey will, grace said…": a name hailed and followed by a comma is no everyday word.
    const hailed = GREETINGS.has(m[1]!) && (at(text, end) === 44 || at(text, end) === 33);
    // After a title a surname is read too: "demande à mr gomes".
    if (
      !(f & (title ? W_NAME : W_FIRST)) ||
      f & (hailed ? NOT_A_NAME & ~W_EVERYDAY : NOT_A_NAME) ||
      FAMILY.has(word)
    ) {
      // "hiya its ciara": the word read may itself introduce the name.
      HAILED.lastIndex = end - word.length - 1;
      continue;
    }
    out.push({ type: "PERSON", start: end - word.length, end, score: 0.6 });
  }
  VOCATIVE.lastIndex = 0;
  for (let m = VOCATIVE.exec(text); m !== null; m = VOCATIVE.exec(text)) {
    const word = m[1]!;
    const f = flagsAsCapitalised(word);
    if (!(f & W_FIRST) || f & NOT_A_NAME) continue;
    const start = m.index + m[0].indexOf(word);
    if (!out.some((x) => x.start === start))
      out.push({ type: "PERSON", start, end: start + word.length, score: 0.6 });
  }
  return out.sort((a, b) => a.start - b.start);
}

// The last line of a message, one word in lower case: a signature ("ok à demain\nenzo", "— inès x").
const LAST_LINE_NAME = /\n[-–—~ ]*([a-zà-öø-ÿ][a-zà-öø-ÿ'’-]{2,20})[\s.!x]*$/u;

/** A person for a lower-case first name alone on the last line of `text`, which holds several lines. */
export function scanLastLineName(text: string): Entity | undefined {
  const from = text.lastIndexOf("\n", text.length - 2);
  if (from < 0 || text.length - from > 32) return undefined;
  const m = LAST_LINE_NAME.exec(text.slice(from));
  if (m === null) return undefined;
  const word = m[1]!;
  const f = flagsAsCapitalised(word);
  if (!(f & W_FIRST) || f & NOT_A_NAME) return undefined;
  const start = from + m[0].indexOf(word);
  return { type: "PERSON", start, end: start + word.length, score: 0.6 };
}

// A log line's user: "Accepted publickey for dmitri from 10.0.4.23", "session opened for user chloe",
// "connexion acceptée pour l'utilisateur marc.bertrand depuis …". A login may be "first.last".
const LOG_USER =
  /(?:publickey for|password for|for user|user|utilisateur) ([a-z][a-z'’-]{2,20})(\.[a-z][a-z'’-]{1,30})?(?= (?:from|by|depuis|de)\b)/g;

/** Users of a log whose login is a first name (not "admin", "deploy", "root"), alone or before a surname. */
export function scanLogUsers(text: string): Entity[] {
  const out: Entity[] = [];
  LOG_USER.lastIndex = 0;
  for (let m = LOG_USER.exec(text); m !== null; m = LOG_USER.exec(text)) pushFirstNameAtEnd(out, m);
  return out;
}

/**
 * Adds the match's group 1 and its group 2 if any (a login's ".bertrand"), which end it, when group 1 is a
 * first name and no everyday word.
 */
function pushFirstNameAtEnd(out: Entity[], m: RegExpExecArray): void {
  const f = flagsAsCapitalised(m[1]!);
  if (!(f & W_FIRST) || f & NOT_A_NAME) return;
  const end = m.index + m[0].length;
  out.push({ type: "PERSON", start: end - m[1]!.length - (m[2]?.length ?? 0), end, score: 0.6 });
}
