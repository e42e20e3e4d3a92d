import type { Kysely } from "kysely";
import type { Database, OrgDocumentRow } from "../../db/schema.ts";
import { AppError } from "../../errors/app-error.ts";
import { DOCUMENT_KINDS, type DocumentKind, type DocumentOf, type StoredDocument } from "./document-kinds.ts";

/**
 * Rows are validated on the way out too: the same schema guards the API, the files and the database.
 * A revision never changes once written, so a row validated at (id, revision) with the same text need
 * not be validated again: the cache keeps reads cheap without ever trusting an unchecked row.
 */
export function toStoredDocument<K extends DocumentKind>(
  kind: K,
  row: OrgDocumentRow,
): StoredDocument<DocumentOf<K>> {
  const data = validatedData(kind, row) as DocumentOf<K>;
  return {
    id: row.id,
    ref: row.ref,
    revision: Number(row.revision),
    data,
    json: row.data,
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

const VALIDATED_CACHE_SIZE = 5000;
const validated = new Map<string, { text: string; data: unknown }>();

function validatedData(kind: DocumentKind, row: OrgDocumentRow): unknown {
  const key = `${kind}:${row.id}:${row.revision}`;
  const hit = validated.get(key);
  if (hit && hit.text === row.data) return hit.data;
  const result = DOCUMENT_KINDS[kind].schema.safeParse(JSON.parse(row.data));
  if (!result.success) {
    // A stored row that the model rejects is a missing migration or a direct edit of the database.
    throw new AppError(
      "INTERNAL",
      `stored ${DOCUMENT_KINDS[kind].label} ${row.ref} no longer matches the register model`,
      {
        details: {
          ref: row.ref,
          revision: row.revision,
          paths: result.error.issues.map((i) => i.path.join(".")),
        },
      },
    );
  }
  if (validated.size >= VALIDATED_CACHE_SIZE) validated.delete(validated.keys().next().value as string);
  // Shared between reads: frozen, so a caller that mutates it fails loudly instead of corrupting the cache.
  validated.set(key, { text: row.data, data: deepFreeze(result.data) });
  return result.data;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
