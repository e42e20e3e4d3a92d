/**
 * Street addresses, found from their house number ("12 rue de la Paix, 75002 Paris", "221B Baker Street,
 * London NW1 6XE", "350 Fifth Avenue, New York, NY 10118") or, in French, from a postcode whose line names
 * a street type ("place de la Concorde, 75008 Paris"). The entity runs from the number (or street type) to
 * the city, or to the postcode where it follows the city (UK, US). Without a postcode only the street is
 * reported, with a lower score.
 */

import { STREET_FR } from "../data/words.ts";
import { at, F_DIGIT, F_LETTER, F_LOWER, F_UPPER, FLAGS } from "./char-class.ts";
import {
  W_CITY_LINK,
  W_GREETING,
  W_NAME,
  W_STOP,
  W_STREET_EN,
  W_STREET_FIRST,
  W_STREET_FR,
  W_STREET_STOP,
  wordFlags,
} from "./lexicon.ts";
import { emit, type Scan } from "./scan-state.ts";

const isLetter = (c: number) => (FLAGS[c]! & F_LETTER) !== 0;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isUpper = (c: number) => (FLAGS[c]! & F_UPPER) !== 0;
const isApostrophe = (c: number) => c === 39 || c === 0x2019;

/** End of a word at `i`: letters, with inner hyphens and apostrophes ("Saint-Étienne", "d'Alésia"). */
export function wordEnd(text: string, i: number): number {
  let p = i;
  const n = text.length;
  while (p < n) {
    const c = at(text, p);
    if (isLetter(c)) p++;
    else if ((c === 45 || isApostrophe(c)) && p > i && p + 1 < n && isLetter(at(text, p + 1))) p++;
    else break;
  }
  return p;
}

function digitsEnd(text: string, i: number): number {
  let p = i;
  while (p < text.length && isDigit(at(text, p))) p++;
  return p;
}

/** One space (or no-break space) at `i`, then the next token's start; -1 when there is none. */
function oneSpace(text: string, i: number): number {
  const c = at(text, i);
  return c === 32 || c === 0xa0 ? i + 1 : -1;
}

/** ", " or " " or ",\n" (or "," alone, as in CSV) between address parts; returns the next part's start or -1. */
function partSeparator(text: string, i: number): number {
  let p = i;
  if (at(text, p) === 44) p++;
  let spaces = 0;
  while (p < text.length && (at(text, p) === 32 || at(text, p) === 0xa0 || at(text, p) === 10)) {
    p++;
    spaces++;
  }
  if (spaces === 0) return p > i && (isUpper(at(text, p)) || isDigit(at(text, p))) ? p : -1; // CSV: "Close,Poole,BH17 7QF"
  return spaces < 4 ? p : -1;
}

/**
 * A city: capitalised words, possibly joined by "sur", "en", "de"...; returns its end or -1. `lower`: a
 * city written in lower case is read too, one word that is not a function word ("59000 lille" in a chat).
 */
function cityEnd(text: string, i: number, maxWords: number, lower = false): number {
  if (lower && FLAGS[at(text, i)]! & F_LOWER) {
    let from = i;
    // "17000 la rochelle", "13300 salon de provence": an article, or a link between two words.
    if (/^(?:la|le|les) [a-zà-ÿ]/.test(text.slice(i, i + 5))) from = text.indexOf(" ", i) + 1;
    let e = wordEnd(text, from);
    const f = wordFlags(text, from, e);
    if (e - from < 3 || f & (W_STOP | W_STREET_STOP | W_CITY_LINK | W_GREETING)) return -1;
    const link = /^ (?:sur|sous|en|de|lès|les) [a-zà-ÿ]{3}/.exec(text.slice(e, e + 10));
    if (link) e = wordEnd(text, e + link[0].length - 3);
    return e;
  }
  if (!isUpper(at(text, i))) return -1;
  let end = wordEnd(text, i);
  if (end - i < 2) return -1;
  // "St. Albans", "Ste. Marie", "Co. Dublin"
  if (at(text, end) === 46 && /^(?:St|Ste|Mt|Ft|Co)$/.test(text.slice(i, end))) end++;
  let words = 1;
  while (words < maxWords) {
    const p = oneSpace(text, end);
    if (p < 0) break;
    const c = at(text, p);
    if (isUpper(c)) {
      const e = wordEnd(text, p);
      // A two-letter capital word after a US city is its state: "New York, NY" / "Springfield IL 62704".
      if (e - p === 2 && isUpper(at(text, p + 1))) break;
      // Letters run into digits: a postcode after the city, "Manchester M14 5RR", "Cork T12 X2Y7".
      if (isDigit(at(text, e))) break;
      // "75002 Paris Merci de…": a city does not run into the next sentence.
      if (wordFlags(text, p, e) & (W_STOP | W_GREETING)) break;
      end = e;
      words++;
    } else if (FLAGS[c]! & F_LOWER) {
      const e = wordEnd(text, p);
      const q = oneSpace(text, e);
      if (!(wordFlags(text, p, e) & W_CITY_LINK) || q < 0 || !isUpper(at(text, q))) break;
      end = wordEnd(text, q);
      words++;
    } else break;
  }
  return end;
}

