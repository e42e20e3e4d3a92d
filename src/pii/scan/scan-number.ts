/**
 * Everything that starts with a digit (or "+", "("): phones, cards, NIR, SIREN/SIRET, IPv4, numeric dates,
 * house numbers and postcodes. The digits are read once into a buffer, split in groups by their separators
 * ("06 12 34 56 78" is five groups of two); then each type checks the group layout and its checksum on
 * the longest run of groups first. Nothing here builds a string until a type has matched.
 */
import { at, F_DIGIT, F_HEX, F_LETTER, F_SPACE, F_UPPER, F_WORD, FLAGS } from "./char-class.ts";
import { luhnDigits, nirValid } from "./checksums.ts";
import { hasBirthContext, hasReferenceContext, hasVersionContext } from "./context.ts";
import { W_MONTH, W_STREET_FR, wordFlags } from "./lexicon.ts";
import {
  isHouseSuffix,
  scanAddressBeforePostcode,
  scanAddressBeforeShortPostcode,
  scanAfterHouseNumber,
} from "./scan-address.ts";
import { scanDayMonthYear } from "./scan-date.ts";
import { scanIpv6 } from "./scan-ipv6.ts";
import { emit, type Scan } from "./scan-state.ts";

const MAX_DIGITS = 48;
const MAX_GROUPS = 16;
const D = new Uint8Array(MAX_DIGITS);
/** Start and end offset of each group in the text, and the digit count up to its end. */
const GS = new Int32Array(MAX_GROUPS);
const GE = new Int32Array(MAX_GROUPS);
const GD = new Int32Array(MAX_GROUPS);
/** The separator before each group: its first character and its length (0 for the first group). */
const SEP = new Int32Array(MAX_GROUPS);
const SEPLEN = new Int32Array(MAX_GROUPS);
/** The separator's kind (K_* bit; 0 when it is more than one character) before each group. */
const SEPKIND = new Int32Array(MAX_GROUPS);
/** Group sizes of the first k groups packed 5 bits each (up to six groups), compared with `layout(…)`. */
const SIG = new Int32Array(MAX_GROUPS + 1);
const K_SPACE = 1;
const K_DOT = 2;
const K_DASH = 4;
const K_SLASH = 8;

function kindOf(c: number): number {
  if (c === 32 || c === 0xa0 || c === 0x202f) return K_SPACE;
  if (c === 46) return K_DOT;
  if (c === 45) return K_DASH;
  if (c === 47) return K_SLASH;
  return 0;
}

function layout(...sizes: number[]): number {
  let sig = 0;
  for (const n of sizes) sig = sig * 32 + n;
  return sig;
}
let corsica = false;

function isSeparator(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x202f || c === 46 || c === 45 || c === 47 || c === 40 || c === 41;
}

function gatherGroups(text: string, s: number): number {
  const n = text.length;
  let i = s;
  let nd = 0;
  let g = 0;
  corsica = false;
  SIG[0] = 0;
  while (g < MAX_GROUPS) {
    const gs = i;
    while (i < n && nd < MAX_DIGITS) {
      const c = at(text, i);
      if (c >= 48 && c <= 57) {
        D[nd++] = c - 48;
        i++;
      } else if (
        // Corsica's NIRs carry 2A/2B where the department goes (6th–7th characters); INSEE computes
        // the key with 19 and 18 in their place, so the buffer holds those digits.
        (c === 65 || c === 66 || c === 97 || c === 98) &&
        nd === 6 &&
        D[5] === 2 &&
        !corsica &&
        (D[0] === 1 || D[0] === 2)
      ) {
        D[5] = 1;
        D[nd++] = c === 65 || c === 97 ? 9 : 8;
        corsica = true;
        i++;
      } else break;
    }
    GS[g] = gs;
    GE[g] = i;
    GD[g] = nd;
    SIG[g + 1] = g < 6 ? SIG[g]! * 32 + (i - gs) : -1;
    g++;
    let j = i;
    while (j < n && j - i < 3 && isSeparator(at(text, j))) j++;
    if (j === i || j >= n || nd >= MAX_DIGITS) break;
    const next = at(text, j);
    if (next < 48 || next > 57) break;
    SEP[g] = at(text, i);
    SEPLEN[g] = j - i;
    SEPKIND[g] = j - i === 1 ? kindOf(SEP[g]!) : 0;
    i = j;
  }
  return g;
}

