/**
 * Two word tables the scanner queries without allocating: WORDS, case-sensitive ("Will" the name is not
 * "will" the verb), answers what a word can be (first or last name, title, street type, month…); CUES,
 * case-insensitive, answers what a word says about its neighbour (a name cue, a birth cue, a reference
 * label…).
 */
import {
  FIRST_NAMES,
  FIRST_NAMES_MORE,
  FIRST_NAMES_RARE,
  LAST_NAMES,
  LAST_NAMES_MORE,
  LAST_NAMES_TWO_WORDS,
  STREET_SUFFIXES_EN,
} from "../data/names.ts";
import { FIRST_NAMES_COMMON, FIRST_NAMES_LESS_COMMON } from "../data/names-common.ts";
import {
  FIRST_NAMES_CURATED,
  FIRST_NAMES_NATIVE,
  LAST_NAMES_CURATED,
  LAST_NAMES_NATIVE,
} from "../data/names-curated.ts";
import {
  AMBIGUOUS_EN,
  AMBIGUOUS_FR,
  BIRTH_CUES,
  BIRTHDAY_CUES,
  COMPANY_AFTER_CUES,
  GREETINGS,
  IDENTIFIER_CUES,
  LIST_CUES,
  MONTHS_EN,
  MONTHS_FR,
  NAME_CUES,
  NOT_PERSONS,
  PLACE_AFTER_CUES,
  PLACE_CUES,
  PREPOSITION_CUES,
  REFERENCE_CUES,
  SIGNOFF_CUES,
  STOPWORDS,
  STREET_EN,
  STREET_FIRST,
  STREET_FR,
  STRONG_NAME_CUES,
  TITLES,
  VERSION_CUES,
} from "../data/words.ts";
import { createWordTable, lookup, lookupHashed, type WordTableBuilder } from "./word-table.ts";

export const W_FIRST = 1;
export const W_LAST = 2;
export const W_AMBIG_FR = 4;
export const W_AMBIG_EN = 8;
export const W_TITLE = 16;
export const W_GREETING = 32;
export const W_STOP = 64;
export const W_STREET_FR = 128;
export const W_STREET_EN = 256;
export const W_MONTH = 512;
export const W_PARTICLE = 1024;
/** Lower-case words that end a street's name: "12 rue des Lilas à Lyon". */
export const W_STREET_STOP = 2048;
/** Lower-case words inside city names: "Boulogne sur Mer", "Aix en Provence". */
export const W_CITY_LINK = 4096;
export const W_NAME = W_FIRST | W_LAST;
/** A first name that is first an everyday word (AMBIGUOUS_FR/EN: "Pierre", "Grace"), not a foreign name. */
export const W_EVERYDAY = 8192;
/** Street types written before the street's name outside French: "Via Garibaldi 14", "9 Ffordd y Castell". */
export const W_STREET_FIRST = 16384;
/** A first name of the long list of given names (names.ts FIRST_NAMES_RARE): it needs the most context. */
export const W_RARE = 32768;
/** Words that are never a name, whatever the lists say: function words, months, titles, greetings, street types. */
export const W_NEVER_A_NAME = W_STOP | W_MONTH | W_TITLE | W_GREETING | W_STREET_FR | W_STREET_EN;

export const C_NAME_CUE = 1;
export const C_STRONG_CUE = 2;
export const C_PLACE_CUE = 4;
export const C_BIRTH = 8;
export const C_BIRTHDAY = 16;
export const C_REFERENCE = 32;
export const C_VERSION = 64;
export const C_IDENTIFIER = 128;
export const C_SIGNOFF = 256;
export const C_PLACE_AFTER = 512;
export const C_COMPANY_AFTER = 1024;
export const C_NOT_PERSON = 2048;
export const C_LIST = 4096;
/** Titles as cues: written in lower case mid-sentence they announce a name ("merci monsieur Lemaire"). */
export const C_TITLE = 8192;
/** Prepositions among the weak cues: "from Leyton", "pour Clermont" name places as often as people. */
export const C_PREPOSITION = 16384;

/** Particles written with a capital inside a surname: "Yannick Le Goff", "Mme Van Dyke", "Giulia Di Marco". */
export const CAPITAL_PARTICLE =
  /^(?:Le|La|De|Du|Des|Di|Da|Del|Dos|Das|Van|Von|Den|Der|Ten|Ter|Mac|Mc|Ben|El|Al|Ó|Ní|Nic|Uí|Ap)$/;

