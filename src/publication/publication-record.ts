import type { PublicationRow } from "../db/schema.ts";
import { RegisterFile } from "../register/model/register-file.schema.ts";
import type {
  ChangeLine,
  MaterialChange,
  Publication,
  PublicationWithSnapshot,
} from "./publication-types.ts";

export function toPublication(row: Omit<PublicationRow, "snapshot" | "id" | "org_id">): Publication {
  return {
    number: Number(row.number),
    publishedAt: row.published_at,
    author: row.author,
    note: row.note,
    summary: JSON.parse(row.summary) as ChangeLine[],
    material: JSON.parse(row.material) as MaterialChange[],
  };
}

/** The snapshot is parsed by the model on the way out, like every stored document. */
export function toPublicationWithSnapshot(row: PublicationRow): PublicationWithSnapshot {
  return { ...toPublication(row), orgId: row.org_id, snapshot: RegisterFile.parse(JSON.parse(row.snapshot)) };
}

/** The columns a listing needs: everything but the snapshot, which can be large. */
export const PUBLICATION_LIST_COLUMNS = [
  "number",
  "published_at",
  "author",
  "note",
  "summary",
  "material",
] as const;