const size = (g: number) => GE[g]! - GS[g]!;

/** Every separator among groups 1..k-1 is one character of a kind in `allowed`, mixed or not. */
function singleSeparators(k: number, allowed: number): boolean {
  for (let g = 1; g < k; g++) if ((SEPKIND[g]! & allowed) === 0) return false;
  return true;
}

/** All separators among groups 1..k-1 are one character of the same kind, one of `allowed` (K_* bits). */
function uniformSeparator(k: number, allowed: number): boolean {
  if (k === 1) return true;
  const kind = SEPKIND[1]!;
  if ((kind & allowed) === 0) return false;
  for (let g = 2; g < k; g++) if (SEPKIND[g] !== kind) return false;
  return true;
}

const sizesAre = (k: number, sig: number) => k <= 6 && SIG[k] === sig;

const PHONE_SEPS = K_SPACE | K_DOT | K_DASH;
const ID_SEPS = K_SPACE | K_DOT | K_DASH;
const L_4_6_5 = layout(4, 6, 5);
const L_4_6_4 = layout(4, 6, 4);
const L_3_3_3_5 = layout(3, 3, 3, 5);
const L_9_5 = layout(9, 5);
const L_3_3_3 = layout(3, 3, 3);
const L_2_2_2_2_2 = layout(2, 2, 2, 2, 2);
const L_4_2_2_2 = layout(4, 2, 2, 2);
const UK_LAYOUTS = [
  layout(3, 4, 4),
  layout(5, 6),
  layout(4, 3, 4),
  layout(5, 3, 3),
  layout(4, 7),
  layout(3, 3, 5),
  layout(6, 5),
  layout(4, 6),
];
const L_3_3_4 = layout(3, 3, 4);
const L_3_3_2_2 = layout(3, 3, 2, 2);
const L_1_3_3_4 = layout(1, 3, 3, 4);
const COMPACT_DATE =
  /^(?:0[1-9]|[12]\d|3[01])(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC|FEV|AVR|MAI|JUI|AOU)(?:19|20)\d\d(?![\p{L}\d])/u;
/** Words just before a number that make "415 555 0136" a phone number ("cell", "call me on", "text"). */
const PHONE_CUE_BEFORE =
  /(?:^|[^\p{L}])(?:cell|call|phone|mobile|tel|tél|text|sms|whatsapp|fax|ring|portable|reach)\b[^\d\n]{0,12}$/iu;

/** Whether the number at `s` follows another group of digits and one space: it goes on a longer number. */
function afterDigitGroup(text: string, s: number): boolean {
  return at(text, s - 1) === 32 && (FLAGS[at(text, s - 2)]! & F_DIGIT) !== 0;
}

/** A group of one to three digits, then one space, before `s`: "7 " in "7 741 256 309". */
function thousandsBefore(text: string, s: number): boolean {
  if (!afterDigitGroup(text, s)) return false;
  let p = s - 2;
  while (p >= 0 && FLAGS[at(text, p)]! & F_DIGIT) p--;
  return s - 2 - p <= 3 && !(FLAGS[at(text, p)]! & F_WORD) && at(text, p) !== 46 && at(text, p) !== 44;
}

/** Issuer prefixes (ISO/IEC 7812 IIN ranges of the schemes accepted in Europe and the US) and their lengths. */
function cardPrefixValid(L: number): boolean {
  const d0 = D[0]!;
  const two = d0 * 10 + D[1]!;
  const four = two * 100 + D[2]! * 10 + D[3]!;
  if (d0 === 4) return L === 13 || L === 16 || L === 19;
  if (two >= 51 && two <= 55) return L === 16;
  if (four >= 2221 && four <= 2720) return L === 16;
  if (two === 34 || two === 37) return L === 15;
  if (four === 6011 || two === 65 || (four >= 6440 && four <= 6499)) return L >= 16 && L <= 19;
  if (four >= 3528 && four <= 3589) return L >= 16 && L <= 19;
  if (two === 36 || two === 38 || (four >= 3000 && four <= 3059)) return L >= 14 && L <= 19;
  if (two === 50 || (two >= 56 && two <= 69)) return L >= 12 && L <= 19; // Maestro
  return false;
}

