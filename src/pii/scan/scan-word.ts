/**
 * Capitalised words: IBANs, English month-first dates, and person names. A name comes from the first- and
 * last-name dictionaries combined with context: a title ("M.", "Mrs", "Dr"), a greeting or signature
 * ("Bonjour", "Cordialement,"), a cue ("je m'appelle", "signed"), or a second name-like word. A first name
 * that is also an everyday word ("Pierre qui roule", "Grace period", "Will you…") needs one of these.
 */
import { at, F_DIGIT, F_LETTER, F_LOWER, F_UPPER, FLAGS } from "./char-class.ts";
import { previousWord, WORD_END, WORD_START } from "./context.ts";
import {
  C_COMPANY_AFTER,
  C_LIST,
  C_NAME_CUE,
  C_PLACE_AFTER,
  C_PLACE_CUE,
  C_PREPOSITION,
  C_SIGNOFF,
  C_STRONG_CUE,
  C_TITLE,
  CAPITAL_PARTICLE,
  cueFlags,
  isNotAPerson,
  W_AMBIG_EN,
  W_AMBIG_FR,
  W_EVERYDAY,
  W_FIRST,
  W_GREETING,
  W_LAST,
  W_MONTH,
  W_NAME,
  W_PARTICLE,
  W_RARE,
  W_STOP,
  W_STREET_EN,
  W_STREET_FIRST,
  W_STREET_FR,
  W_TITLE,
  wordFlags,
  wordFlagsHashed,
} from "./lexicon.ts";
import { scanAddressBeforeUkPostcode, scanPolishStreet, scanStreetFirst, wordEnd } from "./scan-address.ts";
import { scanMonthDayYear } from "./scan-date.ts";
import { scanIban } from "./scan-iban.ts";
import { emit, leave, type Scan } from "./scan-state.ts";
import { HASH_SEED, hashStep } from "./word-table.ts";

const isUpper = (c: number) => (FLAGS[c]! & F_UPPER) !== 0;
const isLower = (c: number) => (FLAGS[c]! & F_LOWER) !== 0;
const isApostrophe = (c: number) => c === 39 || c === 0x2019;
const isSpace = (c: number) => c === 32 || c === 0xa0;

function isAllCaps(text: string, s: number, e: number): boolean {
  if (e - s < 2) return false;
  for (let i = s; i < e; i++) if (isLower(at(text, i))) return false;
  return true;
}

/**
 * Flags of a word. An unlisted hyphenated word takes its first part's first-name flag ("Marie-Josée"),
 * unless a part is in lower case: "Grant-le-Crist", "Saint-Jean-de-Luz" are places.
 */
function flagsOf(text: string, s: number, e: number): number {
  const f = wordFlags(text, s, e);
  if (f !== 0) return f;
  // "O'Malley-Hughes", "McAllister": Irish and Scottish surnames announce themselves.
  const c0 = at(text, s);
  if (
    e - s > 3 &&
    ((c0 === 79 && isApostrophe(at(text, s + 1))) || (c0 === 77 && at(text, s + 1) === 99)) &&
    isUpper(at(text, s + 2))
  )
    return W_LAST;
  let h = -1;
  for (let i = s + 1; i < e; i++) {
    if (at(text, i) !== 45) continue;
    if (isLower(at(text, i + 1))) return 0;
    if (h < 0) h = i;
  }
  if (h < 0) return 0;
  // "Paris-CDG", "London-Heathrow": a first part that is also a place keeps that flag.
  // "Jan-Mar": a month keeps that flag too.
  const first = wordFlags(text, s, h) & (W_FIRST | W_STOP | W_MONTH);
  if (!(first & W_FIRST)) return first;
  let h2 = h + 1;
  while (h2 < e && at(text, h2) !== 45) h2++;
  // "Georges-Pompidou", "Jean-Moulin": French names a hospital, a school or a street after a first name
  // joined to a surname; a person's compound first name joins two first names ("Marie-Josée"). Alone, such
  // a word needs a cue, as an everyday word does; before a surname it is still a name.
  return wordFlags(text, h + 1, h2) & W_FIRST ? first : first | W_AMBIG_FR | W_AMBIG_EN;
}

/** In TF: a surname read after a lower-case particle that the lists do not know ("Pierre de Bourgogne"). */
const T_UNKNOWN_AFTER_PARTICLE = 1 << 24;

// Name tokens of the current candidate: start, end, flags, and whether written in capitals.
const TS = new Int32Array(4);
const TE = new Int32Array(4);
const TF = new Int32Array(4);
const TC = new Uint8Array(4);

/** A name token at `p`: a capitalised word, possibly possessive ("Smith's" stops before "'s"). */
function tokenEnd(text: string, p: number): number {
  let e = wordEnd(text, p);
  if (e - p > 2 && isApostrophe(at(text, e - 2)) && at(text, e - 1) === 115) e -= 2;
  return e;
}

/** "Fort-de-France", "Saint-Rémy-de-Provence": a part after a hyphen starts in lower case. */
function hasLowerPart(text: string, s: number, e: number): boolean {
  for (let h = s; h < e - 1; h++) if (at(text, h) === 45 && isLower(at(text, h + 1))) return true;
  return false;
}

/**
 * Particles before a surname at `q` ("van der Berg", "de La Fontaine", "d'Alembert"): returns where the
 * capitalised surname starts, or -1.
 */
function afterParticles(text: string, q: number): number {
  let p = q;
  for (let k = 0; k < 2; k++) {
    if (!isLower(at(text, p))) return k > 0 && isUpper(at(text, p)) ? p : -1;
    if (isApostrophe(at(text, p + 1))) {
      const c = at(text, p);
      return (c === 100 || c === 108) && isUpper(at(text, p + 2)) ? p + 2 : -1; // d', l'
    }
    const pe = wordEnd(text, p);
    if (pe - p > 4 || !(wordFlags(text, p, pe) & W_PARTICLE) || !isSpace(at(text, pe))) return -1;
    p = pe + 1;
  }
  return isUpper(at(text, p)) ? p : -1;
}

