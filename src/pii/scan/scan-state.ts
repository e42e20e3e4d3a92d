import type { Entity, EntityType } from "../entity.ts";

/** What one detection pass carries between the scanner's handlers. */
export type Scan = {
  text: string;
  out: Entity[];
  /** Which ambiguous-name list applies (lexicon W_AMBIG_FR / W_AMBIG_EN bits). */
  ambiguous: number;
  /** Where an IPv6 parse last failed: the ":" handler does not try the same start again ("14:30"). */
  ipv6Fail: number;
  /**
   * Capitalised words read as possible names and left: where a person named in full elsewhere in the
   * text may be named again ("… Tomasz to order"). Starts in `left`, how many in `leftCount` (at most 16).
   */
  left: Int32Array;
  leftCount: number;
  /** Whether a capitalised word followed by a colon labels a list of people ("Attendees:", "Présents :"). */
  listLabel: boolean;
};

/** Notes a capitalised word left at `s` (see Scan.left). */
export function leave(scan: Scan, s: number): void {
  if (scan.leftCount < 16) scan.left[scan.leftCount++] = s;
}

/**
 * Appends an entity. Handlers that look back (an e-mail's local part, an address found from its postcode)
 * may cover entities found earlier: the later, more specific one replaces them, which keeps the output
 * sorted and non-overlapping.
 */
export function emit(scan: Scan, type: EntityType, start: number, end: number, score: number): void {
  const out = scan.out;
  while (out.length > 0 && out[out.length - 1]!.end > start) out.pop();
  out.push({ type, start, end, score });
}

/**
 * Adds entities found by a second reading (sorted, non-overlapping among themselves) to `out`: one that
 * overlaps only persons found by the scanner replaces them (a table cell is the whole name); one that
 * overlaps another type is dropped.
 */
export function mergePersons(out: Entity[], extra: Entity[]): Entity[] {
  if (extra.length === 0) return out;
  const merged: Entity[] = [];
  let i = 0;
  for (const x of extra) {
    while (i < out.length && out[i]!.end <= x.start) merged.push(out[i++]!);
    let j = i;
    let clash = false;
    while (j < out.length && out[j]!.start < x.end) {
      if (out[j]!.type !== "PERSON") clash = true;
      j++;
    }
    if (clash) continue;
    merged.push(x);
    i = j;
  }
  while (i < out.length) merged.push(out[i++]!);
  return merged;
}
