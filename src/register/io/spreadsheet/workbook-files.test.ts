import assert from "node:assert/strict";
import { test } from "node:test";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { isAppError } from "../../../errors/app-error.ts";
import { readOds } from "./read-ods.ts";
import { readXlsx } from "./read-xlsx.ts";
import { cellName, columnIndexOf, safeSheetName, type Workbook } from "./workbook.ts";
import { writeOds } from "./write-ods.ts";
import { writeXlsx } from "./write-xlsx.ts";

const TRICKY = [
  '=HYPERLINK("http://evil.example","clic")',
  "+33 1 23 45 67 89",
  "-2+3",
  "@SUM(A1:A2)",
  "<b>R&D</b> \"quoted\" 'single' > <",
  "Élodie, Œuvre, ça, naïve — 😀 €",
  "  two  spaces\tand a tab\nsecond line\n\nfourth line ",
  "literal _x0041_ stays",
];

const workbook: Workbook = {
  sheets: [
    {
      name: "Données & <tests>",
      widths: [30, 30],
      rows: [{ cells: ["Titre"], style: "title" }, { cells: [] }, ...TRICKY.map((t) => ({ cells: ["", t] }))],
    },
    { name: "gardien", hidden: true, rows: [{ cells: ['{"a":"é"}'] }] },
  ],
};
const expected = [["Titre"], [], ...TRICKY.map((t) => ["", t])];

for (const [format, write, read] of [
  ["xlsx", writeXlsx, readXlsx],
  ["ods", writeOds, readOds],
] as const) {
  test(`${format}: special characters, accents, spacing and line breaks survive; hidden sheets stay hidden`, () => {
    const back = read(write(workbook));
    assert.deepEqual(
      back.sheets.map((s) => [s.name, s.hidden]),
      [
        ["Données & <tests>", false],
        ["gardien", true],
      ],
    );
    assert.deepEqual(back.sheets[0]?.rows, expected);
    assert.deepEqual(back.sheets[1]?.rows, [['{"a":"é"}']]);
  });

  test(`${format}: characters XML 1.0 forbids are dropped, CR LF becomes LF`, () => {
    const back = read(
      write({ sheets: [{ name: "s", rows: [{ cells: ["a\u0000b\u0007c\u001Fd\r\ne\uFFFEf\uD800g"] }] }] }),
    );
    assert.deepEqual(back.sheets[0]?.rows, [["abcd\nefg"]]);
  });
}

test("xlsx: values that look like formulas are inline strings, never <f> or numbers", () => {
  const xml = strFromU8(unzipSync(writeXlsx(workbook))["xl/worksheets/sheet1.xml"] ?? new Uint8Array());
  assert.ok(!xml.includes("<f>") && !xml.includes("<f "), "no formula element");
  const cells = xml.match(/<c [^>]*>/g) ?? [];
  assert.ok(cells.length > 0 && cells.every((c) => c.includes('t="inlineStr"')));
  assert.ok(xml.includes("=HYPERLINK(&quot;http://evil.example&quot;"));
});

test("ods: values that look like formulas are string cells, never table:formula", () => {
  const xml = strFromU8(unzipSync(writeOds(workbook))["content.xml"] ?? new Uint8Array());
  assert.ok(!xml.includes("table:formula"));
  const filled = xml.match(/<table:table-cell [^>]*>/g) ?? [];
  assert.ok(filled.length > 0 && filled.every((c) => c.includes('office:value-type="string"')));
});

test("ods: the mimetype entry is first, stored uncompressed, with no extra field", () => {
  const bytes = writeOds(workbook);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  assert.equal(view.getUint32(0, true), 0x04034b50, "local file header");
  assert.equal(view.getUint16(8, true), 0, "compression method: stored");
  const nameLength = view.getUint16(26, true);
  assert.equal(view.getUint16(28, true), 0, "no extra field");
  assert.equal(strFromU8(bytes.subarray(30, 30 + nameLength)), "mimetype");
  const content = strFromU8(bytes.subarray(30 + nameLength, 30 + nameLength + 46));
  assert.equal(content, "application/vnd.oasis.opendocument.spreadsheet");
});