const WORDS_BUILDER = createWordTable(false);
const CUES_BUILDER = createWordTable(true);

function add(
  table: WordTableBuilder,
  words: string,
  flag: number,
  forms: (w: string) => string[] = (w) => [w],
): void {
  for (const word of words.split("|")) for (const form of forms(word)) table.add(form, flag);
}

const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
// Names are looked up as written: "Dupont" and "DUPONT" (French forms put surnames in capitals).
const nameForms = (w: string) => [w, w.toUpperCase()];
const lowerAndTitle = (w: string) => [w, capitalise(w)];

add(WORDS_BUILDER, FIRST_NAMES, W_FIRST, nameForms);
add(WORDS_BUILDER, LAST_NAMES, W_LAST, nameForms);
add(WORDS_BUILDER, LAST_NAMES_TWO_WORDS, W_LAST, (w) => [
  w,
  w.toUpperCase(),
  w.replace(/ (.)/, (_, c: string) => ` ${c.toUpperCase()}`),
]);
// In capitals too: headings and forms are written so ("BON DE LIVRAISON", "PIERRE DE TAILLE").
add(WORDS_BUILDER, AMBIGUOUS_FR, W_AMBIG_FR | W_EVERYDAY, nameForms);
add(WORDS_BUILDER, AMBIGUOUS_EN, W_AMBIG_EN | W_EVERYDAY, nameForms);
// In capitals too, as forms and envelopes write them: "M OU MME  MARTINEZ  JOSE".
add(WORDS_BUILDER, TITLES, W_TITLE, (w) => (w.length > 1 ? [w, w.toUpperCase()] : [w]));
add(WORDS_BUILDER, GREETINGS, W_GREETING);
add(WORDS_BUILDER, STOPWORDS, W_STOP);
add(WORDS_BUILDER, STREET_FR, W_STREET_FR, lowerAndTitle);
add(WORDS_BUILDER, STREET_EN, W_STREET_EN);
add(WORDS_BUILDER, STREET_FIRST, W_STREET_FIRST);
add(WORDS_BUILDER, STREET_SUFFIXES_EN, W_STREET_EN);
// In capitals too: "Référence : LOYER FEVRIER 2024".
add(WORDS_BUILDER, MONTHS_FR, W_MONTH, (w) => [w, capitalise(w), w.toUpperCase()]);
add(WORDS_BUILDER, MONTHS_EN, W_MONTH, (w) => [w, w.toLowerCase(), w.toUpperCase()]);
add(
  WORDS_BUILDER,
  "de|du|des|d|van|von|der|den|le|la|di|da|del|della|dos|das|ben|bin|ibn|al|el|mac|st|ap|ab|ó|ní|nic|uí",
  W_PARTICLE,
);
add(
  WORDS_BUILDER,
  "à|a|et|pour|dans|chez|près|depuis|avant|après|mais|ou|où|est|sont|qui|que|au|avec|sans|in|and|to|for|since|is|at|on",
  W_STREET_STOP,
);
add(WORDS_BUILDER, "sur|sous|en|lès|les|lez|le|la|de|du|des|aux|au|d|l", W_CITY_LINK);

/*
 * Names of faker's other locales and the hand-kept lists, added last: a word that is already something
 * else here (a function word, a title, a month, a street type, a particle) stays only that ("Can", "Jun",
 * "Rue"), and one already a name keeps its flags. The first names need context, like everyday words
 * that are names: thousands of Italian, Turkish or Spanish first names would otherwise make brands and
 * places in English and French text persons ("la gamme Italia", "Fortunato").
 */
const NOT_A_NAME_HERE =
  W_TITLE |
  W_GREETING |
  W_STOP |
  W_STREET_FR |
  W_STREET_EN |
  W_STREET_FIRST |
  W_MONTH |
  W_PARTICLE |
  W_STREET_STOP |
  W_CITY_LINK |
  W_NAME;