/**
 * Collects name tokens after the first one [s, e): single spaces, then capitalised words that are not
 * function words, surnames with particles, and faker's two-word surnames ("Le gall"). From the third
 * token on, everyday words that are also names are left out: "Cordialement, Jean Dupont Claire…".
 */
function collectTokens(scan: Scan, s: number, e: number, f: number): number {
  const text = scan.text;
  TS[0] = s;
  TE[0] = e;
  TF[0] = f;
  TC[0] = isAllCaps(text, s, e) ? 1 : 0;
  let count = 1;
  let p = e;
  while (count < 4 && isSpace(at(text, p))) {
    // Forms and scans put two spaces between the parts of a name: "TITULAIRE : FONTAINE  MARC".
    // (A label after them is the next column's: "MR JAMES PATEL  DOB 14MAR1983".)
    const q = at(text, p) === 32 && at(text, p + 1) === 32 ? p + 2 : p + 1;
    if (q === p + 2 && cueFlags(text, q, wordEnd(text, q)) !== 0) break;
    if (isLower(at(text, q))) {
      const w = afterParticles(text, q);
      if (w < 0) break;
      const te = tokenEnd(text, w);
      // "Ludovic Jean-Louis de Fort-de-France": a hyphenated word with a part in lower case is a place.
      if (hasLowerPart(text, w, te)) break;
      const known = flagsOf(text, w, te);
      TS[count] = q;
      TE[count] = te;
      TF[count] = known | W_LAST | (known & W_LAST ? 0 : T_UNKNOWN_AFTER_PARTICLE);
      TC[count] = 0;
      count++;
      p = te;
      continue;
    }
    if (!isUpper(at(text, q))) break;
    // "Mercedes E-Class", "Nissan X-Trail": a letter and a hyphen start a model's name, not a surname.
    if (at(text, q + 1) === 45) break;
    let te = tokenEnd(text, q);
    if (te < text.length && FLAGS[at(text, te)]! & F_DIGIT) break;
    let tf = flagsOf(text, q, te);
    // Two-word surnames ("Da silva", "Le gall"): a short capitalised word, a space, a word. After a first
    // name, a capitalised particle and a capitalised word are one too: "Yannick Le Goff", "Giulia Di Marco".
    if (te - q <= 4 && isSpace(at(text, te)) && FLAGS[at(text, te + 1)]! & F_LETTER) {
      const two = wordEnd(text, te + 1);
      if (wordFlags(text, q, two) & W_LAST) {
        te = two;
        tf = W_LAST;
      } else if (
        TF[count - 1]! & W_FIRST &&
        isUpper(at(text, te + 1)) &&
        !isAllCaps(text, te + 1, two) &&
        CAPITAL_PARTICLE.test(text.slice(q, te)) &&
        !(wordFlags(text, te + 1, two) & (W_STOP | W_MONTH | W_TITLE))
      ) {
        te = two;
        tf = W_LAST;
      }
    }
    // "Harold P. Brennan", "— Jean-Baptiste R.": an initial after a first name is part of the name.
    // ("Elizabeth I." is a queen: a numeral letter must be followed by the surname.)
    if (
      te - q === 1 &&
      at(text, te) === 46 &&
      TF[count - 1]! & W_FIRST &&
      !(FLAGS[at(text, te + 1)]! & F_LETTER) &&
      (!isRomanNumeral(text, q, te) || (isSpace(at(text, te + 1)) && isUpper(at(text, te + 2))))
    ) {
      TS[count] = q;
      TE[count] = te + 1;
      TF[count] = W_LAST;
      TC[count] = 1;
      count++;
      p = te + 1;
      continue;
    }
    if (te - q < 2 || (tf & W_STOP && !(tf & W_LAST)) || tf & W_TITLE) break;
    // A month ends the name ("Jean Dupont Mai 2024"), unless it is a surname no day follows ("Xuân Trung Mai,").
    // (A number on the next line is an address's: "M. Hervé Janvier\n8 chemin du Moulin".)
    if (
      tf & W_MONTH &&
      // "Prénom : Thi Mai" at a line's end: a given name's second part.
      (!(
        tf & W_LAST ||
        isTitled(text, TS[0]!) ||
        (TF[0]! & W_FIRST && (te === text.length || at(text, te) === 10))
      ) ||
        (at(text, te) === 32 && FLAGS[at(text, te + 1)]! & F_DIGIT))
    )
      break;
    if (tf & W_STREET_EN && !(tf & W_NAME)) break;
    const caps = isAllCaps(text, q, te);
    // Names of other locales go on: "Javier Ruiz Romero", "Nguyen Van Thanh".
    if (count >= 2 && !caps && ((tf & W_EVERYDAY && tf & scan.ambiguous) || tf & W_GREETING)) break;
    TS[count] = q;
    TE[count] = te;
    TF[count] = tf;
    TC[count] = caps ? 1 : 0;
    count++;
    p = te;
  }
  return count;
}

/** True when a title ("M.", "Mme", "Dr") is the word before `s`: "M. Hervé Janvier" is a surname, not a month. */
function isTitled(text: string, s: number): boolean {
  let j = s - 1;
  while (j > 0 && at(text, j) === 32) j--;
  if (at(text, j) === 46) j--;
  const e = j + 1;
  while (j >= 0 && FLAGS[at(text, j)]! & F_LETTER) j--;
  return e > j + 1 && (wordFlags(text, j + 1, e) & W_TITLE) !== 0;
}

