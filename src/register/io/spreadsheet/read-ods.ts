import { XMLParser } from "fast-xml-parser";
import { decodeXml, type ReadSheet, type ReadWorkbook } from "./workbook.ts";
import { entryText, unzipOrThrow } from "./zip-entries.ts";

/** preserveOrder keeps mixed content in order: `a<text:s/>b`, spans, line breaks. */
type OrderedNode = { [tag: string]: unknown; ":@"?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
});

// A row or cell repeated this many times with content is formatting, not data (LibreOffice writes 1048576 rows).
const MAX_REPEAT = 1000;

function tagOf(node: OrderedNode): string {
  for (const key of Object.keys(node)) if (key !== ":@") return key;
  return "";
}

function children(node: OrderedNode): OrderedNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as OrderedNode[]) : [];
}

function attr(node: OrderedNode, name: string): string | undefined {
  const value = node[":@"]?.[name];
  return value === undefined ? undefined : decodeXml(value);
}

function find(nodes: OrderedNode[], tag: string): OrderedNode | undefined {
  return nodes.find((n) => tagOf(n) === tag);
}

/** Paragraph text: spans and links are read through; `text:s`, `text:tab` and `text:line-break` are spacing. */
function inlineText(nodes: OrderedNode[]): string {
  let out = "";
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === "#text") {
      // ODF 1.3 Part 3 §6.1.2: white space in text content collapses to one space.
      out += decodeXml(String(node["#text"])).replace(/[ \t\r\n]+/g, " ");
    } else if (tag === "text:s") out += " ".repeat(Number(attr(node, "text:c") ?? "1") || 1);
    else if (tag === "text:tab") out += "\t";
    else if (tag === "text:line-break") out += "\n";
    else if (tag === "office:annotation" || tag === "text:note") continue;
    else out += inlineText(children(node));
  }
  return out;
}

function cellValue(cell: OrderedNode): string {
  const type = attr(cell, "office:value-type") ?? attr(cell, "calcext:value-type");
  if (type === "float" || type === "percentage" || type === "currency")
    return attr(cell, "office:value") ?? "";
  if (type === "date") return attr(cell, "office:date-value")?.replace(/T00:00:00(\.0+)?$/, "") ?? "";
  if (type === "boolean") return (attr(cell, "office:boolean-value") ?? "") === "true" ? "TRUE" : "FALSE";
  if (type === "time") return attr(cell, "office:time-value") ?? "";
  const stringValue = attr(cell, "office:string-value");
  if (stringValue !== undefined) return stringValue;
  // Several paragraphs are several lines of one cell.
  return children(cell)
    .filter((n) => tagOf(n) === "text:p" || tagOf(n) === "text:h")
    .map((p) => inlineText(children(p)))
    .join("\n");
}

function readRow(row: OrderedNode): string[] {
  const cells: string[] = [];
  let column = 0;
  for (const cell of children(row)) {
    const tag = tagOf(cell);
    if (tag !== "table:table-cell" && tag !== "table:covered-table-cell") continue;
    const repeat = Number(attr(cell, "table:number-columns-repeated") ?? "1") || 1;
    const value = cellValue(cell);
    if (value !== "") {
      for (let i = 0; i < Math.min(repeat, MAX_REPEAT); i++) cells[column + i] = value;
    }
    column += repeat;
  }
  for (let i = 0; i < cells.length; i++) cells[i] ??= "";
  return cells;
}

/** Rows of a table, through the groupings ODF allows (header rows, row groups). */
function collectRows(nodes: OrderedNode[], rows: string[][], at: { row: number }): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === "table:table-row") {
      const repeat = Number(attr(node, "table:number-rows-repeated") ?? "1") || 1;
      const cells = readRow(node);
      if (cells.length > 0) {
        for (let i = 0; i < Math.min(repeat, MAX_REPEAT); i++) rows[at.row + i] = [...cells];
      }
      at.row += repeat;
    } else if (
      tag === "table:table-header-rows" ||
      tag === "table:table-row-group" ||
      tag === "table:table-rows"
    ) {
      collectRows(children(node), rows, at);
    }
  }
}

/** Reads the sheets of an .ods file as LibreOffice writes it (repeated rows and cells, spans, `text:s`). */
export function readOds(bytes: Uint8Array): ReadWorkbook {
  const entries = unzipOrThrow(bytes, "ODS");
  const doc = parser.parse(entryText(entries, "content.xml", "ODS")) as OrderedNode[];
  const root = find(doc, "office:document-content");
  const rootChildren = root ? children(root) : [];
  const hiddenStyles = new Set<string>();
  for (const style of children(find(rootChildren, "office:automatic-styles") ?? {})) {
    const props = find(children(style), "style:table-properties");
    if (props && attr(props, "table:display") === "false") hiddenStyles.add(attr(style, "style:name") ?? "");
  }
  const body = find(rootChildren, "office:body");
  const spreadsheet = body ? find(children(body), "office:spreadsheet") : undefined;
  const sheets: ReadSheet[] = [];
  for (const table of spreadsheet ? children(spreadsheet) : []) {
    if (tagOf(table) !== "table:table") continue;
    const rows: string[][] = [];
    collectRows(children(table), rows, { row: 0 });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    sheets.push({
      name: attr(table, "table:name") ?? "",
      hidden: hiddenStyles.has(attr(table, "table:style-name") ?? ""),
      rows,
    });
  }
  return { sheets };
}
