import type { AppContext } from "../../app/app-context.ts";
import { notFound } from "../../errors/app-error.ts";
import { DOCUMENT_KINDS, type DocumentKind, type DocumentOf, type StoredDocument } from "./document-kinds.ts";
import { readThroughCache } from "./document-read-cache.ts";
import { readDocumentRow } from "./read-document-row.ts";

export async function getDocument<K extends DocumentKind>(
  ctx: AppContext,
  input: { kind: K; orgId: string; ref: string },
): Promise<StoredDocument<DocumentOf<K>>> {
  const found = await readThroughCache(
    ctx.db,
    input,
    async () => (await readDocumentRow(ctx.db, input.kind, input.orgId, input.ref))?.document,
  );
  if (!found) throw notFound(DOCUMENT_KINDS[input.kind].label, input.ref);
  return found as StoredDocument<DocumentOf<K>>;
}