/** After a title: the following name tokens, whatever they are ("M. Zerbib", "Dr House", "Mrs van den Pol"). */
function afterTitle(scan: Scan, s: number, e: number): number {
  const text = scan.text;
  let p = e;
  if (at(text, p) === 46) p++;
  else if (e - s === 1) return e; // a lone "M" is not "M."
  if (!isSpace(at(text, p))) return e;
  p++;
  const start = p;
  if (isLower(at(text, p))) {
    const w = afterParticles(text, p);
    if (w < 0) return e;
    p = w;
  }
  if (!isUpper(at(text, p))) return e;
  let te = tokenEnd(text, p);
  let tf = flagsOf(text, p, te);
  // "Mme Le Goff", "M. Le Floc'h", "Mr Van Dyke": a capitalised particle and the surname it starts.
  if (tf & W_STOP) {
    const two = particleSurnameEnd(text, p, te);
    if (two > 0) {
      te = two;
      tf = W_LAST;
    }
  }
  if (te - p < 2 || (tf & (W_STOP | W_STREET_EN) && !(tf & W_NAME)) || tf & W_TITLE) return e; // "Lord Street"
  const count = collectTokens(scan, p, te, tf | W_LAST);
  const end = TE[count - 1]!;
  emitPerson(scan, start, end, count, 0.95);
  return end;
}

/** After a capitalised particle [p, te) ("Le", "Van"), the end of the surname it starts, or -1. */
function particleSurnameEnd(text: string, p: number, te: number): number {
  if (te - p > 3 || !isSpace(at(text, te)) || !isUpper(at(text, te + 1))) return -1;
  const two = tokenEnd(text, te + 1);
  return CAPITAL_PARTICLE.test(text.slice(p, te)) &&
    two - te > 2 &&
    !isAllCaps(text, te + 1, two) &&
    !(flagsOf(text, te + 1, two) & (W_STOP | W_TITLE | W_MONTH | W_STREET_EN))
    ? two
    : -1;
}

/** True when a greeted name is followed by what ends a greeting: ",", "!", ".", a line break, the end. */
function endsGreeting(text: string, end: number): boolean {
  if (end >= text.length) return true;
  const c = at(text, end);
  if (c === 44 || c === 33 || c === 46 || c === 10 || c === 13 || c === 58) return true;
  return / (?:here|ici|for|pour)\b/.test(text.slice(end, end + 6));
}

/** After a greeting or a sign-off: "Bonjour Marie", "Cordialement,\nJean Dupont", "Dear John". */
function afterGreeting(scan: Scan, e: number): number {
  const text = scan.text;
  let p = e;
  while (p < text.length && p - e < 4) {
    const c = at(text, p);
    if (c === 32 || c === 44 || c === 10 || c === 13 || c === 0xa0) p++;
    else break;
  }
  if (p === e || !isUpper(at(text, p))) return e;
  // "Hi, I'm Nadia", "Bonjour, J'ai…": an elided word is not the name.
  if (isApostrophe(at(text, p + 1)) && at(text, p) !== 79) return e;
  const te = tokenEnd(text, p);
  const tf = flagsOf(text, p, te);
  if (tf & W_TITLE) return afterTitle(scan, p, te);
  if (tf & W_STOP && !(tf & W_NAME)) return e;
  const count = collectTokens(scan, p, te, tf);
  const end = TE[count - 1]!;
  // One word after "Hello" is a name when it is a known, unambiguous one, or when the greeting ends
  // right after it ("Hi Szymon,"): "Hello World program", "Thanks\nWill you…" are not.
  if (count === 1 && (!(tf & W_NAME) || tf & scan.ambiguous) && !endsGreeting(text, end)) return e;
  emitPerson(scan, p, end, count, 0.85);
  return end;
}

