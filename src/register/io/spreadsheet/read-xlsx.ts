import { XMLParser } from "fast-xml-parser";
import { columnIndexOf, decodeXml, type ReadSheet, type ReadWorkbook } from "./workbook.ts";
import { entryText, unzipOrThrow } from "./zip-entries.ts";

type XmlNode = Record<string, unknown>;

const ARRAYS = new Set(["sheet", "Relationship", "row", "c", "si", "r"]);
// Entities are decoded by decodeXml, which also knows numeric references (&#10;); values stay strings.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  isArray: (name) => ARRAYS.has(name),
});

function asArray(value: unknown): XmlNode[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as XmlNode[];
}

function attr(node: unknown, name: string): string | undefined {
  if (typeof node !== "object" || node === null) return undefined;
  const value = (node as XmlNode)[`@${name}`];
  return typeof value === "string" ? decodeXml(value) : undefined;
}

/** The text of a `<t>` element, with or without attributes. */
function textOf(node: unknown): string {
  if (typeof node === "string") return decodeXml(node);
  if (typeof node === "object" && node !== null) {
    const text = (node as XmlNode)["#text"];
    if (typeof text === "string" || typeof text === "number") return decodeXml(String(text));
  }
  return "";
}

/** Text of a string item: a plain `<t>`, or rich-text runs `<r><t>` (phonetic `<rPh>` runs are not text). */
function richText(node: unknown): string {
  if (typeof node !== "object" || node === null) return textOf(node);
  const n = node as XmlNode;
  if (n.r !== undefined)
    return asArray(n.r)
      .map((run) => textOf(run.t))
      .join("");
  return textOf(n.t);
}

// Excel writes characters XML cannot hold as "_xHHHH_", and a literal "_x" sequence as "_x005F_x…".
function decodeOoxmlEscapes(value: string): string {
  return value.replace(/_x([0-9a-f]{4})_/gi, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

function resolveTarget(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = `xl/${target}`.split("/");
  const out: string[] = [];
  for (const part of parts) {
    if (part === "..") out.pop();
    else if (part !== ".") out.push(part);
  }
  return out.join("/");
}

function cellValue(c: XmlNode, shared: string[]): string {
  const type = attr(c, "t");
  if (type === "inlineStr") return richText(c.is);
  const v = textOf(c.v);
  if (type === "s") return shared[Number(v)] ?? "";
  if (type === "b") return v === "1" ? "TRUE" : v === "0" ? "FALSE" : v;
  // "str" (a formula's text result), "n" (numbers, dates as serials), "e" (errors): the cached value as text.
  return v;
}

function readSheetXml(xml: string, shared: string[]): string[][] {
  const doc = parser.parse(xml) as XmlNode;
  const data = (doc.worksheet as XmlNode | undefined)?.sheetData as XmlNode | undefined;
  const rows: string[][] = [];
  let nextRow = 0;
  for (const row of asArray(data?.row)) {
    const r = Number(attr(row, "r") ?? nextRow + 1) - 1;
    nextRow = r + 1;
    const cells: string[] = [];
    let nextColumn = 0;
    for (const c of asArray(row.c)) {
      const ref = attr(c, "r");
      const column = (ref !== undefined ? columnIndexOf(ref) : undefined) ?? nextColumn;
      nextColumn = column + 1;
      const value = decodeOoxmlEscapes(cellValue(c, shared)).replace(/\r\n?/g, "\n");
      if (value === "") continue;
      while (cells.length < column) cells.push("");
      cells[column] = value;
    }
    if (cells.length === 0) continue;
    while (rows.length < r) rows.push([]);
    rows[r] = cells;
  }
  return rows;
}

/** Reads the sheets of an .xlsx file as Excel or LibreOffice writes it (shared or inline strings, rich text). */
export function readXlsx(bytes: Uint8Array): ReadWorkbook {
  const entries = unzipOrThrow(bytes, "XLSX");
  const workbook = parser.parse(entryText(entries, "xl/workbook.xml", "XLSX")) as XmlNode;
  const rels = parser.parse(entryText(entries, "xl/_rels/workbook.xml.rels", "XLSX")) as XmlNode;
  const targets = new Map<string, string>();
  for (const rel of asArray((rels.Relationships as XmlNode | undefined)?.Relationship)) {
    const id = attr(rel, "Id");
    const target = attr(rel, "Target");
    if (id && target) targets.set(id, resolveTarget(target));
  }
  const sharedXml = entries["xl/sharedStrings.xml"];
  const shared = sharedXml
    ? asArray(
        ((parser.parse(new TextDecoder().decode(sharedXml)) as XmlNode).sst as XmlNode | undefined)?.si,
      ).map(richText)
    : [];
  const sheets: ReadSheet[] = [];
  const list = asArray(((workbook.workbook as XmlNode | undefined)?.sheets as XmlNode | undefined)?.sheet);
  for (const sheet of list) {
    const path = targets.get(attr(sheet, "id") ?? "");
    const xml = path ? entries[path] : undefined;
    const state = attr(sheet, "state");
    sheets.push({
      name: attr(sheet, "name") ?? "",
      hidden: state === "hidden" || state === "veryHidden",
      rows: xml ? readSheetXml(new TextDecoder().decode(xml), shared) : [],
    });
  }
  return { sheets };
}
