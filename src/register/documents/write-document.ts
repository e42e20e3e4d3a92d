import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { Actor } from "../../app/app-context.ts";
import type { Database } from "../../db/schema.ts";
import { conflict } from "../../errors/app-error.ts";
import type { FieldChange } from "../history/diff-documents.ts";
import { type RevisionAction, recordRevision } from "../history/record-revision.ts";
import { DOCUMENT_KINDS, type DocumentKind, type DocumentOf, type StoredDocument } from "./document-kinds.ts";
import { invalidateOrganisationDocuments } from "./document-read-cache.ts";
import { readDocumentRow } from "./read-document-row.ts";

export type WriteResult<T> = { document: StoredDocument<T>; changed: boolean; diff: FieldChange[] };

/**
 * The one write path for org documents: insert or replace the row, then record the revision and the
 * audit entry, all in the caller's transaction. A write that changes nothing records nothing.
 */
export async function writeDocument<K extends DocumentKind>(
  trx: Transaction<Database>,
  kind: K,
  input: {
    orgId: string;
    data: DocumentOf<K>;
    author: Actor;
    action: RevisionAction;
    now: Date;
    expectedRevision?: number;
    restoredFrom?: number;
  },
): Promise<WriteResult<DocumentOf<K>>> {
  const def = DOCUMENT_KINDS[kind];
  // Re-parsing puts keys in schema order, so equal documents serialise to equal JSON.
  const data = def.schema.parse(input.data) as DocumentOf<K>;
  const ref = data.ref;
  const existing = await readDocumentRow(trx, kind, input.orgId, ref);
  if (input.expectedRevision !== undefined && input.expectedRevision !== (existing?.revision ?? 0)) {
    throw conflict(
      `${def.label} ${ref} is at revision ${existing?.revision ?? 0}, not ${input.expectedRevision}`,
      {
        ref,
        currentRevision: existing?.revision ?? 0,
      },
    );
  }
  const json = JSON.stringify(data);
  if (existing && existing.json === json) return { document: existing.document, changed: false, diff: [] };

  invalidateOrganisationDocuments(input.orgId);
  const at = input.now.toISOString();
  const revision = (existing?.revision ?? 0) + 1;
  const id = existing?.document.id ?? randomUUID();
  const status = (data as { status: string }).status;
  if (existing) {
    await trx
      .updateTable(def.table)
      .set({ data: json, status, revision, updated_at: at })
      .where("org_id", "=", input.orgId)
      .where("id", "=", id)
      .execute();
  } else {
    await trx
      .insertInto(def.table)
      .values({ id, org_id: input.orgId, ref, status, data: json, revision, created_at: at, updated_at: at })
      .execute();
  }
  const diff = await recordRevision(trx, {
    orgId: input.orgId,
    entityType: def.entityType,
    entityId: id,
    entityRef: ref,
    revision,
    author: input.author,
    action: existing ? input.action : input.action === "import" ? "import" : "create",
    data,
    previous: existing?.document.data,
    now: input.now,
    ...(input.restoredFrom !== undefined ? { restoredFrom: input.restoredFrom } : {}),
  });
  return {
    document: {
      id,
      ref,
      revision,
      data,
      json,
      createdAt: existing?.document.createdAt ?? at,
      updatedAt: at,
    },
    changed: true,
    diff,
  };
}
