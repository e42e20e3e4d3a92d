import type { Codec } from "./cell-codecs.ts";

export type Path = ReadonlyArray<string | number>;

/** One visible cell of the register: a label, the field it shows, and how. */
export type Field = {
  label: string;
  /** Path from the section's root; unset for a cell that is only shown. */
  path?: Path;
  codec: Codec;
  /** For a cell that is only shown: its text, from the section's root and the whole register. */
  show?: (root: unknown, file: unknown) => string;
  /** The field that makes its parent object exist: when it and its siblings are empty, the parent goes. */
  key?: boolean;
};

/** Label/value rows (label in column A, value in column B). */
export type FieldsSection = {
  kind: "fields";
  title: string;
  fields: Field[];
  /** An optional object that these rows are the whole of: every cell empty removes it. */
  object?: Path;
};

/** A header row, then one row per item of a list. */
export type TableSection = {
  kind: "table";
  title: string;
  list: Path;
  columns: Field[];
  /** Matches a row with its item of the machine-readable layer; unset means by position. */
  matchBy?: Path;
  /** A row whose cell at this path is empty is a placeholder (the CNIL checklist's empty categories). */
  skipWhenEmpty?: Path;
  /** Placeholder rows written after the items. */
  extraRows?: (items: unknown[]) => string[][];
  /** Only shown: the rows are rebuilt from the rest of the workbook on export and never read. */
  shownOnly?: boolean;
};

export type Section = FieldsSection | TableSection;

export type SheetLayout = {
  /** Cell A1: tells a sheet of this kind when reading. */
  title: string;
  /** Cell B1, for a person (the activity's name). */
  subtitle?: (root: unknown) => string;
  sections: Section[];
  widths: number[];
};

export function getIn(value: unknown, path: Path): unknown {
  let current = value;
  for (const part of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

function isEmptyObject(value: unknown): boolean {
  return (
    typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 0
  );
}

/**
 * Sets a field, or deletes it when `value` is undefined. Objects the deletion leaves empty are removed too,
 * unless the machine-readable layer (`hidden`, the same root) held that very empty object.
 */
export function setIn(root: Record<string, unknown>, path: Path, value: unknown, hidden: unknown): void {
  if (path.length === 0) return;
  let current: Record<string | number, unknown> = root;
  for (const part of path.slice(0, -1)) {
    const next = current[part];
    if (typeof next !== "object" || next === null) {
      if (value === undefined) return;
      current[part] = {};
    }
    current = current[part] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1] as string | number;
  if (value !== undefined) {
    current[last] = value;
    return;
  }
  delete current[last];
  for (let depth = path.length - 1; depth > 0; depth--) {
    const parentPath = path.slice(0, depth);
    if (!isEmptyObject(getIn(root, parentPath)) || isEmptyObject(getIn(hidden, parentPath))) break;
    deleteIn(root, parentPath);
  }
}

export function deleteIn(root: unknown, path: Path): void {
  const parent = getIn(root, path.slice(0, -1));
  if (typeof parent === "object" && parent !== null) {
    delete (parent as Record<string | number, unknown>)[path[path.length - 1] as string | number];
  }
}
