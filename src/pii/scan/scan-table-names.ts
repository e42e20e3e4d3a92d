/**
 * Names in tables: a CSV or TSV export whose header names a person column ("first_name", "Nom",
 * "Prénom", "Full name") holds a person in that column on every row, whether or not the lists know the
 * name and whatever its case ("Mei,Zhang", "MARTIN;jean"), and a birth date in a birth-date column. Read
 * only when the first line is such a header, or the second under a short title line.
 */
import type { Entity } from "../entity.ts";

const SEPARATORS = [",", ";", "\t", "|"] as const;
const SEPARATOR_CODES = SEPARATORS.map((sep) => sep.charCodeAt(0));
const NAME_HEADERS = new Set([
  "name",
  "firstname",
  "lastname",
  "surname",
  "forename",
  "forenames",
  "givenname",
  "familyname",
  "fullname",
  "contactname",
  "customername",
  "clientname",
  "nom",
  "prenom",
  "prenoms",
  "nomcomplet",
  "nomdefamille",
  "nomdusage",
  "nomclient",
  "nomcontact",
]);
/** Birth-date columns: their cells are birth dates ("dob", "date_naissance", "Date of birth"). */
const BIRTH_HEADERS = new Set([
  "dob",
  "dateofbirth",
  "birthdate",
  "birthday",
  "datenaissance",
  "datedenaissance",
  "naissance",
  "datenaiss",
  "ddn",
]);
const DATE_CELL = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/;
const PLAIN_NAME = /^[\p{L}][\p{L}' .-]{0,59}$/u;

/** The first of the SEPARATORS that text[from, to) holds, in their order of preference. */
function separatorIn(text: string, from: number, to: number): (typeof SEPARATORS)[number] | undefined {
  let found = 0; // a bit per separator, in SEPARATORS' order
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    for (let k = 0; k < SEPARATOR_CODES.length; k++) if (c === SEPARATOR_CODES[k]) found |= 1 << k;
  }
  for (let k = 0; k < SEPARATORS.length; k++) if (found & (1 << k)) return SEPARATORS[k];
  return undefined;
}

/** Header words that may name a person or a birth-date column, in any case: nom, name, naiss, birth, dob, ddn. */
const COLUMN_HINTS = ["nom", "name", "naiss", "birth", "dob", "ddn"];

function mayNameAColumn(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) | 32;
    if (c !== 110 && c !== 98 && c !== 100) continue; // n, b, d
    for (const hint of COLUMN_HINTS) {
      if (hint.charCodeAt(0) !== c || i + hint.length > to) continue;
      let k = 1;
      while (k < hint.length && (text.charCodeAt(i + k) | 32) === hint.charCodeAt(k)) k++;
      if (k === hint.length) return true;
    }
  }
  return false;
}

const normaliseHeader = (h: string) =>
  h
    .trim()
    .replace(/^"|"$/g, "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\s_.-]/g, "");

/** Cells of one line split on `sep`, with their offsets; a quoted cell may hold the separator. */
function cells(text: string, from: number, to: number, sep: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let p = from;
  while (p <= to) {
    if (text.charCodeAt(p) === 34) {
      const close = text.indexOf('"', p + 1);
      if (close < 0 || close > to) return out;
      out.push([p + 1, close]);
      p = text.indexOf(sep, close);
      if (p < 0 || p > to) break;
      p += sep.length;
      continue;
    }
    let e = text.indexOf(sep, p);
    if (e < 0 || e > to) e = to;
    out.push([p, e]);
    p = e + sep.length;
  }
  return out;
}

/**
 * Person entities in the name columns of a table in `text` whose header is its first line (ending at
 * `firstLineEnd`), trimmed, sorted; cells that are empty or not a plain name (digits, "@") are skipped.
 */
export function scanTableNames(text: string, firstLineEnd: number): Entity[] {
  let headerStart = 0;
  let headerEnd = firstLineEnd;
  // A short title line may come first ("Staff directory export"): the header is then the second line.
  // (A greeting, "Bonjour," or "Hi Sam!", is no title.)
  const last = text.charCodeAt(firstLineEnd - 1);
  if (firstLineEnd < 60 && last !== 44 && last !== 33 && separatorIn(text, 0, firstLineEnd) === undefined) {
    const next = text.indexOf("\n", firstLineEnd + 1);
    headerStart = firstLineEnd + 1;
    headerEnd = next < 0 ? text.length : next;
    if (headerEnd - firstLineEnd > 400) return [];
  }
  // Cheap tests first, on the text in place: most first lines name no column.
  const sep = separatorIn(text, headerStart, headerEnd);
  if (sep === undefined || !mayNameAColumn(text, headerStart, headerEnd)) return [];
  const header = text.slice(headerStart, headerEnd);
  const columns = header.split(sep).map(normaliseHeader);
  if (columns.length < 2) return [];
  const nameColumns = columns.flatMap((c, i) => (NAME_HEADERS.has(c) || BIRTH_HEADERS.has(c) ? [i] : []));
  if (nameColumns.length === 0) return [];
  const out: Entity[] = [];
  let lineStart = headerEnd + 1;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const end = text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    const row = cells(text, lineStart, end, sep);
    // A row with another shape is no longer the table (a signature, a note after it).
    if (row.length !== columns.length) break;
    for (const k of nameColumns) {
      let [s, e] = row[k]!;
      while (s < e && text.charCodeAt(s) === 32) s++;
      while (e > s && text.charCodeAt(e - 1) === 32) e--;
      if (e <= s) continue;
      const cell = text.slice(s, e);
      if (BIRTH_HEADERS.has(columns[k]!)) {
        if (DATE_CELL.test(cell)) out.push({ type: "DATE_OF_BIRTH", start: s, end: e, score: 0.8 });
      } else if (PLAIN_NAME.test(cell)) out.push({ type: "PERSON", start: s, end: e, score: 0.8 });
    }
    lineStart = lineEnd + 1;
  }
  return out;
}