function cardLayout(k: number, L: number): boolean {
  if (k === 1) return true;
  if (!uniformSeparator(k, K_SPACE | K_DASH)) return false;
  if (sizesAre(k, L_4_6_5) || sizesAre(k, L_4_6_4)) return true;
  for (let g = 0; g < k - 1; g++) if (size(g) !== 4) return false;
  return size(k - 1) >= 1 && size(k - 1) <= 4 && L >= 13;
}

function isCard(k: number, L: number): boolean {
  return L >= 13 && L <= 19 && !corsica && cardLayout(k, L) && cardPrefixValid(L) && luhnDigits(D, 0, L);
}

// INSEE gives no SIREN (nor SIRET) starting with 0: "merchant ID 000083311" passes Luhn and is none.
function isSiret(k: number, L: number): boolean {
  if (L !== 14 || corsica || D[0] === 0) return false;
  if (!(k === 1 || sizesAre(k, L_3_3_3_5) || sizesAre(k, L_9_5))) return false;
  if (!uniformSeparator(k, ID_SEPS)) return false;
  return luhnDigits(D, 0, 14) && luhnDigits(D, 0, 9);
}

function isSiren(k: number, L: number): boolean {
  if (L !== 9 || corsica || D[0] === 0) return false;
  if (!(k === 1 || sizesAre(k, L_3_3_3))) return false;
  return uniformSeparator(k, ID_SEPS) && luhnDigits(D, 0, 9);
}

function isNir(k: number, L: number): boolean {
  if (L !== 15) return false;
  for (let g = 1; g < k; g++)
    if (SEPLEN[g] !== 1 || SEP[g] === 47 || SEP[g] === 40 || SEP[g] === 41) return false;
  return nirValid(D, 0);
}

/** National numbers: French 0X XX XX XX XX, UK 0XX XXXX XXXX / 07XXX XXXXXX, US (XXX) XXX-XXXX. */
function isNationalPhone(k: number, L: number, paren: boolean): boolean {
  const d0 = D[0]!;
  const d1 = D[1]!;
  // Irish mobiles: "087 123 4567" (083, 085, 086, 087, 089).
  if (L === 10 && d0 === 0 && d1 === 8 && k === 3 && sizesAre(k, L_3_3_4) && !paren)
    return uniformSeparator(k, PHONE_SEPS);
  if (L === 10 && d0 === 0 && d1 !== 0) {
    if (paren) return false;
    // Pairs may mix spaces, dots and dashes, as a hurried hand types them: "07 81.44.90 12".
    if (sizesAre(k, L_2_2_2_2_2)) return singleSeparators(k, PHONE_SEPS);
    // Swiss and Belgian numbers of ten digits: "079 123 45 67" (a Swiss mobile), "065 218 74 39".
    if (sizesAre(k, L_3_3_2_2)) return uniformSeparator(k, PHONE_SEPS);
    return (k === 1 || sizesAre(k, L_4_2_2_2)) && uniformSeparator(k, PHONE_SEPS);
  }
  if (L === 11 && d0 === 0 && d1 !== 0) {
    const layoutOk = k === 1 || (k <= 6 && UK_LAYOUTS.includes(SIG[k]!));
    return layoutOk && (paren || uniformSeparator(k, PHONE_SEPS));
  }
  // North American with its country code: "1-800-555-0199", "1 212 555 0148".
  if (L === 11 && d0 === 1 && d1 >= 2 && D[4]! >= 2 && sizesAre(k, L_1_3_3_4) && !paren)
    return uniformSeparator(k, PHONE_SEPS);
  if (L === 10 && d0 >= 2 && D[3]! >= 2 && sizesAre(k, L_3_3_4)) {
    if (paren) return SEP[2] === 45 || SEP[2] === 32 || SEP[2] === 46;
    return uniformSeparator(k, K_DASH | K_DOT);
  }
  return false;
}

