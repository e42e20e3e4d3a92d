import { formatPath } from "../../errors/from-zod.ts";

export type FieldChange = {
  path: string;
  op: "added" | "removed" | "changed";
  before?: unknown;
  after?: unknown;
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/**
 * Field-level diff of two register documents, leaf by leaf, with paths in the register's own notation
 * (`purposes[0].legalBasis.code`). Arrays are compared position by position: the register keeps lists
 * in the order their authors wrote them, and a move is a change of meaning for a reader of the document.
 */
export function diffDocuments(before: unknown, after: unknown): FieldChange[] {
  const changes: FieldChange[] = [];
  walk(before, after, [], changes);
  return changes;
}

function walk(a: unknown, b: unknown, path: (string | number)[], out: FieldChange[]): void {
  if (a === b) return;
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) walk(a[key], b[key], [...path, key], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) walk(a[i], b[i], [...path, i], out);
    return;
  }
  const p = formatPath(path);
  if (a === undefined) out.push({ path: p, op: "added", after: b });
  else if (b === undefined) out.push({ path: p, op: "removed", before: a });
  else out.push({ path: p, op: "changed", before: a, after: b });
}