test("ods: reads what LibreOffice writes — repeated rows and cells, spans, text:s, several paragraphs", () => {
  const content =
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x" xmlns:style="s">' +
    '<office:automatic-styles><style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style></office:automatic-styles>' +
    '<office:body><office:spreadsheet><table:table table:name="Feuille &amp; 1"><table:table-column table:number-columns-repeated="3"/>' +
    '<table:table-header-rows><table:table-row><table:table-cell office:value-type="string"><text:p>Titre</text:p></table:table-cell></table:table-row></table:table-header-rows>' +
    '<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>' +
    '<table:table-row><table:table-cell table:number-columns-repeated="2"/><table:table-cell office:value-type="string"><text:p>a<text:s text:c="2"/>b <text:span text:style-name="T1">gras</text:span>&#233;</text:p><text:p/><text:p>ligne <text:a xlink:href="x">lien</text:a></text:p></table:table-cell>' +
    '<table:table-cell office:value-type="float" office:value="42"><text:p>42,00</text:p></table:table-cell>' +
    '<table:table-cell office:value-type="date" office:date-value="2024-03-01"><text:p>01/03/24</text:p></table:table-cell>' +
    '<table:table-cell table:number-columns-repeated="1020"/></table:table-row>' +
    '<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>' +
    '</table:table><table:table table:name="cachée" table:style-name="ta2"><table:table-row><table:table-cell office:value-type="string" table:number-columns-repeated="2"><text:p>x</text:p></table:table-cell></table:table-row></table:table>' +
    "</office:spreadsheet></office:body></office:document-content>";
  const bytes = zipSync({
    mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"),
    "content.xml": strToU8(content),
  });
  const back = readOds(bytes);
  assert.deepEqual(back.sheets[0], {
    name: "Feuille & 1",
    hidden: false,
    rows: [["Titre"], [], [], ["", "", "a  b grasé\n\nligne lien", "42", "2024-03-01"]],
  });
  assert.deepEqual(back.sheets[1], { name: "cachée", hidden: true, rows: [["x", "x"]] });
});

test("xlsx: reads what Excel writes — shared strings, rich-text runs, cells without r, numbers, booleans", () => {
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const files = {
    "xl/workbook.xml": `<workbook xmlns="${main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="R&amp;D" sheetId="1" r:id="rId7"/><sheet name="h" sheetId="2" state="veryHidden" r:id="rId8"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="x" Target="/xl/worksheets/a.xml"/><Relationship Id="rId8" Type="x" Target="worksheets/b.xml"/></Relationships>`,
    "xl/sharedStrings.xml": `<sst xmlns="${main}"><si><t>plain</t></si><si><r><rPr><b/></rPr><t xml:space="preserve">rich </t></r><r><t>text</t></r><rPh><t>ignored</t></rPh></si><si><t>line1&#10;line2_x000D_</t></si></sst>`,
    "xl/worksheets/a.xml": `<worksheet xmlns="${main}"><sheetData><row r="2"><c r="B2" t="s"><v>0</v></c><c t="s"><v>1</v></c></row><row><c r="A3" t="s"><v>2</v></c><c r="B3"><v>45000</v></c><c r="C3" t="b"><v>1</v></c><c r="D3" t="str"><f>A1</f><v>formula result</v></c><c r="E3" s="1"/></row></sheetData></worksheet>`,
    "xl/worksheets/b.xml": `<worksheet xmlns="${main}"><sheetData/></worksheet>`,
  };
  const back = readXlsx(zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))));
  assert.deepEqual(back.sheets[0], {
    name: "R&D",
    hidden: false,
    rows: [
      [],
      ["", "plain", "rich text"],
      ["line1\nline2\r".replace("\r", "\n"), "45000", "TRUE", "formula result"],
    ],
  });
  assert.deepEqual(back.sheets[1], { name: "h", hidden: true, rows: [] });
});

test("a file that is not a zip, or a zip that is not a spreadsheet, is a validation error", () => {
  for (const read of [readOds, readXlsx]) {
    assert.throws(
      () => read(strToU8("hello")),
      (e: unknown) => isAppError(e) && e.code === "VALIDATION_FAILED",
    );
    assert.throws(
      () => read(zipSync({ "a.txt": strToU8("x") })),
      (e: unknown) => isAppError(e) && e.code === "VALIDATION_FAILED",
    );
  }
});

test("sheet names: at most 31 characters, no []:*?/\\, unique whatever the case", () => {
  const taken = new Set(["registre"]);
  assert.equal(safeSheetName("Registre", taken), "Registre~2");
  assert.equal(safeSheetName("a/b[c]:d*e?f\\g", taken), "a_b_c__d_e_f_g");
  const long = "x".repeat(80);
  assert.equal(safeSheetName(long, taken), "x".repeat(31));
  assert.equal(safeSheetName(long, taken), `${"x".repeat(29)}~2`);
  assert.equal(safeSheetName("History", taken), "History_");
  assert.equal(cellName(6, 1), "B7");
  assert.equal(cellName(0, 27), "AB1");
  assert.equal(columnIndexOf("AB12"), 27);
});