// Two-digit country codes (ITU-T E.164); any other code starting 2–9 has three digits.
const CC2 = new Set([
  20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56, 57, 58, 60,
  61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98,
]);

/**
 * International numbers after "+" (or "00"): the country code, an optional "(0)" trunk prefix, then the
 * national number, whose length depends on the country.
 */
function isInternationalPhone(text: string, k: number, L: number, from: number): boolean {
  let ccLen: number;
  const first = size(0) - from;
  if (k > 1 && first >= 1 && first <= 3) ccLen = first;
  else if (D[from] === 1 || D[from] === 7) ccLen = 1;
  else ccLen = CC2.has(D[from]! * 10 + D[from + 1]!) ? 2 : 3;
  if (D[from] === 0) return false; // no country code starts with 0 ("6011 0009 9013 9425")
  let cc = 0;
  for (let i = from; i < from + ccLen; i++) cc = cc * 10 + D[i]!;
  let nsn = L - from - ccLen;
  // "+33 (0)6 …": the bracketed trunk zero is not dialled from abroad.
  if (k > 2 && size(1) === 1 && D[from + ccLen] === 0 && at(text, GE[1]!) === 41) nsn -= 1;
  for (let g = 1; g < k; g++) if (SEPLEN[g]! > 2) return false;
  if (nsn < 6 || L - from > 16) return false;
  if (cc === 33) return nsn === 9;
  if (cc === 44) return nsn === 9 || nsn === 10;
  if (cc === 1) return nsn === 10;
  if (cc === 32 || cc === 41 || cc === 34 || cc === 352) return nsn >= 8 && nsn <= 10;
  return nsn >= 7 && nsn <= 12;
}

/** The mark between spaces of the separator before group g ("21 / 03 / 1975", as OCR spaces it), else 0. */
function spacedMark(text: string, g: number): number {
  return SEPLEN[g] === 3 && SEP[g] === 32 && at(text, GS[g]! - 1) === 32 ? at(text, GS[g]! - 2) : 0;
}

function isDate(text: string, k: number): boolean {
  if (k !== 3) return false;
  const mark = spacedMark(text, 1);
  const spaced = mark !== 0 && mark === spacedMark(text, 2) && kindOf(mark) & (K_SLASH | K_DOT | K_DASH);
  if (!spaced && !uniformSeparator(3, K_SLASH | K_DOT | K_DASH)) return false;
  const v = (g: number) => {
    let x = 0;
    for (let i = g === 0 ? 0 : GD[g - 1]!; i < GD[g]!; i++) x = x * 10 + D[i]!;
    return x;
  };
  const a = v(0);
  const b = v(1);
  const c = v(2);
  if (size(0) === 4) return a >= 1900 && a <= 2099 && b >= 1 && b <= 12 && c >= 1 && c <= 31;
  if (size(0) > 2 || size(1) > 2) return false;
  const yearOk = size(2) === 4 ? c >= 1900 && c <= 2099 : size(2) === 2;
  // Day first (French, British) or month first (American): either reading must be a real day and month.
  return yearOk && a >= 1 && b >= 1 && ((a <= 31 && b <= 12) || (a <= 12 && b <= 31));
}

