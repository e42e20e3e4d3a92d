import type { Actor, AppContext } from "../../app/app-context.ts";
import { conflict } from "../../errors/app-error.ts";
import { parseOrThrow } from "../../errors/from-zod.ts";
import { todayIso } from "../today-iso.ts";
import { DOCUMENT_KINDS, type DocumentKind, type DocumentOf, type StoredDocument } from "./document-kinds.ts";
import { readDocumentRow } from "./read-document-row.ts";
import { writeDocument } from "./write-document.ts";
import { inWriteTransaction } from "./write-transaction.ts";

/** Creates a register document. `createdOn` defaults to today for the kinds that carry it. */
export async function createDocument<K extends DocumentKind>(
  ctx: AppContext,
  input: { kind: K; orgId: string; body: unknown; actor: Actor },
): Promise<StoredDocument<DocumentOf<K>>> {
  const def = DOCUMENT_KINDS[input.kind];
  const data = parseOrThrow(def.schema, input.body) as DocumentOf<K>;
  if ("createdOn" in def.schema.shape && (data as { createdOn?: string }).createdOn === undefined) {
    (data as { createdOn?: string }).createdOn = todayIso(ctx.now());
  }
  return inWriteTransaction(
    ctx,
    () => input.orgId,
    async (trx) => {
      if (await readDocumentRow(trx, input.kind, input.orgId, data.ref)) {
        throw conflict(`${def.label} ${data.ref} already exists`, { ref: data.ref });
      }
      const result = await writeDocument(trx, input.kind, {
        orgId: input.orgId,
        data,
        author: input.actor,
        action: "create",
        now: ctx.now(),
      });
      return result.document;
    },
  );
}
