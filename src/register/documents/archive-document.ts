import type { Actor, AppContext } from "../../app/app-context.ts";
import { notFound } from "../../errors/app-error.ts";
import { DOCUMENT_KINDS, type DocumentKind, type DocumentOf } from "./document-kinds.ts";
import { readDocumentRow } from "./read-document-row.ts";
import { type WriteResult, writeDocument } from "./write-document.ts";
import { inWriteTransaction } from "./write-transaction.ts";

/** Archiving keeps the document and its history: the register must show what was processed, and when. */
export async function archiveDocument<K extends DocumentKind>(
  ctx: AppContext,
  input: { kind: K; orgId: string; ref: string; actor: Actor },
): Promise<WriteResult<DocumentOf<K>>> {
  return inWriteTransaction(
    ctx,
    () => input.orgId,
    async (trx) => {
      const existing = await readDocumentRow(trx, input.kind, input.orgId, input.ref);
      if (!existing) throw notFound(DOCUMENT_KINDS[input.kind].label, input.ref);
      const data = { ...existing.document.data, status: "archived" } as DocumentOf<K>;
      return writeDocument(trx, input.kind, {
        orgId: input.orgId,
        data,
        author: input.actor,
        action: "archive",
        now: ctx.now(),
      });
    },
  );
}