const RELATIVE =
  /^['’]s (?:mum|mom|mother|dad|father|parents|husband|wife|partner|son|daughter|sister|brother|kids|children|boyfriend|girlfriend|fiancée?|grandmother|grandfather|nan|gran|granny|grandma|grandpa|aunt|uncle|cousin)(?![\p{L}])/u;

/** Whether a possessive at `e` owns a relative ("'s mum"): only a person has one. */
function ownsRelative(text: string, e: number): boolean {
  return isApostrophe(at(text, e)) && RELATIVE.test(text.slice(e, e + 16));
}

/**
 * True when the word at `s` starts the last line, or follows a dash or a sentence's end: "…merci !! —
 * Aurore", "…Enjoy! Inês" (the caller checks that nothing follows the name).
 */
function signsAtEnd(text: string, s: number): boolean {
  const c = at(text, s - 1);
  if (c === 10) return true;
  const d = at(text, s - 2);
  return c === 32 && (((d === 0x2014 || d === 0x2013) && isSpace(at(text, s - 3))) || d === 33 || d === 46);
}

/** True when only spaces, line breaks and closing punctuation follow `end`. */
function endsText(text: string, end: number): boolean {
  for (let i = end; i < text.length; i++) {
    const c = at(text, i);
    if (c === 32 || c === 10 || c === 13 || c === 46 || c === 33 || c === 0xa0) continue;
    // Kisses after a signature, a word of their own: "Jen x", "Mo xx".
    if ((c === 120 || c === 88) && isSpace(at(text, i - 1))) {
      while ((at(text, i + 1) | 32) === 120) i++;
      if (FLAGS[at(text, i + 1)]! & F_LETTER) return false;
      continue;
    }
    return false;
  }
  return true;
}

/** True when a lower-case letter comes before `s`, past spaces: the word is inside a clause. */
function afterLowerCase(text: string, s: number): boolean {
  let j = s - 1;
  while (j >= 0 && isSpace(at(text, j))) j--;
  return j >= 0 && isLower(at(text, j));
}

/** "Asante-Darko": two capitalised parts of three letters or more joined by a hyphen. */
function isDoubleBarrelled(text: string, s: number, e: number): boolean {
  const h = text.indexOf("-", s);
  // (Not a place: "Saint-Denis", "Sainte-Foy".)
  return (
    h - s >= 3 &&
    e - h > 3 &&
    isUpper(at(text, h + 1)) &&
    !isAllCaps(text, s, e) &&
    !text.startsWith("Saint", s)
  );
}

/** Decides whether collected tokens are a person; returns how many tokens form the name (0: none). */
function nameLength(scan: Scan, count: number, cue: number): number {
  const f = TF[0]!;
  // "EARL Ferme du Bois-Joli": a legal form in capitals opens a firm's name ("Earl" is a first name too).
  if (
    TC[0] &&
    f & W_STOP &&
    !(count > 1 && TF[1]! & W_LAST) &&
    cueFlags(scan.text, TS[0]!, TE[0]!) & C_COMPANY_AFTER
  )
    return 0;
  const ambiguous = (f & scan.ambiguous) !== 0;
  if (count >= 2) {
    const g = TF[1]!;
    // "Pierre de Bourgogne": an everyday word, a particle and a word no list knows is a thing or a place.
    if (f & W_EVERYDAY && g & T_UNKNOWN_AFTER_PARTICLE && !(cue & (C_NAME_CUE | C_STRONG_CUE))) return 0;
    if (f & W_FIRST) {
      // A place or function word needs a surname after it: "Will Smith", not "London Victoria".
      // "Paris CDG", "London LHR": an airport's code after a city is no surname; "Job ID" no name at all.
      // In a heading all in capitals an everyday word needs a known surname: "BON DE LIVRAISON".
      const capsLen = TE[1]! - TS[1]!;
      if (
        (f & W_STOP ? g & W_LAST : g & W_NAME) ||
        (TC[1] && capsLen > 2 && (capsLen > 3 || !(f & W_STOP)) && !(TC[0] && f & W_EVERYDAY))
      )
        return count;
      // French does not capitalise common nouns mid-phrase, so "Pierre Garnier" is a name; English titles
      // do ("Grace Period"), so an English everyday word needs a known surname after it.
      if (g === 0 && !TC[1] && !(f & (W_STOP | (scan.ambiguous & W_AMBIG_EN)))) return count;
      // A double-barrelled surname no list knows: "Kwame Asante-Darko".
      if (g === 0 && !TC[1] && !(f & W_STOP) && isDoubleBarrelled(scan.text, TS[1]!, TE[1]!)) return count;
    }
    // Forms and lists put the surname first in capitals: "DUPONT Jean", "JANSEN Maximilian"
    // (but "FYI Morgan Turcotte" is an acronym before a name).
    if (TC[0] && g & W_FIRST && (count === 2 || f & W_LAST)) return count;
    // Two given names before a known surname: "Mei Lin Chen", "Anh Thu Nguyen".
    if (
      count === 3 &&
      f & W_FIRST &&
      !(f & W_STOP) &&
      (g === 0 || (g & W_FIRST && !(g & (W_STOP | W_EVERYDAY)))) &&
      TF[2]! & W_LAST &&
      !(TF[2]! & (W_STOP | W_EVERYDAY | W_STREET_EN | W_MONTH | W_TITLE))
    )
      return count;
    // The family name first, then given names: "Nguyễn Văn Hải", "Kim Min Jun".
    if (count >= 3 && f & W_LAST && !(f & (W_FIRST | W_STOP | W_EVERYDAY)) && g & W_FIRST) return count;
    if (cue & C_NAME_CUE && f & W_NAME && !(f & W_STOP)) return count;
  }
  // "loop in O'Sullivan": an Irish surname alone names someone (what is named after one, "O'Connell
  // Street", is left to the words after it).
  if (count === 1 && f & W_LAST && at(scan.text, TS[0]!) === 79 && isApostrophe(at(scan.text, TS[0]! + 1)))
    return 1;
  // A word that is also a place or a function word ("London", "Will") needs more than a weak cue alone:
  // "Product Manager, London or Remote".
  if (f & (W_STOP | W_MONTH) && !(cue & C_STRONG_CUE)) return 0; // "for April expense claims"
  // A lone first name that is also a common capitalised word ("France", "Paris") needs a cue. One of the
  // less common names, places too, stands alone only where a sentence or a clause starts or after a cue
  // other than a preposition: "Merci. Karima", but not "from Leyton", "a villa in Marbella".
  if (
    f & W_FIRST &&
    !ambiguous &&
    !TC[0] &&
    (!(f & W_RARE) || (cue & C_NAME_CUE ? !(cue & C_PREPOSITION) : !afterLowerCase(scan.text, TS[0]!)))
  )
    return 1;
  // A rare given name is not named by a preposition alone: "trains from Leyton", "le train pour Clermont".
  if (cue & C_NAME_CUE && f & W_NAME && !(cue & C_PREPOSITION && f & W_RARE)) return 1;
  if (cue & C_STRONG_CUE) return count;
  return 0;
}

/** The lexicon flags of the word before `s` when it is a name cue or a place word, else 0. */
function cueBefore(text: string, s: number): number {
  const c = at(text, s - 1);
  // At a sentence start or after a bracket no cue applies: skip the look-back.
  // A JSON value: the key before it is the cue ("first_name": "Gareth", "nom":"PEREIRA").
  if (c === 34) {
    let j = s - 2;
    while (j >= 0 && at(text, j) === 32) j--;
    // A log's key=value pair: name="Hyun-woo Park".
    if (at(text, j) === 61) return previousWord(text, j + 1) ? cueFlags(text, WORD_START, WORD_END) : 0;
    if (at(text, j) !== 58) return 0;
    j--;
    while (j >= 0 && at(text, j) === 32) j--;
    return at(text, j) === 34 && previousWord(text, j) ? cueFlags(text, WORD_START, WORD_END) : 0;
  }
  // "Agent (Ravi):": a name in brackets after a role.
  if (c === 40) return previousWord(text, s - 1) ? cueFlags(text, WORD_START, WORD_END) & C_NAME_CUE : 0;
  if (s === 0 || c === 46 || c === 33 || c === 63) return 0;
  if (c === 10 || c === 13) return signsOffBefore(text, s) ? C_STRONG_CUE | C_NAME_CUE : 0;
  if (!previousWord(text, s)) return 0;
  let flags = cueFlags(text, WORD_START, WORD_END);
  // "merci monsieur Lemaire", "le docteur Benhamou": a title in lower case, one space before the name.
  // (Capitalised, it is read as a title first; "Madame, Monsieur, Suite à…" is no name.)
  if (flags & C_TITLE && WORD_END === s - 1 && isLower(at(text, WORD_START))) flags |= C_STRONG_CUE;
  // "my name is X", "mon nom est X": the verb is a strong cue after "name"/"nom".
  if (flags & C_NAME_CUE && WORD_END - WORD_START <= 3 && previousWord(text, WORD_START)) {
    const before = cueFlags(text, WORD_START, WORD_END);
    // Only "name"/"nom" (cues of both kinds): "étudiante à Paris" is no naming.
    if (before & C_STRONG_CUE && before & C_NAME_CUE) return flags | C_STRONG_CUE;
  }
  return flags;
}

/** "Zef den Adel": a name found after a particle starts at the capitalised word before the particle. */
function startBeforeParticle(text: string, s: number): number {
  let j = s - 1; // the space before the name
  for (let k = 0; k < 2; k++) {
    if (!isSpace(at(text, j))) return s;
    const end = j;
    while (j > 0 && isLower(at(text, j - 1))) j--;
    if (end - j < 2 || end - j > 4 || !(wordFlags(text, j, end) & W_PARTICLE)) return s;
    if (j === 0 || !isSpace(at(text, j - 1))) return s;
    j--; // the space before the particle
    const c = at(text, j - 1);
    if (!(FLAGS[c]! & F_LETTER)) return s;
    if (isLower(c) && k === 0) {
      // Maybe a second particle ("van der"): look again from this space, unless it is a plain word.
      let w = j;
      while (w > 0 && isLower(at(text, w - 1))) w--;
      if (FLAGS[at(text, w - 1)]! & F_LETTER) return s;
      if (wordFlags(text, w, j) & W_PARTICLE) continue;
      return s;
    }
    break;
  }
  const end = j;
  while (j > 0 && FLAGS[at(text, j - 1)]! & F_LETTER) j--;
  return isUpper(at(text, j)) &&
    !(wordFlags(text, j, end) & W_STOP) &&
    !(cueFlags(text, j, end) & C_PLACE_CUE)
    ? j
    : s;
}

/**
 * True when the line before the one starting at `s` is a short sign-off ("Kind regards,", "Bien à vous,"):
 * the capitalised words that start this line sign the message.
 */
function signsOffBefore(text: string, s: number): boolean {
  let j = s - 1;
  while (j >= 0 && (at(text, j) === 10 || at(text, j) === 13)) j--;
  const end0 = j + 1;
  while (j >= 0 && (at(text, j) === 44 || at(text, j) === 33 || at(text, j) === 46 || isSpace(at(text, j))))
    j--;
  const end = j + 1;
  while (j >= 0 && FLAGS[at(text, j)]! & F_LETTER) j--;
  if (end - j < 3 || !(cueFlags(text, j + 1, end) & C_SIGNOFF)) return false;
  // "Thanks\nGrace period…", "Merci\nNuméro de suivi…": without a comma only a closing formula signs.
  if (at(text, end) !== 44 && !CLOSING_ALONE.test(text.slice(j + 1, end))) return false;
  // The whole line is short: a sign-off, not a sentence that happens to end in "merci".
  let lineStart = j;
  while (lineStart >= 0 && at(text, lineStart) !== 10 && end0 - lineStart < 40) lineStart--;
  return lineStart < 0 || at(text, lineStart) === 10;
}

const CLOSING_ALONE =
  /^(?:regards|faithfully|sincerely|cordialement|salutations|distingu[ée]es|respectueusement|amicalement)$/i;

/** After an initial ("A. Nguyen-Thanh", "D. ap Rhys", "J. Smith"): a person when a surname follows. */
function afterInitial(scan: Scan, s: number, e: number): number {
  const text = scan.text;
  if (!isSpace(at(text, e + 1))) return e + 1;
  let q = e + 2;
  let particle = false;
  if (isLower(at(text, q))) {
    const w = afterParticles(text, q);
    if (w < 0) return e + 1;
    q = w;
    particle = true;
  }
  if (!isUpper(at(text, q))) return e + 1;
  // A particle written with a capital: "Y. Le Bihan", "J. De Smet", "A. Van Damme".
  if (!particle) {
    const pe = wordEnd(text, q);
    if (
      pe - q <= 3 &&
      at(text, pe) === 32 &&
      isUpper(at(text, pe + 1)) &&
      CAPITAL_PARTICLE.test(text.slice(q, pe))
    ) {
      q = pe + 1;
      particle = true;
    }
  }
  const te = tokenEnd(text, q);
  let hyphen = q;
  while (hyphen < te && at(text, hyphen) !== 45) hyphen++;
  const tf = wordFlags(text, q, te) | wordFlags(text, q, hyphen);
  if (te - q < 2 || tf & (W_STOP | W_TITLE | W_MONTH | W_STREET_EN) || !(particle || tf & W_LAST))
    return e + 1;
  // Initials before this one: "J.-P. Martin", "J.P. Martin", "Y.-E. Le Bihan".
  let from = s;
  for (let k = 0; k < 2; k++) {
    const gap = at(text, from - 1) === 45 ? 2 : 1;
    if (at(text, from - gap) !== 46 || !isUpper(at(text, from - gap - 1))) break;
    if (FLAGS[at(text, from - gap - 2)]! & F_LETTER) break;
    from -= gap + 1;
  }
  // No tokens were collected for this name: count 1 keeps emitPerson off TS/TE of an earlier candidate.
  emitPerson(scan, from, te, 1, 0.75);
  return te;
}

const BUILDING = /^(?:House|Hall|Court|Lodge|Park|Gardens|Centre|Center|Tower|Place)$/;

/** Nobility before a name makes it a title and a place: "the Duke of Wellington", "le duc d'Orléans". */
const NOBLE_OF =
  /(?:duke|duchess|earl|marquess|marquis|king|queen|prince|princess|duc|duchesse|comte|comtesse|roi|reine) (?:of|de|d') ?$/i;

/**
 * Emits a person at [start, end) (its `count` name tokens collected in TS/TE) unless the words around say
 * the name is someone else's brand, a place or an institution named after a person, a company, or a
 * historical figure: "Louis Vuitton", "Queen Elizabeth Hospital", "Transports Guérin SARL", "Louis XV".
 */
function emitPerson(scan: Scan, start: number, end: number, count: number, score: number): void {
  const text = scan.text;
  if (isNotAPerson(text, start, end)) return;
  // "the Tate Modern", "the Royal Albert": two capitalised words after "the" name a place or a thing.
  if (
    count >= 2 &&
    start >= 4 &&
    text.startsWith("the ", start - 4) &&
    !(FLAGS[at(text, start - 5)]! & F_LETTER) &&
    !(TF[0]! & W_TITLE)
  )
    return;
  // "Galeries Lafayette Haussmann": a listed brand that starts one word before the name.
  if (isSpace(at(text, start - 1)) && FLAGS[at(text, start - 2)]! & F_LETTER) {
    let p = start - 2;
    while (p > 0 && FLAGS[at(text, p - 1)]! & F_LETTER) p--;
    if (isUpper(at(text, p)) && isNotAPerson(text, p, count > 1 ? TE[0]! : end)) return;
  }
  // "Leroy Merlin Lyon Vaise": a listed brand and the shop's place; "Royal Mail": one a word longer.
  if (count >= 3 && isNotAPerson(text, start, TE[1]!)) return;
  if (
    count === 1 &&
    at(text, end) === 32 &&
    isUpper(at(text, end + 1)) &&
    isNotAPerson(text, start, wordEnd(text, end + 1))
  )
    return;
  // "Dear Landlord", "Student Enrollment": a word no list holds as a name that names a role or a thing.
  if (count === 1 && !(TF[0]! & W_NAME) && cueFlags(text, start, end) & (C_PLACE_AFTER | C_COMPANY_AFTER))
    return;
  // "Bob's your uncle": the idiom names no one.
  if (count === 1 && isApostrophe(at(text, end)) && text.startsWith("s your uncle", end + 1)) return;
  // "Ballyvaughan, Co. Clare": an Irish county.
  if (start >= 4 && text.startsWith("Co. ", start - 4)) return;
  // "La Rochelle", "Le Mans", "Les Lilas": one name after a capitalised article names a place.
  if (count === 1 && afterCapitalArticle(text, start)) return;
  for (let k = 1; k < count; k++) {
    // "Henry Wood House": a building word after a first name and a surname (alone it is one: "Josiah Hall").
    if (k >= 2 && k === count - 1 && BUILDING.test(text.slice(TS[k]!, TE[k]!))) return;
    // "Queen Elizabeth Hospital", "Johnson Controls UK", but "Josiah Ward" is a surname.
    if (TF[k]! & W_LAST) continue;
    if (
      cueFlags(text, TS[k]!, TE[k]!) & (C_PLACE_AFTER | C_COMPANY_AFTER) ||
      // "Louis XV" is a king, "Harold J. Pemberton III" a grandson.
      (isRomanNumeral(text, TS[k]!, TE[k]!) && (k < 2 || k < count - 1))
    )
      return;
  }
  // "Marks & Spencer", "Dolce & Gabbana".
  if (at(text, end + 1) === 38 && isSpace(at(text, end)) && isSpace(at(text, end + 2))) {
    const next = wordEnd(text, end + 3);
    if (next > end + 3 && isNotAPerson(text, start, next)) return;
    // "Brennan & Voigt France SAS": a firm's partners, then a legal form within three words.
    for (let p = end + 3, w = 0; w < 3 && isUpper(at(text, p)); w++) {
      const we = wordEnd(text, p);
      if (w > 0 && cueFlags(text, p, we) & C_COMPANY_AFTER) return;
      if (!isSpace(at(text, we))) break;
      p = we + 1;
    }
  }
  if (start >= 4 && at(text, start - 2) === 38 && isSpace(at(text, start - 1))) {
    let p = start - 4;
    while (p > 0 && FLAGS[at(text, p - 1)]! & F_LETTER) p--;
    if (isNotAPerson(text, p, end)) return;
  }
  if (afterOfOrDe(text, start) && NOBLE_OF.test(text.slice(Math.max(0, start - 16), start))) return;
  // The word after: "… Hospital", "… ward", "Louis XV", "… SARL", "… & Fils".
  let p = end;
  if (isSpace(at(text, p))) {
    p++;
    if (at(text, p) === 38 && isSpace(at(text, p + 1))) p += 2;
    const we = wordEnd(text, p);
    if (we > p) {
      const cue = cueFlags(text, p, we);
      if (cue & C_PLACE_AFTER && !(wordFlags(text, p, we) & W_NAME)) return;
      // "Lincoln Park Zoo", "Brixton Hill Surgery": a place named by a street word, then what is there.
      if (isUpper(at(text, p)) && wordFlags(text, p, we) & W_STREET_EN && isSpace(at(text, we))) {
        const after = wordEnd(text, we + 1);
        if (after > we + 1 && isUpper(at(text, we + 1)) && cueFlags(text, we + 1, after) & C_PLACE_AFTER)
          return;
      }
      if (cue & C_COMPANY_AFTER && isUpper(at(text, p))) return;
      // "Louis XV", "Elizabeth I." (but "… Fernández I still need": the pronoun).
      const pronoun =
        we - p === 1 && at(text, p) === 73 && isSpace(at(text, we)) && isLower(at(text, we + 1));
      if (we - p <= 4 && isRomanNumeral(text, p, we) && !(FLAGS[at(text, we)]! & F_LETTER) && !pronoun)
        return;
    }
  }
  // "MACLEOD, Eilidh": a surname in capitals, a comma, then the first name, as files and letters list people.
  const prev = scan.out[scan.out.length - 1];
  if (
    count === 1 &&
    prev !== undefined &&
    prev.end === start - 2 &&
    at(text, start - 2) === 44 &&
    prev.type === "PERSON" &&
    TF[0]! & W_FIRST &&
    !TC[0] &&
    (isAllCaps(text, prev.start, prev.end) ||
      // "Name: Whitfield, Marisol" on a line of its own: a surname no one uses as a first name.
      (at(text, prev.start - 2) === 58 &&
        (end === text.length || at(text, end) === 10) &&
        (wordFlags(text, prev.start, prev.end) & (W_FIRST | W_LAST)) === W_LAST) ||
      // "To: Grant, Charlotte <charlotte.grant@…>": a mail header's display name, spelled by its address.
      addressSpells(text, end, prev.start, prev.end, start))
  ) {
    emit(scan, "PERSON", prev.start, end, score);
    return;
  }
  emit(scan, "PERSON", vietnameseFamilyName(text, start), end, score);
}

/**
 * Whether " <address>" follows `end` and its local part holds both the surname [s1, e1) and the first
 * name [s2, end), in lower case.
 */
function addressSpells(text: string, end: number, s1: number, e1: number, s2: number): boolean {
  if (at(text, end) !== 32 || at(text, end + 1) !== 60) return false;
  const atSign = text.indexOf("@", end + 2);
  if (atSign < 0 || atSign - end > 66) return false;
  const local = text.slice(end + 2, atSign).toLowerCase();
  return (
    local.includes(text.slice(s1, e1).toLowerCase()) && local.includes(text.slice(s2, end).toLowerCase())
  );
}

/**
 * "Vo Thi Hoa", "Le Van Nam": a Vietnamese middle name ("Thi", "Văn") follows the family name, which
 * may be a short word no list holds as a name. Returns where the name starts.
 */
function vietnameseFamilyName(text: string, start: number): number {
  const c = at(text, start);
  if (!(c === 84 || c === 86) || !isSpace(at(text, start - 1))) return start; // "T", "V"
  const w = wordEnd(text, start);
  const middle = text.slice(start, w);
  if (middle !== "Thi" && middle !== "Thị" && middle !== "Văn") return start;
  let p = start - 1;
  while (p > 0 && FLAGS[at(text, p - 1)]! & F_LETTER) p--;
  return start - 1 - p >= 2 &&
    start - 1 - p <= 6 &&
    isUpper(at(text, p)) &&
    !(FLAGS[at(text, p - 1)]! & F_LETTER)
    ? p
    : start;
}

/** True when "La ", "Le " or "Les " stands right before `start`, as a word of its own. */
function afterCapitalArticle(text: string, start: number): boolean {
  if (!isSpace(at(text, start - 1))) return false;
  const a = at(text, start - 2);
  // "La", "Le"
  if ((a === 97 || a === 101) && at(text, start - 3) === 76) return !(FLAGS[at(text, start - 4)]! & F_LETTER);
  // "Les"
  return (
    a === 115 &&
    at(text, start - 3) === 101 &&
    at(text, start - 4) === 76 &&
    !(FLAGS[at(text, start - 5)]! & F_LETTER)
  );
}

/** True when "of ", "de " or "d'" is right before `start`: the cheap test before NOBLE_OF. */
function afterOfOrDe(text: string, start: number): boolean {
  if (start >= 2 && isApostrophe(at(text, start - 1))) return (at(text, start - 2) | 32) === 100;
  if (start < 4 || !isSpace(at(text, start - 1))) return false;
  const a = at(text, start - 3) | 32;
  const b = at(text, start - 2) | 32;
  return (a === 111 && b === 102) || (a === 100 && b === 101);
}

function isRomanNumeral(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = at(text, i);
    if (c !== 73 && c !== 86 && c !== 88) return false; // I, V, X
  }
  return true;
}

/**
 * An unlisted capitalised word after a cue, followed by a known surname: "for Bronwen Evans", "manager
 * Aled Jones". The surname alone would be found by the cue; the first name is read with it.
 */
function beforeSurname(scan: Scan, s: number, e: number): number {
  const text = scan.text;
  if (e - s < 3 || !isSpace(at(text, e)) || !isUpper(at(text, e + 1)) || isAllCaps(text, s, e)) return e;
  const te = tokenEnd(text, e + 1);
  const g = flagsOf(text, e + 1, te);
  if (!(g & W_LAST) || g & (W_STOP | W_EVERYDAY | W_MONTH | W_TITLE | W_STREET_EN)) return e;
  if (cueFlags(text, s, e) & C_PLACE_CUE) return e; // "chez Garage Moreau", "à la Pharmacie Bernard"
  const count = collectTokens(scan, s, e, 0);
  if (count < 2) return e;
  const end = TE[count - 1]!;
  emitPerson(scan, s, end, count, 0.75);
  return end;
}

/**
 * At a capital letter that starts a word. Emits at most one entity and returns where to resume.
 */
export function scanCapitalised(scan: Scan, s: number): number {
  const text = scan.text;
  const n = text.length;
  const c1 = at(text, s + 1);
  if (c1 >= 65 && c1 <= 90 && FLAGS[at(text, s + 2)]! & F_DIGIT) {
    const end = scanIban(scan, s);
    if (end > 0) return end;
  }
  // "ul. Piotrkowska 104/12": a Polish street type in lower case, abbreviated.
  if (at(text, s - 2) === 46) {
    const end = scanPolishStreet(scan, s);
    if (end > 0) return end;
  }
  // The word's hash is computed while reading it, so the lookup below does not read it again.
  let h = hashStep(HASH_SEED, at(text, s));
  let e = s + 1;
  for (let c = at(text, e); e < n && FLAGS[c]! & F_LETTER; c = at(text, ++e)) h = hashStep(h, c);
  // Elision: "L'adresse", "D'après", "Qu'il": resume after the apostrophe. "O'Brien", "D'Artagnan" are names.
  if (e - s <= 2 && isApostrophe(at(text, e)) && FLAGS[at(text, e + 1)]! & F_LETTER) {
    const c0 = e - s === 1 ? at(text, s) : 0;
    if (!(c0 === 79 || (c0 === 68 && isUpper(at(text, e + 1))))) return e + 1; // "O'", "D'A"
  }
  if (e < n && FLAGS[at(text, e)]! & F_DIGIT) {
    while (e < n && FLAGS[at(text, e)]! & (F_LETTER | F_DIGIT)) e++;
    // A UK postcode or an Eircode no house number led to: "Church Lane\nFakenham NR21 0AA".
    if (e - s <= 4 && at(text, e) === 32 && FLAGS[at(text, e + 1)]! & (F_DIGIT | F_UPPER)) {
      const end = scanAddressBeforeUkPostcode(scan, s);
      if (end > 0) return end;
    }
    return e; // "SW1A", "A380", "FR12345678901": codes, not words
  }
  const after = at(text, e);
  // "Attendees:", "Présents :": a list of people may follow (scan-list-names.ts).
  if ((after === 58 || (after === 32 && at(text, e + 1) === 58)) && cueFlags(text, s, e) & C_LIST)
    scan.listLabel = true;
  let f: number;
  if (after === 45 || isApostrophe(after)) {
    e = tokenEnd(text, s);
    // "Will's Lane", "Smith's Road": a possessive before a street's word names the street, not a person.
    if (at(text, e + 2) === 32 && isUpper(at(text, e + 3)) && isApostrophe(at(text, e))) {
      const se = wordEnd(text, e + 3);
      if (wordFlags(text, e + 3, se) & W_STREET_EN) return se;
    }
    f = flagsOf(text, s, e);
  } else f = wordFlagsHashed(text, s, e, h);
  if (e - s === 1 && at(text, e) === 46 && !(f & W_TITLE)) return afterInitial(scan, s, e);
  // "Nom : Le Goff": a surname that starts with a capitalised particle, right after a name's label.
  if (e - s <= 3 && at(text, s - 2) === 58) {
    const we = particleSurnameEnd(text, s, e);
    if (we > 0 && cueBefore(text, s) & C_NAME_CUE) {
      emitPerson(scan, s, we, 1, 0.8);
      return we;
    }
  }
  if (f === 0) {
    const cue = cueBefore(text, s);
    // "Dossier locataire — Candidat : Oumar Sissoko": a role after a role names no one itself.
    // "PATIENT INTAKE FORM": a cue in capitals right before words in capitals is a heading's word.
    const strong =
      cue & C_STRONG_CUE &&
      !(cueFlags(text, s, e) & (C_STRONG_CUE | C_NAME_CUE)) &&
      !(at(text, s - 1) === 32 && isUpper(at(text, s - 2)) && isAllCaps(text, s, e));
    if (!strong && !isAllCaps(text, s, e)) {
      // After a cue or a label ("Third party driver: Bartosz Kowalczyk").
      // A signature on the last line too: "…keeps failing\nOlu Adebayo".
      const end =
        cue & C_NAME_CUE || at(text, s - 2) === 58 || (at(text, s - 1) === 10 && text.indexOf("\n", e) < 0)
          ? beforeSurname(scan, s, e)
          : e;
      if (end > e) return end;
      leave(scan, s);
      return e;
    }
    const count = collectTokens(scan, s, e, 0);
    // "son VPN se coupe", "my son PC": three capitals no list knows, alone, are an acronym.
    if (count === 1 && e - s <= 3 && isAllCaps(text, s, e)) return e;
    // Surnames in capitals before a first name: "JANSEN Maximilian", "ROBLEDO CARMONA Mariana".
    let surnames = 1;
    while (surnames < count && TC[surnames] && !(TF[surnames]! & W_FIRST)) surnames++;
    if (
      !strong &&
      (surnames === count ||
        !(TF[surnames]! & W_FIRST) ||
        (surnames === 1 && count > 2 && !(TF[2]! & W_FIRST)))
    ) {
      return e;
    }
    let end = TE[count - 1]!;
    if (at(text, s - 1) === 34 && at(text, end) === 32 && cue & C_NAME_CUE) end = quotedNameEnd(text, end);
    emitPerson(scan, s, end, count, 0.8);
    return end;
  }
  if (f & W_TITLE) return afterTitle(scan, s, e);
  if (f & (W_STREET_FIRST | W_STREET_FR)) {
    const end = scanStreetFirst(scan, s, e);
    if (end > 0) return end;
  }
  if (f & W_MONTH) {
    const end = scanMonthDayYear(scan, s, e);
    if (end > 0) return end;
  }
  if (f & W_GREETING) return afterGreeting(scan, e);
  if (!(f & W_NAME)) {
    // "nom": "Le Goff": a surname that starts with a capital particle, quoted under a name key.
    if (f & W_STOP && at(text, s - 1) === 34 && cueBefore(text, s) & C_STRONG_CUE) {
      const end = particleSurnameEnd(text, s, e);
      if (end > 0) emitPerson(scan, s, end, 1, 0.85);
      return end > 0 ? end : e;
    }
    return e;
  }
  const count = collectTokens(scan, s, e, f);
  const cue = cueBefore(text, s);
  // "avenue Jean Jaurès", "lycée Victor Hugo"; not across a label's colon: "sur place : Grégory Gauthier".
  if (cue & C_PLACE_CUE && WORD_END === s - 1) return TE[count - 1]!;
  let len = nameLength(scan, count, cue);
  // A first name alone on the message's last line signs it, even a word that is also an everyday one:
  // "…from 9am.\nGrace".
  if (len === 0 && f & W_FIRST && !(f & W_STOP) && signsAtEnd(text, s) && endsText(text, TE[count - 1]!)) {
    len = count;
  }
  // "Grace's mum", "Will's wife": a first name that owns a relative is a person, even one that is a word.
  if (len === 0 && count === 1 && f & W_FIRST && ownsRelative(text, TE[0]!)) len = 1;
  if (len === 0) {
    leave(scan, s);
    return e;
  }
  let end = TE[len - 1]!;
  // name="Hyun-woo Park": a quoted value under a name's key is the name, whole ("Park" is also a street's).
  if (at(text, s - 1) === 34 && at(text, end) === 32 && cue & C_NAME_CUE) end = quotedNameEnd(text, end);
  emitPerson(scan, startBeforeParticle(text, s), end, len, len > 1 ? 0.9 : 0.7);
  return end;
}

/**
 * From `end`, inside a quoted name: the closing quote's position when only capitalised words (at most
 * three more) come before it, else `end`.
 */
function quotedNameEnd(text: string, end: number): number {
  let p = end;
  for (let words = 0; words < 3 && at(text, p) === 32 && isUpper(at(text, p + 1)); words++) {
    p = tokenEnd(text, p + 1);
    if (at(text, p) === 34) return p;
  }
  return end;
}
