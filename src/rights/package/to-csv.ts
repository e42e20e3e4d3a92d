/** A value of a posted record: JSON. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type DataRecord = { [key: string]: JsonValue };

/** Byte order mark: spreadsheet programs read a UTF-8 CSV without one as their local code page. */
const BOM = "\uFEFF";

// OWASP "CSV injection": a cell starting with one of these is read as a formula by spreadsheet programs.
const FORMULA_START = /^[=+\-@\t\r]/;

/** The columns of a set of records: every key, in order of first appearance. */
export function csvColumns(records: readonly DataRecord[]): string[] {
  const seen = new Set<string>();
  for (const record of records) for (const key of Object.keys(record)) seen.add(key);
  return [...seen];
}

/**
 * One value as a cell's text: strings as they are, numbers and booleans as JSON writes them, nested objects and
 * arrays as JSON, null and absent as empty. A string that a spreadsheet would run as a formula gets a leading
 * apostrophe: the JSON file of the package keeps the exact value.
 */
export function cellText(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return FORMULA_START.test(value) ? `'${value}` : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** RFC 4180: a field with a comma, a quote, CR or LF is quoted, its quotes doubled. */
function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Records as CSV for a spreadsheet: UTF-8 with a byte order mark, a header row of every key, CRLF line ends and
 * RFC 4180 quoting.
 *
 * @example toCsv([{ name: "Martin, Jeanne", note: 'dit "oui"' }]) // "\uFEFFname,note\r\n\"Martin, Jeanne\",\"dit \"\"oui\"\"\"\r\n"
 */
export function toCsv(records: readonly DataRecord[]): string {
  const columns = csvColumns(records);
  const lines = [columns.map(field).join(",")];
  for (const record of records) lines.push(columns.map((c) => field(cellText(record[c]))).join(","));
  return `${BOM}${lines.join("\r\n")}\r\n`;
}
