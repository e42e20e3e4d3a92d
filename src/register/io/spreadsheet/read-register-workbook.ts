/**
 * Reads a register workbook (see write-register-workbook.ts for the layout) back into a register-as-code object,
 * not yet validated.
 *
 * Which cell wins. The visible sheets are the register a person reads and edits in LibreOffice or Excel; the
 * hidden "gardien" sheet is a copy of the whole register-as-code file, written so that what no cell shows (the
 * English texts, the legal basis's justification, the DPIA criteria, the notices…) survives the trip.
 * - Every visible cell is read, and wins: an edited cell replaces the value; an emptied cell removes it; a row
 *   added to a table adds an item, a row deleted removes it; a deleted activity sheet removes the activity.
 * - The hidden copy only fills what has no cell: a field no column shows, a row or section a person removed
 *   from the layout (a missing column or section keeps the copy's values), and the other half of a
 *   French/English text whose shown half is unchanged. Editing the French text drops the English one, which no
 *   longer translates it (the linter then asks for a new translation).
 * - Activities, processors and client entries come out in ref order, the order the store lists them in and
 *   the writer writes them in; the order of the sheets is not part of the register.
 * - Rows are matched with the copy's items by their key where the table has one (activity ref, data category
 *   id, processor ref, client ref) and otherwise by position: inserting a purpose in the middle of the list
 *   shifts the hidden fields (justification of the legal basis) of the purposes after it.
 * - The copy is used only when it is a register of the same organisation (same "Identifiant Gardien"): a sheet
 *   pasted from another organisation's workbook, or a copy that no longer parses, is ignored, and the register
 *   is then read from the visible cells alone.
 * Cells are recorded by register path, so that a validation error names its sheet and cell.
 */
import { validationError } from "../../../errors/app-error.ts";
import { formatPath } from "../../../errors/from-zod.ts";
import { ACTIVITY_LAYOUT } from "./activity-layout.ts";
import {
  PROCESSOR_REGISTER_LAYOUT,
  PROCESSORS_LAYOUT,
  REGISTER_LAYOUT,
  SHEET_NAMES,
} from "./register-layouts.ts";
import {
  deleteIn,
  type Field,
  type FieldsSection,
  getIn,
  type Path,
  type SheetLayout,
  setIn,
  type TableSection,
} from "./sheet-layout.ts";
import { cellName, type ReadSheet, type ReadWorkbook } from "./workbook.ts";

export type CellLocation = { sheet: string; cell?: string };
export type WorkbookReading = {
  /** The register as read, for the Zod schema to judge. */
  raw: Record<string, unknown>;
  /** Where each register path was read from (`activities[1].purposes[0].legalBasis.code` → sheet and cell). */
  cells: Map<string, CellLocation>;
  /** The sheet holding the machine-readable copy, when there is one. */
  machineSheet?: string;
};

type Obj = Record<string, unknown>;

