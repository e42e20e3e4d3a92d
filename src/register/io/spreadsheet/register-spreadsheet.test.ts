import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "node:test";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readDemoRegisters } from "../../../demo/read-demo-registers.ts";
import { isAppError } from "../../../errors/app-error.ts";
import { createTestContext, type TestContext } from "../../../testing/test-context.ts";
import type { RegisterFile } from "../../model/register-file.schema.ts";
import { exportRegister } from "../export-register.ts";
import { importRegister } from "../import-register.ts";
import { readRegisterWorkbook } from "./read-register-workbook.ts";
import {
  parseRegisterSpreadsheet,
  readSpreadsheet,
  serializeRegisterSpreadsheet,
} from "./register-spreadsheet.ts";
import { cellName, escapeXml, type SpreadsheetFormat } from "./workbook.ts";
import { registerToWorkbook } from "./write-register-workbook.ts";

const FORMATS = ["xlsx", "ods"] as const;
const demos = readDemoRegisters();
const julieDesk = demos.find((f) => f.organisation.slug === "julie-desk") as RegisterFile;

/** Every sheet's cell values, trailing empty rows and cells left out. */
function cellsOf(bytes: Uint8Array, format: SpreadsheetFormat) {
  return readSpreadsheet(bytes, format).sheets.map((s) => {
    const rows = s.rows.map((r) => {
      const cells = [...r];
      while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
      return cells;
    });
    while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
    return { name: s.name, hidden: s.hidden, rows };
  });
}

/** The register in the order the workbook holds it: activities, processors and entries by ref. */
function byRef(file: RegisterFile): RegisterFile {
  const sort = <T extends { ref: string }>(list: T[]) => [...list].sort((a, b) => (a.ref < b.ref ? -1 : 1));
  return {
    ...file,
    activities: sort(file.activities),
    processors: sort(file.processors),
    processorRegister: sort(file.processorRegister),
  };
}

/**
 * Replaces a text in the sheet of one activity inside the zip, as a person's edit in LibreOffice or Excel
 * would: the sheet's own part in an XLSX, the text after the sheet's start in the ODS content.
 */
function editCell(format: SpreadsheetFormat, bytes: Uint8Array, ref: string, from: string, to: string) {
  const entries = unzipSync(bytes);
  const index = registerToWorkbook(julieDesk).sheets.findIndex((s) => s.name === ref);
  const part = format === "xlsx" ? `xl/worksheets/sheet${index + 1}.xml` : "content.xml";
  const wrap = (text: string) =>
    format === "xlsx"
      ? `<t xml:space="preserve">${escapeXml(text)}</t>`
      : `<text:p>${escapeXml(text)}</text:p>`;
  const xml = strFromU8(entries[part] ?? new Uint8Array());
  const start = format === "xlsx" ? 0 : xml.indexOf(`<table:table table:name="${ref}"`);
  const at = xml.indexOf(wrap(from), start);
  assert.ok(start >= 0 && at >= 0, `${part} holds the text to edit`);
  entries[part] = strToU8(xml.slice(0, at) + wrap(to) + xml.slice(at + wrap(from).length));
  const { mimetype, ...rest } = entries;
  return zipSync(mimetype ? { mimetype: [mimetype, { level: 0 }], ...rest } : rest);
}

for (const file of demos) {
  for (const format of FORMATS) {
    test(`${file.organisation.slug}: register → ${format} → register is the same register`, () => {
      const bytes = serializeRegisterSpreadsheet(file, format);
      assert.deepStrictEqual(parseRegisterSpreadsheet(bytes, format), byRef(file));
    });
  }
}

test("the layout: Registre first, one sheet per activity named by its ref, processors, then the hidden copy", () => {
  const workbook = registerToWorkbook(julieDesk);
  assert.deepEqual(
    workbook.sheets.map((s) => [s.name, s.hidden === true]),
    [
      ["Registre", false],
      ...byRef(julieDesk).activities.map((a) => [a.ref.slice(0, 31), false]),
      ["Sous-traitants", false],
      ["Registre sous-traitant", false],
      ["gardien", true],
    ],
  );
  const sheet = workbook.sheets[1];
  assert.equal(sheet?.rows[0]?.cells[0], "FICHE DE REGISTRE DE L'ACTIVITÉ");
  const titles = sheet?.rows.filter((r) => r.style === "section").map((r) => r.cells[0]);
  assert.deepEqual(titles?.slice(0, 6), [
    "Activité",
    "Acteurs",
    "Objectifs poursuivis",
    "Catégories de personnes concernées",
    "Catégories de données collectées",
    "Données sensibles",
  ]);
  assert.ok(sheet?.rows.some((r) => r.cells[0] === "Référence" && r.cells[1] === sheet.name));
});

