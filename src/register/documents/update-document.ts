import type { Actor, AppContext } from "../../app/app-context.ts";
import { notFound, validationError } from "../../errors/app-error.ts";
import { parseOrThrow } from "../../errors/from-zod.ts";
import { todayIso } from "../today-iso.ts";
import { DOCUMENT_KINDS, type DocumentKind, type DocumentOf } from "./document-kinds.ts";
import { readDocumentRow } from "./read-document-row.ts";
import { type WriteResult, writeDocument } from "./write-document.ts";
import { inWriteTransaction } from "./write-transaction.ts";

export type UpdateDocumentInput<K extends DocumentKind> = {
  kind: K;
  orgId: string;
  ref: string;
  /** The whole new document: an update replaces, so a removed field is removed. */
  body: unknown;
  actor: Actor;
  /** Optimistic concurrency: refuse the write unless the stored revision is this one. */
  expectedRevision?: number;
};

/**
 * Replaces a register document. When the content changes and the caller left `updatedOn` as it was,
 * the CNIL "date de dernière mise à jour" moves to today: the date must follow the register, not memory.
 */
export async function updateDocument<K extends DocumentKind>(
  ctx: AppContext,
  input: UpdateDocumentInput<K>,
): Promise<WriteResult<DocumentOf<K>>> {
  const def = DOCUMENT_KINDS[input.kind];
  const data = parseOrThrow(def.schema, input.body) as DocumentOf<K>;
  if (data.ref !== input.ref) {
    throw validationError([{ path: "ref", rule: "immutable", message: `must stay "${input.ref}"` }]);
  }
  return inWriteTransaction(
    ctx,
    () => input.orgId,
    async (trx) => {
      const existing = await readDocumentRow(trx, input.kind, input.orgId, input.ref);
      if (!existing) throw notFound(def.label, input.ref);
      const before = existing.document.data as { updatedOn?: string };
      const next = data as { updatedOn?: string };
      if ("updatedOn" in def.schema.shape && next.updatedOn === before.updatedOn) {
        const probe = { ...data, updatedOn: before.updatedOn };
        if (JSON.stringify(probe) !== existing.json) next.updatedOn = todayIso(ctx.now());
      }
      return writeDocument(trx, input.kind, {
        orgId: input.orgId,
        data,
        author: input.actor,
        action: "update",
        now: ctx.now(),
        ...(input.expectedRevision !== undefined ? { expectedRevision: input.expectedRevision } : {}),
      });
    },
  );
}
