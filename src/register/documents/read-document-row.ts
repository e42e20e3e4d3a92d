import type { Kysely } from "kysely";
import type { Database, OrgDocumentRow } from "../../db/schema.ts";
import { DOCUMENT_KINDS, type DocumentKind, type DocumentOf, type StoredDocument } from "./document-kinds.ts";

/** Rows are validated on the way out too: the same schema guards the API, the files and the database. */
export function toStoredDocument<K extends DocumentKind>(
  kind: K,
  row: OrgDocumentRow,
): StoredDocument<DocumentOf<K>> {
  const data = DOCUMENT_KINDS[kind].schema.parse(JSON.parse(row.data)) as DocumentOf<K>;
  return {
    id: row.id,
    ref: row.ref,
    revision: Number(row.revision),
    data,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Reads one row scoped to its organisation: every query on org documents filters on org_id. */
export async function readDocumentRow<K extends DocumentKind>(
  db: Kysely<Database>,
  kind: K,
  orgId: string,
  ref: string,
): Promise<{ document: StoredDocument<DocumentOf<K>>; json: string; revision: number } | undefined> {
  const row = await db
    .selectFrom(DOCUMENT_KINDS[kind].table)
    .selectAll()
    .where("org_id", "=", orgId)
    .where("ref", "=", ref)
    .executeTakeFirst();
  if (!row) return undefined;
  return { document: toStoredDocument(kind, row), json: row.data, revision: Number(row.revision) };
}