test("without the hidden sheet, the visible cells alone make a valid register with the same cells", () => {
  for (const file of demos) {
    const workbook = registerToWorkbook(file);
    const visible = workbook.sheets.filter((s) => !s.hidden);
    const read = readRegisterWorkbook({
      sheets: visible.map((s) => ({ name: s.name, hidden: false, rows: s.rows.map((r) => r.cells) })),
    });
    assert.equal(read.machineSheet, undefined);
    const again = registerToWorkbook(
      parseRegisterSpreadsheet(serializeRegisterSpreadsheet(file, "xlsx"), "xlsx"),
    );
    assert.deepEqual(
      again.sheets.filter((s) => !s.hidden).map((s) => s.rows.map((r) => r.cells)),
      visible.map((s) => s.rows.map((r) => r.cells)),
    );
  }
});

describe("through the store", () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await createTestContext("register-spreadsheet");
  });
  afterEach(() => ctx.close());

  for (const format of FORMATS) {
    test(`${format} → import into an empty store → export → ${format}: the same cells on every sheet`, async () => {
      for (const file of demos) {
        const first = serializeRegisterSpreadsheet(file, format);
        await importRegister(ctx, { body: parseRegisterSpreadsheet(first, format), actor: "t" });
        const exported = await exportRegister(ctx, { slug: file.organisation.slug });
        const second = serializeRegisterSpreadsheet(exported, format);
        assert.deepEqual(cellsOf(second, format), cellsOf(first, format), file.organisation.slug);
      }
    });
  }

  test("a spreadsheet with an unknown legal basis names the sheet and cell, and nothing is written", async () => {
    const activities = byRef(julieDesk).activities;
    const index = activities.findIndex((a) => a.purposes[0]?.legalBasis !== undefined);
    const activity = activities[index];
    assert.ok(activity, "an activity's first purpose has a legal basis");
    const sheet = registerToWorkbook(julieDesk).sheets.find((s) => s.name === activity.ref);
    const row = sheet?.rows.findIndex((r) => r.cells[0] === "Principale") ?? -1;
    const label = sheet?.rows[row]?.cells[2] ?? "";
    assert.equal(label, "Consentement");
    for (const format of FORMATS) {
      const bytes = serializeRegisterSpreadsheet(julieDesk, format);
      const bad = editCell(format, bytes, activity.ref, label, "Intérêt illégitime");
      const body = () => parseRegisterSpreadsheet(bad, format);
      assert.throws(body, (err: unknown) => {
        assert.ok(isAppError(err) && err.code === "VALIDATION_FAILED");
        const issues = (err.details as { issues: { path: string; message: string }[] }).issues;
        assert.equal(issues.length, 1);
        assert.equal(issues[0]?.path, `activities[${index}].purposes[0].legalBasis.code`);
        assert.match(
          issues[0]?.message ?? "",
          new RegExp(`^Feuille "${activity.ref}", cellule ${cellName(row, 2)}: `),
        );
        assert.ok(err.message.startsWith(`activities[${index}].purposes[0].legalBasis.code: Feuille "`));
        assert.ok(!err.message.includes("illégitime"), "the rejected value is not echoed");
        return true;
      });
      // The CLI and the route read first, then import: an invalid file never reaches the store.
      await assert.rejects(async () => importRegister(ctx, { body: body(), actor: "t" }));
      assert.equal((await ctx.db.selectFrom("organisations").select("id").execute()).length, 0);
    }
  });
});

for (const format of FORMATS) {
  test(`${format}: a person's edit of a visible cell wins over the hidden copy`, () => {
    const expected = structuredClone(byRef(julieDesk));
    const activity = expected.activities[0];
    const purpose = activity?.purposes[0];
    assert.ok(activity && purpose?.description.fr && purpose.description.en && purpose.legalBasis);
    const edited = "Nouvelle finalité : « R&D » <interne> = test";
    const bytes = editCell(
      format,
      serializeRegisterSpreadsheet(julieDesk, format),
      activity.ref,
      purpose.description.fr,
      edited,
    );
    const back = parseRegisterSpreadsheet(bytes, format);
    // The edited French text wins; its stale English translation goes; everything else is kept.
    assert.deepEqual(back.activities[0]?.purposes[0]?.description, { fr: edited });
    assert.deepEqual(back.activities[0]?.purposes[0]?.legalBasis, purpose.legalBasis);
    activity.purposes[0] = {
      ...purpose,
      description: { fr: edited },
    };
    assert.deepStrictEqual(back, expected);
    // Exported again, the workbook shows the edit, in the activity's sheet and in the list of activities.
    const again = registerToWorkbook(back);
    assert.ok(again.sheets[0]?.rows.some((r) => r.cells.includes(edited)));
  });
}

test("the hidden copy of another organisation is ignored: the visible cells are read alone", () => {
  const logeas = demos.find((f) => f.organisation.slug === "logeas") as RegisterFile;
  const ours = registerToWorkbook(julieDesk);
  const theirs = registerToWorkbook(logeas);
  const sheets = [...ours.sheets.filter((s) => !s.hidden), ...theirs.sheets.filter((s) => s.hidden)];
  const read = readRegisterWorkbook({
    sheets: sheets.map((s) => ({
      name: s.name,
      hidden: s.hidden === true,
      rows: s.rows.map((r) => r.cells),
    })),
  });
  assert.equal(read.machineSheet, undefined);
  assert.equal((read.raw.organisation as { slug: string }).slug, "julie-desk");
});
