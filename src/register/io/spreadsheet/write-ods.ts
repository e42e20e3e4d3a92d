import { strToU8, zipSync } from "fflate";
import { cellText, escapeXml, type Sheet, type Workbook } from "./workbook.ts";

const MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ' +
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" ' +
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" ' +
  'xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
  'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" ' +
  'office:version="1.3"';

const CELL_STYLES = { title: "ce-title", section: "ce-bold", header: "ce-bold" } as const;

/**
 * One line of a cell as ODF paragraph content. ODF collapses runs of spaces in text, so every space after the
 * first of a run, and a leading one, is written as `<text:s/>`; a tab is `<text:tab/>`.
 */
function paragraph(line: string): string {
  const escaped = escapeXml(line)
    .replace(/\t/g, "<text:tab/>")
    .replace(/^ /, "<text:s/>")
    .replace(/ {2,}/g, (run) => ` <text:s text:c="${run.length - 1}"/>`);
  return `<text:p>${escaped}</text:p>`;
}

function tableXml(sheet: Sheet, index: number): string {
  const columns = (sheet.widths ?? []).map(
    (_, i) => `<table:table-column table:style-name="co${index}-${i}"/>`,
  );
  const rows = sheet.rows.map((row) => {
    const style = row.style ? ` table:style-name="${CELL_STYLES[row.style]}"` : "";
    const cells = row.cells.map((value) =>
      value === ""
        ? "<table:table-cell/>"
        : // office:value-type="string": text, never a formula, whatever the text looks like.
          `<table:table-cell office:value-type="string"${style}>${cellText(value).split("\n").map(paragraph).join("")}</table:table-cell>`,
    );
    return `<table:table-row>${cells.length > 0 ? cells.join("") : "<table:table-cell/>"}</table:table-row>`;
  });
  return (
    `<table:table table:name="${escapeXml(sheet.name)}" table:style-name="${sheet.hidden ? "ta-hidden" : "ta-shown"}">` +
    (columns.length > 0 ? columns.join("") : "<table:table-column/>") +
    (rows.length > 0 ? rows.join("") : "<table:table-row><table:table-cell/></table:table-row>") +
    "</table:table>"
  );
}

function contentXml(workbook: Workbook): string {
  const columnStyles = workbook.sheets.flatMap((sheet, index) =>
    (sheet.widths ?? []).map(
      (w, i) =>
        `<style:style style:name="co${index}-${i}" style:family="table-column"><style:table-column-properties style:column-width="${(w * 0.19).toFixed(2)}cm"/></style:style>`,
    ),
  );
  return (
    `${XML_HEAD}<office:document-content ${NS}><office:automatic-styles>` +
    '<style:style style:name="ta-shown" style:family="table"><style:table-properties table:display="true"/></style:style>' +
    '<style:style style:name="ta-hidden" style:family="table"><style:table-properties table:display="false"/></style:style>' +
    columnStyles.join("") +
    '<style:style style:name="ce-bold" style:family="table-cell" style:parent-style-name="Default"><style:text-properties fo:font-weight="bold"/></style:style>' +
    '<style:style style:name="ce-title" style:family="table-cell" style:parent-style-name="Default"><style:text-properties fo:font-weight="bold" fo:font-size="14pt"/></style:style>' +
    "</office:automatic-styles><office:body><office:spreadsheet>" +
    workbook.sheets.map(tableXml).join("") +
    "</office:spreadsheet></office:body></office:document-content>"
  );
}

const STYLES_XML =
  `${XML_HEAD}<office:document-styles ${NS}><office:styles>` +
  '<style:style style:name="Default" style:family="table-cell">' +
  '<style:table-cell-properties style:vertical-align="top" fo:wrap-option="wrap"/></style:style>' +
  "</office:styles></office:document-styles>";

const MANIFEST_XML =
  `${XML_HEAD}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">` +
  `<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${MIMETYPE}"/>` +
  '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>' +
  '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>' +
  '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>' +
  "</manifest:manifest>";

/**
 * Writes an OpenDocument spreadsheet (.ods). ODF 1.3 Part 2 §3.3: the `mimetype` entry comes first, stored
 * without compression and without extra field, so that tools can recognise the file from its first bytes.
 */
export function writeOds(workbook: Workbook, options: { created?: Date } = {}): Uint8Array {
  const created = options.created ?? new Date();
  const meta =
    `${XML_HEAD}<office:document-meta ${NS}><office:meta><meta:generator>Gardien</meta:generator>` +
    `<dc:title>Registre des activités de traitement</dc:title>` +
    `<meta:creation-date>${created.toISOString().replace(/\.\d{3}Z$/, "")}</meta:creation-date></office:meta></office:document-meta>`;
  // Insertion order is archive order: mimetype first.
  return zipSync(
    {
      mimetype: [strToU8(MIMETYPE), { level: 0 }],
      "META-INF/manifest.xml": strToU8(MANIFEST_XML),
      "content.xml": strToU8(contentXml(workbook)),
      "styles.xml": strToU8(STYLES_XML),
      "meta.xml": strToU8(meta),
    },
    { level: 6, mtime: created },
  );
}