/** The buffer's eight digits as a year (1900–2099), a month and a day: "19520317". */
function isCompactDate(): boolean {
  const year = D[0]! * 1000 + D[1]! * 100 + D[2]! * 10 + D[3]!;
  const month = D[4]! * 10 + D[5]!;
  const day = D[6]! * 10 + D[7]!;
  return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function isIpv4(text: string, k: number, ng: number, s: number): boolean {
  if (k !== 4 || !uniformSeparator(4, K_DOT)) return false;
  if (ng > 4 && SEP[4] === 46) return false; // 1.2.3.4.5 is not an address
  for (let g = 0; g < 4; g++) {
    if (size(g) > 3) return false;
    let x = 0;
    for (let i = g === 0 ? 0 : GD[g - 1]!; i < GD[g]!; i++) x = x * 10 + D[i]!;
    if (x > 255) return false;
  }
  if (s >= 2 && at(text, s - 1) === 46 && FLAGS[at(text, s - 2)]! & F_WORD) return false;
  // Decision: a dotted quad is an IP address unless labelled as a version ("version 10.0.0.1", "v. 1.2.3.4"),
  // or one of a family of versions the text already labelled ("v4.2.1.7 … roll back to 4.2.0.9").
  return !hasVersionContext(text, s) && !followsLabelledVersion(text, s);
}

function followedByWordChar(text: string, end: number): boolean {
  return end < text.length && (FLAGS[at(text, end)]! & F_WORD) !== 0;
}

/**
 * Scans the number starting at `s` (a digit; `lead` is the index of a "+" or "(" before it, or `s`).
 * Emits at most one entity and returns the index to resume scanning from.
 */
export function scanNumber(scan: Scan, s: number, lead: number): number {
  const text = scan.text;
  if (lead === s) {
    const end = plainNumberEnd(text, s);
    if (end > 0) return end;
  }
  const leadChar = lead < s ? at(text, lead) : 0;
  const plus = leadChar === 43;
  const paren = leadChar === 40;

  // IPv6 written from a digit ("2001:db8::1", "2a01:…"): a short hex run then a colon.
  if (!plus && !paren) {
    let h = s;
    while (h < text.length && h - s < 5 && FLAGS[at(text, h)]! & F_HEX) h++;
    if (h < text.length && at(text, h) === 58) {
      const end = scanIpv6(scan, s);
      if (end > 0) return end;
    }
  }

  // "FA-42-346394596", "INV_2024_…": digits glued to a code by a hyphen are part of that code.
  if (lead === s && s >= 2) {
    const before = at(text, s - 1);
    if ((before === 45 || before === 95 || before === 47) && FLAGS[at(text, s - 2)]! & F_WORD) {
      let e = s;
      while (e < text.length && FLAGS[at(text, e)]! & F_WORD) e++;
      return e;
    }
  }
  // "DOB 14MAR1983": a day, a month's three letters and a year in one word, as airlines and passports write.
  if (lead === s && FLAGS[at(text, s + 4)]! & F_UPPER && FLAGS[at(text, s + 5)]! & F_DIGIT) {
    const m = COMPACT_DATE.exec(text.slice(s, s + 10));
    if (m !== null) {
      const end = s + 9;
      if (hasBirthContext(text, s, end)) emit(scan, "DATE_OF_BIRTH", s, end, 0.9);
      return end;
    }
  }
  const ng = gatherGroups(text, s);
  const L0 = GD[ng - 1]!;
  // A "(" lead must close right after the first group: "(212) 555-0123", "(020) 7946 0958".
  const parenOk = paren && ng > 1 && at(text, GE[0]!) === 41;
  if (paren && !parenOk) return s;

  if (L0 >= 4) {
    for (let k = ng; k >= 1; k--) {
      const L = GD[k - 1]!;
      const end = GE[k - 1]!;
      if (L < 4) break;
      if (followedByWordChar(text, end)) continue;
      // "00" dials abroad only where a number starts: "n° 9250 0014 7781 3306" is one card's number.
      if (plus || (D[0] === 0 && D[1] === 0 && L >= 11 && !paren && !afterDigitGroup(text, s))) {
        if (isInternationalPhone(text, k, L, plus ? 0 : 2)) {
          emit(scan, "PHONE", lead, end, 0.95);
          return end;
        }
        continue;
      }
      if (paren) {
        if (isNationalPhone(k, L, true)) {
          emit(scan, "PHONE", lead, end, 0.9);
          return end;
        }
        continue;
      }
      if (isIpv4(text, k, ng, s)) {
        emit(scan, "IP_ADDRESS", s, end, 0.9);
        return end;
      }
      if (isDate(text, k)) {
        if (hasBirthContext(text, s, end)) emit(scan, "DATE_OF_BIRTH", s, end, 0.9);
        return end;
      }
      // "dob: 19520317": eight digits, year first, read as a date only where a birth date is named.
      if (k === 1 && L === 8 && isCompactDate() && hasBirthContext(text, s, end)) {
        emit(scan, "DATE_OF_BIRTH", s, end, 0.85);
        return end;
      }
      if (L >= 9 && L <= 19) {
        const type = checksumType(k, L);
        // A SIRET's shape whose key fails holds no SIREN: "SIRET 418 552 907 00031" is a bad SIRET.
        if (type === undefined && L === 14 && k > 1 && (sizesAre(k, L_3_3_3_5) || sizesAre(k, L_9_5)))
          return end;
        if (type !== undefined) {
          if (hasReferenceContext(text, s)) return end;
          // "n° 7 741 256 309": three groups of three after a shorter one are a number's thousands.
          if (type === "FR_SIREN" && sizesAre(k, L_3_3_3) && thousandsBefore(text, s)) return end;
          emit(scan, type, s, end, 0.99);
          return end;
        }
      }
      if ((L === 10 || L === 11) && isNationalPhone(k, L, false)) {
        if (k === 1 && hasReferenceContext(text, s)) return end;
        // "Case reference: 0207 946 1183/24": a number that goes on after a slash is a reference.
        if (at(text, end) === 47 && FLAGS[at(text, end + 1)]! & F_DIGIT) return end;
        emit(scan, "PHONE", s, end, 0.9);
        return end;
      }
      // "cell 415 555 0136": North American groups with spaces, only where a word names a phone; so too
      // an Irish landline, "tel 021 485 2290" (Cork).
      if (
        L === 10 &&
        ((D[0]! >= 2 && D[3]! >= 2) || (D[0] === 0 && D[1] !== 0)) &&
        sizesAre(k, L_3_3_4) &&
        uniformSeparator(k, K_SPACE) &&
        PHONE_CUE_BEFORE.test(text.slice(Math.max(0, s - 24), s))
      ) {
        emit(scan, "PHONE", s, end, 0.85);
        return end;
      }
    }
  }
  if (plus || paren) return s;
  // The groups after the first cannot hold an entity when they are too few and too short for any
  // type (a price "1 250,00", a ratio "3/4"): skip them all instead of re-reading each.
  if (ng > 1 && ng < 3 && L0 - GD[0]! < 9 && !(FLAGS[at(text, GE[ng - 1]!)]! & F_LETTER)) {
    const last = at(text, GE[ng - 1]!);
    if (!(last === 32 && FLAGS[at(text, GE[ng - 1]! + 1)]! & F_LETTER)) return GE[ng - 1]!;
  }

  const first = size(0);
  // Only a word after the number can make it a day ("12 mars") or a house number ("12 rue", "221B Baker").
  const e0 = GE[0]!;
  const next = at(text, e0);
  const wordNext =
    FLAGS[next]! & F_LETTER ||
    ((next === 32 || next === 44 || next === 0xa0) &&
      FLAGS[at(text, e0 + 1)]! & (F_LETTER | F_SPACE | F_DIGIT));
  if (!wordNext) {
    // "14-Aug-1969": a day, a month and a year joined by dashes.
    if (next === 45 && first <= 2 && ng === 1 && FLAGS[at(text, e0 + 1)]! & F_LETTER) {
      const end = scanDayMonthYear(scan, s, e0);
      if (end > 0) return end;
    }
    return e0;
  }
  if (first > 5 || (first === 5 && ng > 1)) return e0;
  if (next === 32 && plainWordAfter(text, e0 + 1)) return e0;
  if (first <= 4) {
    const end = first <= 2 ? scanDayMonthYear(scan, s, GE[0]!) : -1;
    if (end > 0) return end;
    const addressEnd = scanAfterHouseNumber(scan, s, GE[0]!);
    if (addressEnd > 0) return addressEnd;
    if (first === 4) {
      const swiss = scanAddressBeforeShortPostcode(scan, s); // "rue du Petit-Chêne 18, 1003 Lausanne"
      if (swiss > 0) return swiss;
    }
  } else if (first === 5 && ng === 1) {
    const end = scanAddressBeforePostcode(scan, s);
    if (end > 0) return end;
    const us = scanAfterHouseNumber(scan, s, GE[0]!); // "94542 N Pine Street, …"
    if (us > 0) return us;
  }
  // Skip the first group only: the next one may start an entity of its own ("Order 12 4111 1111 …").
  return GE[0]!;
}

/**
 * Where a number that can be nothing ends, or -1: most numbers in everyday text are short and followed
 * by a unit, a sign or a plain word ("29 %", "12 jours", "40 people"). They are read here without the
 * IPv6, compact-date and group readings below, which would all give up on them; every case is one the
 * full reading returns the digits' end for.
 * - 1–3 digits, then a character that neither continues a number nor starts a word, a time or an
 *   address (not a letter, digit, space, separator, ":" or ","): "29%", "42€" (not "10." nor "5)":
 *   "." and ")" are separators).
 * - 1–3 digits, a space, then such a character: "29 %", "442 €".
 * - 1–5 digits, a space, then a lower-case word that no date or address goes on with (`plainWordAfter`).
 */
function plainNumberEnd(text: string, s: number): number {
  let e = s + 1;
  while (e - s <= 5 && FLAGS[at(text, e)]! & F_DIGIT) e++;
  const c = at(text, e);
  const short = e - s <= 3;
  if (c === 32) {
    const c2 = at(text, e + 1);
    if (c2 >= 97 && c2 <= 122) return e - s <= 5 && plainWordAfter(text, e + 1) ? e : -1;
    return short && !(FLAGS[c2]! & (F_LETTER | F_SPACE | F_DIGIT)) && !isSeparator(c2) ? e : -1;
  }
  return short && !(FLAGS[c]! & (F_WORD | F_SPACE)) && !isSeparator(c) && c !== 58 && c !== 44 ? e : -1;
}

/**
 * True when the number is followed by " " and a lower-case word that cannot continue a date or an
 * address ("12 minutes", "3 jours", "40 people"): not a month, a French street type, "of", "bis", "ter",
 * "quater", and not hyphenated or elided. The date and address handlers would read it and give up; one
 * lookup here saves them reading it three times.
 */
function plainWordAfter(text: string, p: number): boolean {
  const c = at(text, p);
  if (c < 97 || c > 122) return false;
  let e = p + 1;
  while (FLAGS[at(text, e)]! & F_LETTER) e++;
  const after = at(text, e);
  if (after === 45 || after === 39 || after === 0x2019) return false;
  const len = e - p;
  if (len === 2 && c === 111 && at(text, p + 1) === 102) return false; // "of"
  if (isHouseSuffix(text, p, e)) return false;
  return (wordFlags(text, p, e) & (W_MONTH | W_STREET_FR)) === 0;
}

function checksumType(k: number, L: number): "FR_NIR" | "CREDIT_CARD" | "FR_SIRET" | "FR_SIREN" | undefined {
  if (L === 15 && isNir(k, L)) return "FR_NIR";
  if (L === 14 && isSiret(k, L)) return "FR_SIRET";
  if (isCard(k, L)) return "CREDIT_CARD";
  if (L === 9 && isSiren(k, L)) return "FR_SIREN";
  return undefined;
}

/**
 * True when the same first number, followed by a dot, stands earlier in the text labelled as a version:
 * "v4.2.1.7 … roll back to 4.2.0.9", "version 2.14.3.1 à 2.15.0.0".
 */
function followsLabelledVersion(text: string, s: number): boolean {
  let e = s;
  while (FLAGS[at(text, e)]! & F_DIGIT) e++;
  const head = text.slice(s, e + 1);
  for (let p = s > 0 ? text.lastIndexOf(head, s - 1) : -1; p >= 0 && s - p <= 400; ) {
    if (!(FLAGS[at(text, p - 1)]! & F_DIGIT) && at(text, p - 1) !== 46 && hasVersionContext(text, p))
      return true;
    p = p > 0 ? text.lastIndexOf(head, p - 1) : -1;
  }
  return false;
}