function norm(text: string | undefined): string {
  return (text ?? "").normalize("NFC").replace(/[’`]/g, "'").replace(/\s+/g, " ").trim().toLowerCase();
}

function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function clone<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}

function samePath(a: Path | undefined, b: Path | undefined): boolean {
  return a !== undefined && b !== undefined && a.length === b.length && a.every((p, i) => p === b[i]);
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.every((p, i) => path[i] === p);
}

/** Row index of each section title found: a row whose only text is the title, in column A. */
function sectionStarts(layout: SheetLayout, sheet: ReadSheet): Map<string, { from: number; to: number }> {
  const titles = new Map(layout.sections.map((s) => [norm(s.title), s.title]));
  const found: { title: string; row: number }[] = [];
  sheet.rows.forEach((row, r) => {
    const title = titles.get(norm(row[0]));
    if (title === undefined || row.slice(1).some((c) => c.trim() !== "")) return;
    if (found.some((f) => f.title === title)) return;
    found.push({ title, row: r });
  });
  const ranges = new Map<string, { from: number; to: number }>();
  found.forEach((f, i) => {
    ranges.set(f.title, { from: f.row + 1, to: found[i + 1]?.row ?? sheet.rows.length });
  });
  return ranges;
}

class SheetReader {
  readonly cells: Map<string, CellLocation>;
  readonly sheet: ReadSheet;
  readonly rootPath: Path;

  constructor(sheet: ReadSheet, rootPath: Path, cells: Map<string, CellLocation>) {
    this.sheet = sheet;
    this.rootPath = rootPath;
    this.cells = cells;
  }

  at(row: number, column: number): CellLocation {
    return { sheet: this.sheet.name, cell: cellName(row, column) };
  }

  record(path: Path, location: CellLocation): void {
    this.cells.set(formatPath([...this.rootPath, ...path]), location);
  }

  /** Applies the visible cells of one object (a section's root or a table row) over its hidden copy. */
  apply(
    target: Obj,
    hidden: unknown,
    found: Array<{ field: Field; cell: string; at: CellLocation }>,
    base: Path,
  ) {
    for (const { field, cell, at } of found) {
      if (!field.path || !field.codec.read) continue;
      setIn(target, field.path, field.codec.read(cell, getIn(hidden, field.path)), hidden);
      this.record([...base, ...field.path], at);
    }
    // A key field (the legal basis's code, the contract's "signed") empty with all its siblings: no object.
    for (const { field, cell } of found) {
      if (!field.key || !field.path || cell.trim() !== "") continue;
      const parent = field.path.slice(0, -1);
      const siblings = found.filter(
        (f) => f.field.path && f.field.codec.read && startsWith(f.field.path, parent),
      );
      if (siblings.every((s) => s.cell.trim() === "")) deleteIn(target, parent);
    }
  }

  readFields(section: FieldsSection, range: { from: number; to: number }, root: Obj, hidden: unknown): void {
    const found: Array<{ field: Field; cell: string; at: CellLocation }> = [];
    for (let r = range.from; r < range.to; r++) {
      const row = this.sheet.rows[r] ?? [];
      const field = section.fields.find((f) => norm(f.label) === norm(row[0]));
      if (!field || found.some((f) => f.field === field)) continue;
      found.push({ field, cell: row[1] ?? "", at: this.at(r, 1) });
    }
    this.apply(root, hidden, found, []);
    const readable = found.filter((f) => f.field.path && f.field.codec.read);
    if (section.object && readable.length > 0 && readable.every((f) => f.cell.trim() === "")) {
      deleteIn(root, section.object);
    }
  }

  readTable(section: TableSection, range: { from: number; to: number }, root: Obj, hidden: unknown): void {
    let header = range.from;
    while (header < range.to && (this.sheet.rows[header] ?? []).every((c) => c.trim() === "")) header++;
    if (header >= range.to) return;
    const columns = new Map<number, Field>();
    (this.sheet.rows[header] ?? []).forEach((label, c) => {
      const field = section.columns.find((f) => norm(f.label) === norm(label));
      if (field?.path && field.codec.read && ![...columns.values()].includes(field)) columns.set(c, field);
    });
    const hiddenList = getIn(hidden, section.list);
    const before = Array.isArray(hiddenList) ? hiddenList : [];
    const used = new Set<unknown>();
    const items: Obj[] = [];
    for (let r = header + 1; r < range.to; r++) {
      const row = this.sheet.rows[r] ?? [];
      const found = [...columns].map(([c, field]) => ({ field, cell: row[c] ?? "", at: this.at(r, c) }));
      if (found.every((f) => f.cell.trim() === "")) continue;
      const skip = found.find((f) => samePath(f.field.path, section.skipWhenEmpty));
      if (skip && skip.cell.trim() === "") continue;
      const index = items.length;
      let match: unknown;
      if (section.matchBy) {
        const key = found.find((f) => samePath(f.field.path, section.matchBy))?.cell.trim();
        match = before.find(
          (item) => !used.has(item) && key !== "" && getIn(item, section.matchBy ?? []) === key,
        );
      } else match = before[index];
      used.add(match);
      const item = isObj(match) ? clone(match) : {};
      this.apply(item, match, found, [...section.list, index]);
      this.record([...section.list, index], this.at(r, 0));
      items.push(item);
    }
    setIn(root, section.list, items, hidden);
  }

  /** Reads the sheet over `hidden` (the same root in the machine-readable copy) into a new object. */
  read(layout: SheetLayout, hidden: unknown): Obj {
    const root: Obj = isObj(hidden) ? clone(hidden) : {};
    if (this.rootPath.length > 0) this.record([], this.at(0, 0));
    const ranges = sectionStarts(layout, this.sheet);
    for (const section of layout.sections) {
      const range = ranges.get(section.title);
      if (!range) continue; // A section a person removed: the copy's values stay.
      if (section.kind === "fields") this.readFields(section, range, root, hidden);
      else if (!section.shownOnly) this.readTable(section, range, root, hidden);
    }
    return root;
  }
}

/** The value shown for one field of a sheet, before the sheet is read (the activity's ref, the slug). */
function peek(layout: SheetLayout, sheet: ReadSheet, path: Path): string {
  const ranges = sectionStarts(layout, sheet);
  for (const section of layout.sections) {
    const range = ranges.get(section.title);
    const field = section.kind === "fields" ? section.fields.find((f) => samePath(f.path, path)) : undefined;
    if (!range || !field) continue;
    for (let r = range.from; r < range.to; r++) {
      const row = sheet.rows[r] ?? [];
      if (norm(row[0]) === norm(field.label)) return (row[1] ?? "").trim();
    }
  }
  return "";
}

function isSheetOf(layout: SheetLayout, sheet: ReadSheet): boolean {
  return norm(sheet.rows[0]?.[0]) === norm(layout.title);
}

function machineCopy(sheet: ReadSheet | undefined): Obj | undefined {
  if (!sheet) return undefined;
  const json = sheet.rows
    .slice(1)
    .map((row) => row[0] ?? "")
    .join("");
  try {
    const value: unknown = JSON.parse(json);
    return isObj(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Reads a workbook in the register layout; throws only when it is not one at all. */
export function readRegisterWorkbook(workbook: ReadWorkbook): WorkbookReading {
  const registerSheet =
    workbook.sheets.find((s) => isSheetOf(REGISTER_LAYOUT, s)) ??
    workbook.sheets.find((s) => ["registre", "liste des traitements"].includes(norm(s.name)));
  if (!registerSheet) {
    throw validationError([
      {
        path: "",
        rule: "file_format",
        message: `not a register workbook: no sheet "${SHEET_NAMES.register}" starting with "${REGISTER_LAYOUT.title}"`,
      },
    ]);
  }
  const machine = workbook.sheets.find((s) => norm(s.name) === SHEET_NAMES.machine);
  let copy = machineCopy(machine);
  const slug = peek(REGISTER_LAYOUT, registerSheet, ["organisation", "slug"]);
  if (copy && slug !== "" && getIn(copy, ["organisation", "slug"]) !== slug) copy = undefined;

  const cells = new Map<string, CellLocation>();
  const registerReader = new SheetReader(registerSheet, [], cells);
  registerReader.record(["organisation"], registerReader.at(0, 0));
  const raw = registerReader.read(REGISTER_LAYOUT, copy);
  const hiddenActivities = Array.isArray(copy?.activities) ? copy.activities : [];
  raw.activities = workbook.sheets
    .filter((s) => isSheetOf(ACTIVITY_LAYOUT, s))
    .map((sheet, i) => {
      const ref = peek(ACTIVITY_LAYOUT, sheet, ["ref"]);
      const hidden = hiddenActivities.find((a) => ref !== "" && getIn(a, ["ref"]) === ref);
      return new SheetReader(sheet, ["activities", i], cells).read(ACTIVITY_LAYOUT, hidden);
    });
  // The two processor sheets are written only when they have rows: no sheet, no entries.
  for (const [layout, key] of [
    [PROCESSORS_LAYOUT, "processors"],
    [PROCESSOR_REGISTER_LAYOUT, "processorRegister"],
  ] as const) {
    const sheet = workbook.sheets.find((s) => isSheetOf(layout, s));
    if (!sheet) {
      raw[key] = [];
      continue;
    }
    const reader = new SheetReader(sheet, [], cells);
    reader.record([key], reader.at(0, 0));
    raw[key] = reader.read(layout, { [key]: copy?.[key] })[key] ?? [];
  }
  raw.gardien ??= 1;
  return { raw, cells, ...(machine && copy ? { machineSheet: machine.name } : {}) };
}
