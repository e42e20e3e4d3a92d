import type { AppContext } from "../../app/app-context.ts";
import { DOCUMENT_KINDS, type DocumentKind, type DocumentOf, type StoredDocument } from "./document-kinds.ts";
import { toStoredDocument } from "./read-document-row.ts";

export type ListDocumentsInput<K extends DocumentKind> = {
  kind: K;
  orgId: string;
  /** Filter by status; archived documents are listed only when asked for. */
  status?: string;
  includeArchived?: boolean;
};

export async function listDocuments<K extends DocumentKind>(
  ctx: AppContext,
  input: ListDocumentsInput<K>,
): Promise<StoredDocument<DocumentOf<K>>[]> {
  let query = ctx.db
    .selectFrom(DOCUMENT_KINDS[input.kind].table)
    .selectAll()
    .where("org_id", "=", input.orgId)
    .orderBy("ref", "asc");
  if (input.status !== undefined) query = query.where("status", "=", input.status);
  else if (!input.includeArchived) query = query.where("status", "!=", "archived");
  const rows = await query.execute();
  return rows.map((row) => toStoredDocument(input.kind, row));
}
