/**
 * The in-memory spreadsheet both file formats are written from and read into. Every cell is text: the register
 * never needs a number or a formula, and text cells keep "=1+1" from ever being evaluated (formula injection).
 */

/** How a row is shown: a sheet title, a section title, or a table's header (all bold). */
export type RowStyle = "title" | "section" | "header";
export type SheetRow = { cells: string[]; style?: RowStyle };
export type Sheet = {
  name: string;
  rows: SheetRow[];
  /** Column widths in characters, first column first. */
  widths?: number[];
  /** The machine-readable layer: kept out of a person's way. */
  hidden?: boolean;
};
export type Workbook = { sheets: Sheet[] };

/** What a reader returns: plain cell texts, `rows[r][c]` for row r+1, column c+1 ("" for an empty cell). */
export type ReadSheet = { name: string; hidden: boolean; rows: string[][] };
export type ReadWorkbook = { sheets: ReadSheet[] };

export type SpreadsheetFormat = "ods" | "xlsx";

export const CONTENT_TYPES: Readonly<Record<SpreadsheetFormat, string>> = {
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** "A" for 0, "Z" for 25, "AA" for 26. */
export function columnName(index: number): string {
  let n = index + 1;
  let name = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    name = String.fromCharCode(65 + rest) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** "B7" for row index 6, column index 1. */
export function cellName(row: number, column: number): string {
  return `${columnName(column)}${row + 1}`;
}

/** Column index of an A1 reference ("AB12" → 27), or undefined when it is not one. */
export function columnIndexOf(ref: string): number | undefined {
  const letters = /^([A-Z]+)\d*$/i.exec(ref)?.[1];
  if (!letters) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

// XML 1.0 allows tab, LF, CR and everything from U+0020 except surrogates and U+FFFE/U+FFFF. CR is folded
// into LF (an XML parser would do it anyway), the rest is dropped.
function allowedInXml(code: number): boolean {
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d;
  return code !== 0xfffe && code !== 0xffff && (code < 0xd800 || code > 0xdfff);
}

/** The text as a cell can hold it: no character XML 1.0 forbids, line breaks as "\n". */
export function cellText(value: string): string {
  let out = "";
  // for…of walks code points: a valid surrogate pair arrives whole, a lone surrogate alone.
  for (const ch of value.replace(/\r\n?/g, "\n")) {
    if (allowedInXml(ch.codePointAt(0) ?? 0)) out += ch;
  }
  return out;
}

export function escapeXml(value: string): string {
  return cellText(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Undoes XML escaping: the parser is run without entity processing, so that numeric references are decoded too. */
export function decodeXml(value: string): string {
  if (!value.includes("&")) return value;
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code =
        body[1] === "x" || body[1] === "X" ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

const RESERVED_SHEET_NAMES = new Set(["history"]);

/**
 * A sheet name both Excel and LibreOffice accept: at most 31 characters, none of []:*?/\, no leading or
 * trailing apostrophe, unique regardless of case. `taken` holds the lower-cased names already used.
 */
export function safeSheetName(wanted: string, taken: Set<string>): string {
  let base =
    wanted
      .replace(/[[\]:*?/\\]/g, "_")
      .replace(/^'+|'+$/g, "")
      .trim() || "Feuille";
  if (RESERVED_SHEET_NAMES.has(base.toLowerCase())) base = `${base}_`;
  let name = base.slice(0, 31);
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = `~${n}`;
    name = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}