/** French "75002 Paris", "69006 LYON Cedex 06"; returns the end or -1. */
function frenchPostcodeCity(text: string, i: number): number {
  const e = digitsEnd(text, i);
  if (e - i !== 5 || isLetter(at(text, e))) return -1;
  const p = oneSpace(text, e);
  if (p < 0) return -1;
  let end = cityEnd(text, p, 5, true);
  if (end < 0) return -1;
  const q = oneSpace(text, end);
  if (q > 0 && /^ce(dex|DEX)\b/i.test(text.slice(q, q + 6))) {
    end = q + 5;
    const r = oneSpace(text, end);
    if (r > 0 && isDigit(at(text, r))) end = digitsEnd(text, r);
  }
  return end;
}

const FR_UNIT =
  /^(?:(?:[Bb]ât\.?|[Bb]at\.?|[Bb]âtiment|[Bb]atiment|[Ee]sc\.?|[Ee]scalier|[Aa]ppt\.?|[Aa]ppartement|[Aa]pp?\.|[Aa]pt\.?|[Pp]orte|[Bb]ureau|Étage|Etage|[Ll]ot) ?[\dA-Z]{1,4}\b|\d{1,2} ?(?:e|er|ème|eme) étage(?: (?:porte )?(?:gauche|droite|face|\d{1,3}))?|(?:Résidence|lieu-dit|Lieu-dit|Lieudit|hameau|Hameau|ZI|ZA|ZAC|Zone (?:industrielle|artisanale|d['’]activités?)|Parc d['’]activités?) [^\n,;]{2,30}(?=,|\n))/u;

/** After a French street type: the street's name, then an optional postcode and city. */
function frenchStreet(scan: Scan, start: number, afterType: number): number {
  const text = scan.text;
  let p = afterType;
  if (at(text, p) === 46) p++; // "av.", "bd."
  p = oneSpace(text, p);
  if (p < 0) return -1;
  let streetEnd = -1;
  for (let tokens = 0; tokens < 9; tokens++) {
    const c = at(text, p);
    let e: number;
    if (isDigit(c)) {
      // "voiture 14, place 83": a seat, not a square.
      if (tokens === 0) return -1;
      e = digitsEnd(text, p);
      if (e - p === 5) break; // the postcode
      if (e - p > 4) return -1;
    } else if (isLetter(c)) {
      e = wordEnd(text, p);
      if (wordFlags(text, p, e) & W_STREET_STOP) break;
    } else break;
    streetEnd = e;
    const next = oneSpace(text, e);
    if (next < 0) break;
    p = next;
  }
  if (streetEnd < 0) return -1;
  let q = partSeparator(text, streetEnd);
  // "5 allée des Érables, Bât. C, 44300 Nantes": a building, a staircase or a flat before the postcode.
  for (let k = 0; q > 0 && k < 2; k++) {
    const unit = FR_UNIT.exec(text.slice(q, q + 40));
    if (unit === null) break;
    q = partSeparator(text, q + unit[0].length);
  }
  let end = q > 0 ? frenchPostcodeCity(text, q) : -1;
  if (end < 0 && q > 0) end = quebecCityCode(text, q);
  // A postcode with its country's letter: "L-1741 Luxembourg", "B-1000 Bruxelles", "CH-1201 Genève".
  if (end < 0 && q > 0) {
    const code = /^(?:L|B|CH|F|MC)-\d{4,5} /.exec(text.slice(q, q + 10));
    if (code) end = cityEnd(text, q + code[0].length, 3);
  }
  if (end > 0) {
    emitAddress(scan, start, end, 0.92);
    return end;
  }
  // As deeds write it: "14 rue des Tanneries à Limoges (87000)".
  if (text.startsWith(" à ", streetEnd)) {
    const city = cityEnd(text, streetEnd + 3, 4);
    if (city > 0 && /^ \(\d{5}\)/.test(text.slice(city, city + 8))) {
      emitAddress(scan, start, city + 8, 0.9);
      return city + 8;
    }
  }
  emitAddress(scan, start, streetEnd, 0.7);
  return streetEnd;
}

// "London SW1A 2AA", "Manchester M1 1AE" (Royal Mail postcode format).
// Lenient on the inward part: generated and mistyped postcodes ("SP39 25G") still end the address.
const UK_POSTCODE = /^[A-Z]{1,2}\d{1,2}[A-Z]? ?\d[A-Z\d][A-Z]\b/;
// "NY 10118", "CA 94103-1234".
const US_STATE_ZIP = /^[A-Z]{2},? \d{5}(?:-\d{4})?\b/;
// A Canadian province and postal code: "BC V6Z 2K1", "QC H2X 1Y4" (Canada Post leaves D, F, I, O, Q, U out).
const CA_PROVINCE_CODE =
  /^(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT),? [ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b/;
// After a city in Québec, its province and postal code: " (Québec) H2V 4E6", ", QC H2X 3K2".
const QUEBEC_CODE =
  /^,? (?:\((?:Québec|QC|Qc)\)|QC|Québec),? [ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b/;

/** "Montréal (Québec) H2V 4E6" at `q`, after a French street: the end, or -1. */
function quebecCityCode(text: string, q: number): number {
  const city = cityEnd(text, q, 3);
  if (city < 0) return -1;
  const code = QUEBEC_CODE.exec(text.slice(city, city + 24));
  return code === null ? -1 : city + code[0].length;
}

// A unit number before the house number, with a dash, as Canada writes it: "1508 - 1280 Burrard Street".
const UNIT_DASH_BEFORE = /(?:^|[\s,:])(\d{1,5} ?[-–] ?)$/;
// Irish Eircode: a routing key (letter and two digits, or D6W) and four characters from a set without
// look-alike letters: "Cork T12 X2Y7", "Dublin D02 AF30".
const EIRCODE = /^(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}\b/;
// A flat, suite or unit after the street ("…Street, Apt 4B, …") or before the number ("Flat 3, 22 …").
const UNIT_WORDS = "Apt\\.?|Apartment|Suite|Unit|Flat";
const UNIT_BEFORE =
  /(?:^|[^\p{L}])(?:Unit|Flat|Apt|Apartment|Suite|Atelier|Appt|Appartement|Studio|Room|Chambre|Bât|Bâtiment)\.? $/u;
const UNIT = new RegExp(`^(?:${UNIT_WORDS}|Ste\\.?|Floor|Fl\\.?|#) ?[\\dA-Z]+[A-Z]?\\b`);

/** "221B Baker Street, London NW1 6XE" from the first name token after the number. */
function englishStreet(scan: Scan, start: number, first: number): number {
  const text = scan.text;
  let p = first;
  let typeEnd = -1;
  for (let tokens = 0; tokens < 6; tokens++) {
    const c = at(text, p);
    let e: number;
    if (isUpper(c)) e = wordEnd(text, p);
    else if (isDigit(c)) {
      e = wordEnd(text, digitsEnd(text, p)); // "5th"
      if (e === digitsEnd(text, p)) return -1;
    } else return -1;
    const flags = wordFlags(text, p, e);
    if (flags & W_STREET_EN && (tokens > 0 || text.startsWith("Broadway", p))) {
      typeEnd = e;
      // "S Park Street", "W Broadway Avenue": the last of adjacent street words ends the street.
      let next = oneSpace(text, typeEnd);
      while (next > 0 && isUpper(at(text, next))) {
        const ne = wordEnd(text, next);
        if (!(wordFlags(text, next, ne) & W_STREET_EN)) break;
        typeEnd = ne;
        next = oneSpace(text, ne);
      }
      if (at(text, typeEnd) === 46) typeEnd++;
      break;
    }
    if (flags & W_STOP && !(tokens === 0 && e - p === 3 && text.startsWith("The", p))) return -1; // "136 The Rise"
    // "56 Kingsway, Manchester M19 2LL": a street without a type word, when a postcode confirms it.
    if (at(text, e) === 44 && tokens < 2 && !(flags & W_STOP)) return typelessStreet(scan, start, e);
    // "402 W. Maple Ave": a compass point with its dot.
    if (tokens === 0 && e - p === 1 && at(text, e) === 46 && "NSEW".includes(text[p]!)) e++;
    const next = oneSpace(text, e);
    if (next < 0) return -1;
    p = next;
  }
  if (typeEnd < 0) return -1;
  let streetEnd = typeEnd;
  const dir = /^ (?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\b/.exec(text.slice(streetEnd, streetEnd + 7));
  if (dir) streetEnd += dir[0].length;
  let q = partSeparator(text, streetEnd);
  if (q > 0) {
    const unit = UNIT.exec(text.slice(q, q + 16));
    if (unit) {
      const after = partSeparator(text, q + unit[0].length);
      if (after > 0) {
        streetEnd = q + unit[0].length;
        q = after;
      }
    }
  }
  if (q > 0) {
    let city = cityEnd(text, q, 3);
    // A postal district after the city: "Dublin 2, D02 H529", "Dublin 6W".
    const district = city > 0 ? /^ \d{1,2}W?(?![\dA-Za-z])/.exec(text.slice(city, city + 5)) : null;
    if (district) city += district[0].length;
    const end = postcodeAfter(text, city, 2);
    if (end > 0) {
      const unit = UNIT_DASH_BEFORE.exec(text.slice(Math.max(0, start - 9), start));
      emitAddress(scan, unit ? start - unit[1]!.length : start, end, 0.92);
      return end;
    }
    if (district) {
      emitAddress(scan, start, city, 0.85);
      return city;
    }
  }
  emitAddress(scan, start, streetEnd, 0.7);
  return streetEnd;
}

/** "56 Kingsway, Manchester M19 2LL": reported only when a UK, US or Irish postcode ends it; or -1. */
function typelessStreet(scan: Scan, start: number, streetEnd: number): number {
  const text = scan.text;
  const q = partSeparator(text, streetEnd);
  const end = q > 0 ? postcodeAfter(text, cityEnd(text, q, 3), 1) : -1;
  if (end > 0) emitAddress(scan, start, end, 0.85);
  return end;
}

/**
 * After the city at `city`: the UK, US or Irish postcode that ends the address, or -1. Up to `more` places
 * may come first: a district or a county ("23 Mill Lane, Didsbury, Manchester M20 2SW", "…, Swords,
 * Co. Dublin K67 X2Y3", "…, Manhattan, New York, NY 10118").
 */
function postcodeAfter(text: string, city: number, more: number): number {
  let c = city;
  for (let k = 0; c > 0; k++) {
    const r = partSeparator(text, c);
    if (r < 0) return -1;
    const tail = text.slice(r, r + 16);
    const code =
      UK_POSTCODE.exec(tail) ?? US_STATE_ZIP.exec(tail) ?? EIRCODE.exec(tail) ?? CA_PROVINCE_CODE.exec(tail);
    if (code) return r + code[0].length;
    if (k === more) return -1;
    c = cityEnd(text, r, 3);
  }
  return -1;
}

/** Names of a residence, an estate or a house that open an address: "Lotissement Le Clos des Vignes, 6 rue…". */
/** A house's name in French, which may stand alone before the house number: "La Grange, 1050 route…". */
const HOUSE_OPENERS =
  "(?:La|Le) (?:Grange|Ferme|Bergerie|Métairie|Closerie|Bastide|Maison|Moulin|Manoir|Mas|Domaine|Clos|Prieuré)";
const OPENERS = `(?:Résidence|Immeuble|Lotissement|Domaine|Chalet|Villa|ZA|ZI|ZAC|Maison|Ferme|Mas|Manoir|Moulin|Bastide|Parc d['’]activités?|Parc d['’]affaires|Zone d['’]activités?|Zone industrielle|Zone artisanale|Technop[oô]le|Centre d['’]affaires|${HOUSE_OPENERS})`;
const OPENER = new RegExp(`^(?:${OPENERS} |${HOUSE_OPENERS}$)`);
/**
 * One part written before the house number, at the end of the text read: a flat, a staircase, a floor or
 * a building with its number ("Flat 2/1", "Appt 4B", "bât. B", "escalier 2", "3rd Floor", "Level 39", "2e étage";
 * group 1), or a building's or a residence's name ("Rosewood Court", "The Foundry", "Riverside Trading
 * Estate", "Riverside Mews", "Résidence du Parc"; group 2), then ", " or " ".
 */
const PART_BEFORE = new RegExp(
  `(?:^|[^\\p{L}])(?:((?:${UNIT_WORDS}|Room|Studio|Atelier|Appartement|Appart\\.?|Appt\\.?|Chambre|Bâtiment|Bât\\.?|Escalier|Esc\\.?|apt\\.?|appt\\.?|bât\\.?|bat\\.?|escalier|esc\\.?) ?[\\dA-Z]{1,4}(?:/\\d{1,3})?|\\d{1,2}/\\d{1,2}|\\d[FG]\\d{1,2}|Level \\d{1,3}|(?:\\d{1,2}(?:st|nd|rd|th)|Ground|First|Second|Third|Top) [Ff]loor|\\d{1,2}(?:er|e|ème) étage)|((?:The )?(?:\\p{Lu}[\\p{L}'’-]+ ){0,3}(?:Court|House|Lodge|Mansions|Apartments|Tower|Towers|Building|Buildings|Heights|Point|Hall|Gardens|Residence|Wharf|Works|Mill|Quarter|Estate|Centre|Park|Yard|Studios|Chambers|Mews|View|Plaza|Exchange)|The \\p{Lu}[\\p{L}'’-]+|${OPENERS} [^\\n,;]{2,30}|${HOUSE_OPENERS})),?[ \\n]$`,
  "u",
);

/**
 * Emits an address found from its house number, starting before the flat, staircase or building written
 * ahead of it, up to three parts ("Flat 3, 22 Harcourt Street", "Apartment 14, The Foundry, 5 Carver
 * Street", "Bât. C, apt 31, 9 avenue…", "Résidence du Parc, escalier 2, 11 rue…"). A building's name
 * alone is not taken: a flat or a residence must open the address. The regex runs only after "<digit or
 * capital>, " or "<digit or capital> ".
 */
function emitAddress(scan: Scan, start: number, end: number, score: number): void {
  const text = scan.text;
  let from = start;
  let pos = start;
  let unit = false;
  for (let k = 0; k < 3; k++) {
    const c = at(text, pos - 2);
    const gap = at(text, pos - 1);
    // A line of its own before the address is read whatever it ends with ("Maison Ithurria\nQuartier…").
    if (gap !== 10 && (gap !== 32 || !(c === 44 || isDigit(c) || isUpper(c)))) break;
    const base = Math.max(0, pos - 50);
    const m = PART_BEFORE.exec(text.slice(base, pos));
    if (m === null) break;
    const part = m[1] ?? m[2]!;
    pos = base + m.index + m[0].indexOf(part);
    if (m[1] !== undefined || OPENER.test(part)) unit = true;
    if (unit) from = pos;
  }
  // "3 Wentworth Court, 22 Lordship Lane, London SE22 8HN": a flat and its building, read as a street of
  // their own just before, open the address.
  const prev = scan.out[scan.out.length - 1];
  if (
    prev !== undefined &&
    prev.type === "POSTAL_ADDRESS" &&
    prev.end === from - 2 &&
    at(text, prev.end) === 44 &&
    !/\D\d/.test(text.slice(prev.start, prev.end))
  )
    from = prev.start;
  emit(scan, "POSTAL_ADDRESS", from, end, score);
}

/** True when text[s, e) is "bis", "ter" or "quater" in any case ("3 bis", "12 TER"). */
export function isHouseSuffix(text: string, s: number, e: number): boolean {
  const len = e - s;
  if (len === 3) {
    const a = at(text, s) | 32;
    const b = at(text, s + 1) | 32;
    const c = at(text, s + 2) | 32;
    return (a === 98 && b === 105 && c === 115) || (a === 116 && b === 101 && c === 114); // bis, ter
  }
  if (len !== 6) return false;
  for (let i = 0; i < 6; i++) if ((at(text, s + i) | 32) !== "quater".charCodeAt(i)) return false;
  return true;
}

/**
 * After a house number [s, e) of 1–4 digits: an optional "bis"/"ter" or letter, then a French street type
 * or an English street name. Returns the address's end, or -1.
 */
export function scanAfterHouseNumber(scan: Scan, s: number, e: number): number {
  const text = scan.text;
  if (at(text, s) === 48) return -1; // "Store 0142, Oxford Street": no house number starts with 0
  // "Unit 4, Arches Yard, 21 Bath Road": a flat's or a unit's number is no house number; the address
  // starts at the unit, read back from the house number (emitAddress).
  if (at(text, s - 1) === 32 && isLetter(at(text, s - 2)) && unitBefore(text, s - 1)) return -1;
  let p = e;
  const c = at(text, p);
  // "221B", "12b" (one letter glued to the number), "3 bis", "3bis", "5 ter"; not an hour: "8h30–12h, rue…".
  if (isLetter(c) && !isLetter(at(text, p + 1))) {
    if (c === 104) return -1;
    p++;
  } else {
    const q = c === 32 ? p + 1 : p;
    const w = wordEnd(text, q);
    if (isHouseSuffix(text, q, w)) p = w;
  }
  if (at(text, p) === 44) p++;
  const first = oneSpace(text, p);
  if (first < 0) return -1;
  const fc = at(text, first);
  if (!(FLAGS[fc]! & F_LETTER) && !(FLAGS[fc]! & F_DIGIT)) return -1;
  const we = wordEnd(text, first);
  const wf = wordFlags(text, first, we);
  if (wf & W_STREET_FR) return frenchStreet(scan, s, we);
  if (wf & W_STREET_FIRST) return typeFirstStreet(scan, s, we, false);
  const end = englishStreet(scan, s, first);
  return end > 0 || !isUpper(fc) ? end : typelessFrenchStreet(scan, s, first);
}

/** True when the word ending at `end` is a capitalised unit word ("Unit", "Flat", "Atelier", "Bât."). */
function unitBefore(text: string, end: number): boolean {
  let j = end;
  if (at(text, j - 1) === 46) j--;
  while (j > 0 && end - j < 12 && isLetter(at(text, j - 1))) j--;
  // Most words before a number are in lower case ("il reste 12"): one read decides.
  return isUpper(at(text, j)) && UNIT_BEFORE.test(text.slice(j > 0 ? j - 1 : 0, end + 1));
}

/** A place's name with no street type, then a French postcode: "15 Les Hauts de Kerlann, 35170 Bruz". */
const TYPELESS_FR =
  /^(?:(?:Le|La|Les|L['’]) ?)?\p{Lu}[\p{L}'’-]+(?: (?:de|du|des|la|le|les|d['’]|\p{Lu}[\p{L}'’-]+)){0,4},? (?=\d{5} )/u;

/** After the house number at `start`, a street without a type word that a French postcode confirms, or -1. */
function typelessFrenchStreet(scan: Scan, start: number, first: number): number {
  const text = scan.text;
  // Cheap first: five digits in a row must follow.
  let run = 0;
  for (let p = first, n = Math.min(text.length, first + 72); p < n && run < 5; p++)
    run = isDigit(at(text, p)) ? run + 1 : 0;
  if (run < 5) return -1;
  const m = TYPELESS_FR.exec(text.slice(first, first + 72));
  if (m === null) return -1;
  const end = frenchPostcodeCity(text, first + m[0].length);
  if (end > 0) emitAddress(scan, start, end, 0.85);
  return end;
}

// A French street line ending right before a postcode: "(12 )rue de la Paix, " / "Place Bellecour ".
const STREET_BEFORE_POSTCODE = new RegExp(
  `(?:^|[^\\p{L}\\d])((?:\\d{1,4}(?: ?(?:bis|ter|[a-zA-Z]))?,? )?(?:${STREET_FR.split("|")
    .map((w) => `${w}|${w[0]!.toUpperCase()}${w.slice(1)}`)
    .join(
      "|",
    )})\\.? [^\\n.,;!?()]{2,60}?|[Ll]e [Bb]ourg|LE BOURG|Quartier [^\\n.,;!?()]{2,40}?|${OPENERS} [^\\n.,;!?()]{2,40}?|\\p{Lu}\\p{L}*(?:strasse|straße|gasse|weg|platz|allee|ring|damm) \\d{1,4}[a-z]?),?\\s?$`,
  "u",
);

/** At a five-digit number followed by a city: a French address whose street line precedes it. */
export function scanAddressBeforePostcode(scan: Scan, s: number): number {
  const text = scan.text;
  const end = frenchPostcodeCity(text, s);
  if (end < 0) return -1;
  const from = s > 80 ? s - 80 : 0;
  const m = STREET_BEFORE_POSTCODE.exec(text.slice(from, s));
  if (!m) return -1;
  const start = from + m.index + m[0].indexOf(m[1]!);
  emitAddress(scan, start, end, 0.85);
  return end;
}

// A street written type first, its number last, right before a Swiss or Belgian postcode: "rue du
// Petit-Chêne 18, ", "rue de la Station 58 bte 3, ", "Kerkstraat 12 bus 3, " (the capitalised layout is
// read from its type, see scanStreetFirst).
const NUMBER_LAST_BEFORE_POSTCODE = new RegExp(
  `(?:^|[^\\p{L}\\d])((?:(?:${STREET_FR}) [^\\n.,;!?()\\d]{2,50}?|\\p{Lu}\\p{L}*(?:strasse|straße|gasse|weg|platz|allee|ring|damm|str\\.|straat|laan|plein|dreef|steenweg|kaai|markt)) \\d{1,4}[a-z]?(?: (?:bte|boîte|bus) ?\\d{1,4})?), $`,
  "u",
);

/** At four digits after ", ": a Swiss or Belgian address whose street, in lower case, precedes it. */
export function scanAddressBeforeShortPostcode(scan: Scan, s: number): number {
  const text = scan.text;
  if (at(text, s - 2) !== 44 || !isDigit(at(text, s - 3))) return -1;
  const p = oneSpace(text, s + 4);
  if (p < 0) return -1;
  const end = cityEnd(text, p, 3);
  if (end < 0) return -1;
  const from = s > 70 ? s - 70 : 0;
  const m = NUMBER_LAST_BEFORE_POSTCODE.exec(text.slice(from, s));
  if (!m) return -1;
  emitAddress(scan, from + m.index + m[0].indexOf(m[1]!), end, 0.85);
  return end;
}

const INTL_UNIT =
  /^(?:(?:bte|boîte|bus) ?\d{1,4}|\d{1,2}[º°ª]? ?(?:Esq|Dto|Dt|Izq|Izda|Dcha|Drt|Fte|[A-D])\.?|[Ii]nt\.? ?\d{1,3}|[Pp]iso \d{1,2}|[Ss]cala [A-Z])(?=,|\n)/;

/**
 * A street whose type comes first, from its type's end `afterType`: "9 Ffordd y Castell, Caernarfon LL55
 * 1SE" (`numberAfter` false: the number came before) or "Via Garibaldi 14, 10122 Torino" (`numberAfter`:
 * the number follows the name). Reported only with the postcode that ends it, from `start`; returns the
 * end or -1.
 */
function typeFirstStreet(scan: Scan, start: number, afterType: number, numberAfter: boolean): number {
  const text = scan.text;
  let p = oneSpace(text, afterType);
  let streetEnd = -1;
  let numbered = !numberAfter;
  for (let tokens = 0; p > 0 && tokens < 6; tokens++) {
    const c = at(text, p);
    let e: number;
    if (isDigit(c)) {
      if (!numberAfter || tokens === 0) return -1;
      e = digitsEnd(text, p);
      if (e - p > 4) return -1;
      // "14b"; a flat after a slash, as Poland writes it: "ul. Piotrkowska 104/12".
      if (isLetter(at(text, e)) && !isLetter(at(text, e + 1))) e++;
      else if (at(text, e) === 47 && isDigit(at(text, e + 1)) && digitsEnd(text, e + 1) - e <= 4)
        e = digitsEnd(text, e + 1);
      streetEnd = e;
      numbered = true;
      break;
    }
    if (!isLetter(c)) break;
    e = wordEnd(text, p);
    if (wordFlags(text, p, e) & W_STREET_STOP) break;
    streetEnd = e;
    p = oneSpace(text, e);
  }
  if (streetEnd < 0 || !numbered) return -1;
  let q = partSeparator(text, streetEnd);
  // A floor and side, or a flat: "Rua dos Remédios 58, 2º Esq, 1100-453 Lisboa", "Via Roma 3, int. 5, …",
  // a Belgian letterbox: "231 bte 4, ".
  const unit = q > 0 ? INTL_UNIT.exec(text.slice(q, q + 16)) : null;
  if (unit) q = partSeparator(text, q + unit[0].length);
  if (q < 0) return -1;
  // Five digits and a city, as in France ("10122 Torino", "28013 Madrid"); Portugal's "1100-053 Lisboa";
  // or a UK or Irish postcode after the city.
  let end = frenchPostcodeCity(text, q);
  if (end < 0) {
    // Portugal's "1100-053 Lisboa"; after a number written last, four digits as in Belgium and Switzerland
    // ("Avenue Louise 231 bte 4, 1050 Ixelles", "Quai du Mont-Blanc 29, 1201 Genève").
    // Poland's "90-006 Łódź".
    const code = (numberAfter ? /^(?:\d{4}(?:-\d{3})?|\d\d-\d{3}) / : /^\d{4}-\d{3} /).exec(
      text.slice(q, q + 9),
    );
    end = code ? cityEnd(text, q + code[0].length, 3) : postcodeAfter(text, cityEnd(text, q, 3), 1);
  }
  if (end < 0) return -1;
  emitAddress(scan, start, end, 0.9);
  return end;
}

/**
 * At a capitalised street type that comes first ("Via", "Calle", "Rua", or a French type as written in
 * Belgium and Switzerland: "Avenue Louise 231"): the address it starts, or -1.
 */
export function scanStreetFirst(scan: Scan, s: number, e: number): number {
  return typeFirstStreet(scan, s, e, true);
}

/**
 * At a capitalised word after a Polish street type, abbreviated in lower case as Poland writes it ("ul.
 * Piotrkowska 104/12, 90-006 Łódź"; "al." an avenue, "pl." a square, "os." an estate): the address, or -1.
 */
export function scanPolishStreet(scan: Scan, s: number): number {
  const text = scan.text;
  if (s < 4 || at(text, s - 1) !== 32 || at(text, s - 2) !== 46 || isLetter(at(text, s - 5))) return -1;
  const a = at(text, s - 4);
  const b = at(text, s - 3);
  const type =
    (a === 117 && b === 108) ||
    (a === 97 && b === 108) ||
    (a === 112 && b === 108) ||
    (a === 111 && b === 115);
  return type ? typeFirstStreet(scan, s - 4, s - 1, true) : -1;
}

/** The last word of a house's or a building's name: "Rose Cottage", "Home Farm", "The Old Rectory". */
const HOUSE_NAME =
  /^(?:The (?:\p{Lu}[\p{L}'’-]+ ){0,2}\p{Lu}[\p{L}'’-]+|(?:\p{Lu}[\p{L}'’-]+ ){1,3}(?:Cottage|Cottages|House|Farm|Farmhouse|Lodge|Barn|Barns|Mill|Manor|Hall|Grange|Rectory|Vicarage|Bungalow|Croft|Stables|Court|Villa))$/u;
const UNIT_PART = new RegExp(`(?:^|[\\s:])((?:${UNIT_WORDS}) [\\dA-Z]{1,4})$`);
/** Words in lower case that a place's or a street's name may hold: "Heol y Nant", "Stratford upon Avon". */
const NAME_LINKS = new Set([
  "y",
  "upon",
  "on",
  "under",
  "the",
  "de",
  "la",
  "le",
  "of",
  "in",
  "by",
  "en",
  "sur",
]);

/**
 * From the start of the part at `end` backwards: the start of the run of capitalised words that ends there
 * ("Address: Church Lane" → "Church Lane"), and whether that run is the whole part.
 */
function capitalisedRun(text: string, from: number, end: number): { start: number; whole: boolean } {
  let start = end;
  let p = end;
  while (p > from) {
    let w = p;
    while (w > from && (isLetter(at(text, w - 1)) || at(text, w - 1) === 45 || isApostrophe(at(text, w - 1))))
      w--;
    if (w === p) break;
    const word = text.slice(w, p);
    if (!isUpper(at(text, w)) && !NAME_LINKS.has(word)) break;
    start = w;
    if (w === from) break;
    if (at(text, w - 1) !== 32) break;
    p = w - 1;
  }
  // A run starts with a capital: "in Church Lane" is "Church Lane".
  while (start < end && !isUpper(at(text, start))) start = text.indexOf(" ", start) + 1 || end;
  return { start, whole: start === from };
}

/**
 * At a UK postcode (or an Eircode) that no house number led to: an address without a number, read back
 * line by line or part by part ("Rose Cottage\nChurch Lane\nLittle Snoring\nFakenham NR21 0AA", "Unit 6, The
 * Old Tannery, Kelso TD5 7AL", "Ardnagreine, Knockrabo, Mount Anville Road, Dublin 14, D14 X2Y7"). Before
 * the city (and its district), up to five parts: localities, a street (its last word a street type) or a
 * house's name, then, on the street's line, up to two one-word names no list knows (an Irish house and
 * townland), and a flat or unit. A street or a house's name must be among them. Returns the end or -1.
 */
export function scanAddressBeforeUkPostcode(scan: Scan, s: number): number {
  const text = scan.text;
  const tail = text.slice(s, s + 9);
  const code = UK_POSTCODE.exec(tail) ?? EIRCODE.exec(tail);
  if (code === null) return -1;
  const end = s + code[0].length;
  const gap = at(text, s - 1);
  if (gap !== 32 && gap !== 10) return -1;
  // The parts before the postcode, last first: [start, end) each, separated by ", ", "," + newline or a newline.
  let partEnd = at(text, s - 2) === 44 ? s - 2 : s - 1;
  let start = -1;
  let place = false;
  // Whether a comma, not a line break, separates the part read from the one after it.
  let commaAfter = false;
  let houseWords = 0;
  for (let k = 0; k < 6 && partEnd > 0; k++) {
    let from = partEnd;
    while (from > 0 && at(text, from - 1) !== 10 && at(text, from - 1) !== 44 && partEnd - from < 48) from--;
    // A sentence that runs into the address ("… updated your address to The Old Rectory, …", "… pop in at
    // Unit 7, …"): only its end is read, and the reading stops there.
    const separator = partEnd - from >= 48 ? -1 : from - 1;
    while (at(text, from) === 32) from++;
    const unit = place ? UNIT_PART.exec(text.slice(from, partEnd)) : null;
    if (unit) {
      start = partEnd - unit[1]!.length; // "Unit 6, The Old Tannery": the flat or unit opens the address
      break;
    }
    // A postal district after the city: "Dublin 14, D14 X2Y7".
    if (k === 0) {
      const district = /(?<=\p{L}) \d{1,2}W?$/u.exec(text.slice(Math.max(from, partEnd - 4), partEnd));
      if (district) partEnd -= district[0].length;
    }
    const run = capitalisedRun(text, from, partEnd);
    if (run.start >= partEnd) break;
    const part = text.slice(run.start, partEnd);
    if (k > 0) {
      const last = part.slice(part.lastIndexOf(" ") + 1);
      const street = (wordFlags(last, 0, last.length) & W_STREET_EN) !== 0 && part.includes(" ");
      if (street || HOUSE_NAME.test(part)) {
        place = true;
        start = run.start;
        // "6 Sandford Road, Ranelagh, Dublin 6, D06 E2K8", "3 Tŷ Gwyn Cottages, …": a house number the
        // reading from it missed; "7/2 Rose Street": a Scottish tenement's close number and flat.
        const number = /(?:^|\s)(\d{1,4}(?:\/\d{1,2})?[a-zA-Z]?) $/.exec(text.slice(from, run.start));
        if (number) start = run.start - number[1]!.length - 1;
      } else if (
        place &&
        commaAfter &&
        run.whole &&
        houseWords < 2 &&
        !part.includes(" ") &&
        !(wordFlags(part, 0, part.length) & (W_STOP | W_GREETING | W_NAME))
      ) {
        // An Irish house and townland, one word each, on the street's line: "Ardnagreine, Knockrabo, Mount…".
        start = run.start;
        houseWords++;
      } else if (place) break; // before the street, only a house's name or a flat
    } else start = run.start;
    if (!run.whole) break;
    // The previous part ends before its separator.
    let p = separator;
    if (p < 0 || (at(text, p) !== 10 && at(text, p) !== 44)) break;
    commaAfter = at(text, p) === 44;
    if (at(text, p) === 10 && at(text, p - 1) === 44) p--;
    partEnd = p;
  }
  if (!place || start < 0) return -1;
  emit(scan, "POSTAL_ADDRESS", start, end, 0.85);
  return end;
}