function addMore(words: string, flags: number): void {
  for (const word of words.split("|")) {
    for (const form of nameForms(word)) {
      const had = WORDS_BUILDER.get(form);
      // A first name of these lists may be a surname too ("Kumar", "Rhys"): it takes both flags.
      const onlyMoreFirst = had & W_FIRST && had & W_AMBIG_EN && !(had & (NOT_A_NAME_HERE & ~W_FIRST));
      if (!(had & NOT_A_NAME_HERE) || (onlyMoreFirst && flags & W_LAST)) WORDS_BUILDER.add(form, flags);
    }
  }
}
/** Names (as written and in capitals) with `flags`, except the forms that already hold one of `taken`. */
function addWhereFree(words: string, flags: number, taken: number): void {
  for (const word of words.split("|")) {
    for (const form of nameForms(word))
      if (!(WORDS_BUILDER.get(form) & taken)) WORDS_BUILDER.add(form, flags);
  }
}
// Added before the names that need context, so that those lists do not make these ambiguous.
add(WORDS_BUILDER, FIRST_NAMES_NATIVE, W_FIRST, nameForms);
// Given names of many living people ("Brianna", "Tamika", "Priyanka"), never where the word is already
// something else here: counted by birth records, they are names first. The less common of them are
// places too ("Leyton", "Marbella"): like rare names, a preposition alone does not name them.
addWhereFree(FIRST_NAMES_COMMON, W_FIRST, (NOT_A_NAME_HERE & ~W_LAST) | W_EVERYDAY);
addWhereFree(FIRST_NAMES_LESS_COMMON, W_FIRST | W_RARE, (NOT_A_NAME_HERE & ~W_LAST) | W_EVERYDAY);
addMore(`${FIRST_NAMES_MORE}|${FIRST_NAMES_CURATED}`, W_FIRST | W_AMBIG_FR | W_AMBIG_EN);
addMore(`${LAST_NAMES_MORE}|${LAST_NAMES_CURATED}`, W_LAST);
addMore(FIRST_NAMES_RARE, W_FIRST | W_AMBIG_FR | W_AMBIG_EN | W_RARE);
// Surnames also where the lists know the word only as a first name ("Evans", "Lewis"), never where it is
// a function word, a title, a month, a street type or an everyday word.
addWhereFree(LAST_NAMES_NATIVE, W_LAST, (NOT_A_NAME_HERE & ~W_NAME) | W_EVERYDAY);

add(CUES_BUILDER, NAME_CUES, C_NAME_CUE);
add(CUES_BUILDER, STRONG_NAME_CUES, C_STRONG_CUE);
add(CUES_BUILDER, PLACE_CUES, C_PLACE_CUE);
add(CUES_BUILDER, BIRTH_CUES, C_BIRTH);
add(CUES_BUILDER, BIRTHDAY_CUES, C_BIRTHDAY);
add(CUES_BUILDER, REFERENCE_CUES, C_REFERENCE);
add(CUES_BUILDER, VERSION_CUES, C_VERSION);
add(CUES_BUILDER, IDENTIFIER_CUES, C_IDENTIFIER);
add(CUES_BUILDER, SIGNOFF_CUES, C_SIGNOFF);
add(CUES_BUILDER, PLACE_AFTER_CUES, C_PLACE_AFTER);
add(CUES_BUILDER, COMPANY_AFTER_CUES, C_COMPANY_AFTER);
add(CUES_BUILDER, NOT_PERSONS, C_NOT_PERSON);
add(CUES_BUILDER, LIST_CUES, C_LIST);
add(CUES_BUILDER, TITLES, C_TITLE);
add(CUES_BUILDER, PREPOSITION_CUES, C_PREPOSITION);

const WORDS = WORDS_BUILDER.freeze();
const CUES = CUES_BUILDER.freeze();

/** True when text[start, end), in any case, is a brand or public figure named like a person (NOT_PERSONS). */
export function isNotAPerson(text: string, start: number, end: number): boolean {
  return (lookup(CUES, text, start, end) & C_NOT_PERSON) !== 0;
}

/** What text[start, end) can be, as written (W_* bits). */
export function wordFlags(text: string, start: number, end: number): number {
  return lookup(WORDS, text, start, end);
}

/** W_* bits of text[start, end), given its hash (HASH_SEED and hashStep over its code units). */
export function wordFlagsHashed(text: string, start: number, end: number, hash: number): number {
  return lookupHashed(WORDS, text, start, end, hash);
}

/** W_* bits of a whole word. */
export function flagsOfWord(word: string): number {
  return lookup(WORDS, word, 0, word.length);
}

/** W_* bits of a word written in lower case, looked up as names are listed: "siobhan" as "Siobhan". */
export function flagsAsCapitalised(word: string): number {
  return flagsOfWord(capitalise(word));
}

/** What text[start, end), in any case, says about its neighbour (C_* bits). */
export function cueFlags(text: string, start: number, end: number): number {
  return lookup(CUES, text, start, end);
}
