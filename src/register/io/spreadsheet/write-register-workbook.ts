import type { RegisterFile } from "../../model/register-file.schema.ts";
import { ACTIVITY_LAYOUT } from "./activity-layout.ts";
import {
  PROCESSOR_REGISTER_LAYOUT,
  PROCESSORS_LAYOUT,
  REGISTER_LAYOUT,
  SHEET_NAMES,
} from "./register-layouts.ts";
import { type Field, getIn, type SheetLayout } from "./sheet-layout.ts";
import { type Sheet, type SheetRow, safeSheetName, type Workbook } from "./workbook.ts";

/** Excel holds at most 32,767 characters in a cell: the register-as-code JSON is cut into smaller pieces. */
export const MACHINE_CHUNK = 30_000;
export const MACHINE_NOTICE =
  "Copie du registre lisible par Gardien (format register-as-code, JSON). Ne pas modifier : " +
  "les cellules des autres feuilles priment sur cette copie à l'import.";

function cellOf(field: Field, root: unknown, file: unknown): string {
  if (field.show) return field.show(root, file);
  return field.path ? field.codec.write(getIn(root, field.path)) : "";
}

function layoutRows(layout: SheetLayout, root: unknown, file: unknown): SheetRow[] {
  const rows: SheetRow[] = [{ cells: [layout.title, layout.subtitle?.(root) ?? ""], style: "title" }];
  for (const section of layout.sections) {
    rows.push({ cells: [] }, { cells: [section.title], style: "section" });
    if (section.kind === "fields") {
      for (const field of section.fields) rows.push({ cells: [field.label, cellOf(field, root, file)] });
      continue;
    }
    rows.push({ cells: section.columns.map((c) => c.label), style: "header" });
    const items = (getIn(root, section.list) ?? []) as unknown[];
    for (const item of items) rows.push({ cells: section.columns.map((c) => cellOf(c, item, file)) });
    for (const extra of section.extraRows?.(items) ?? []) rows.push({ cells: extra });
  }
  return rows;
}

function byRef<T extends { ref: string }>(list: T[]): T[] {
  return [...list].sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
}

function trimRows(rows: SheetRow[]): SheetRow[] {
  return rows.map((row) => {
    const cells = [...row.cells];
    while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
    return { ...row, cells };
  });
}

/**
 * The register as a CNIL "modèle de registre" workbook: "Registre" (organisation and list of activities),
 * one sheet per activity named after its ref, "Sous-traitants" and "Registre sous-traitant" when they have
 * entries, and the hidden "gardien" sheet holding the whole register-as-code file.
 */
export function registerToWorkbook(input: RegisterFile): Workbook {
  // Activities and directories in ref order, as the store lists them: a workbook exported, imported elsewhere
  // and exported again comes out the same, hidden copy included.
  const file = {
    ...input,
    activities: byRef(input.activities),
    processors: byRef(input.processors),
    processorRegister: byRef(input.processorRegister),
  };
  const taken = new Set<string>(Object.values(SHEET_NAMES).map((n) => n.toLowerCase()));
  const activitySheets = file.activities.map((activity) => ({
    name: safeSheetName(activity.ref, taken),
    activity,
  }));
  const register = layoutRows(REGISTER_LAYOUT, file, file);
  // The list of activities also names each one's sheet, for a person finding their way.
  const listHeader = register.findIndex((r) => r.style === "header");
  if (listHeader >= 0) {
    register[listHeader]?.cells.push("Feuille");
    activitySheets.forEach((s, i) => {
      register[listHeader + 1 + i]?.cells.push(s.name);
    });
  }
  const sheets: Sheet[] = [
    { name: SHEET_NAMES.register, rows: register, widths: REGISTER_LAYOUT.widths },
    ...activitySheets.map((s) => ({
      name: s.name,
      rows: layoutRows(ACTIVITY_LAYOUT, s.activity, file),
      widths: ACTIVITY_LAYOUT.widths,
    })),
  ];
  if (file.processors.length > 0) {
    sheets.push({
      name: SHEET_NAMES.processors,
      rows: layoutRows(PROCESSORS_LAYOUT, file, file),
      widths: PROCESSORS_LAYOUT.widths,
    });
  }
  if (file.processorRegister.length > 0) {
    sheets.push({
      name: SHEET_NAMES.processorRegister,
      rows: layoutRows(PROCESSOR_REGISTER_LAYOUT, file, file),
      widths: PROCESSOR_REGISTER_LAYOUT.widths,
    });
  }
  const json = JSON.stringify(file);
  const chunks: SheetRow[] = [];
  for (let at = 0; at < json.length; ) {
    let end = Math.min(at + MACHINE_CHUNK, json.length);
    // Never cut a surrogate pair in two: half a pair is not a character XML can hold.
    if (/[\uD800-\uDBFF]/.test(json[end - 1] ?? "")) end--;
    chunks.push({ cells: [json.slice(at, end)] });
    at = end;
  }
  sheets.push({
    name: SHEET_NAMES.machine,
    hidden: true,
    rows: [{ cells: [MACHINE_NOTICE], style: "title" }, ...chunks],
    widths: [120],
  });
  return { sheets: sheets.map((s) => ({ ...s, rows: trimRows(s.rows) })) };
}
