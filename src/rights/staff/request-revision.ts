import type { RequestRow } from "../../db/schema.ts";
import { conflict } from "../../errors/app-error.ts";

/**
 * If-Match on a request: the revision the caller last saw. The same refusal as transitionRequest, so
 * every write of a request answers a stale ETag alike (409, details.revision the stored one).
 */
export function assertRequestRevision(row: RequestRow, expected: number | undefined): void {
  if (expected !== undefined && Number(row.revision) !== expected) throw staleRevision(row);
}

export function staleRevision(row: RequestRow) {
  return conflict(`request revision is ${row.revision}, not the one expected`, {
    rule: "revision",
    revision: Number(row.revision),
  });
}
