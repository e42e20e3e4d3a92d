import type { Actor, AppContext } from "../../app/app-context.ts";
import { notFound } from "../../errors/app-error.ts";
import { parseOrThrow } from "../../errors/from-zod.ts";
import { DOCUMENT_KINDS, type EntityType, kindOfEntityType } from "../documents/document-kinds.ts";
import { writeDocument } from "../documents/write-document.ts";
import { inWriteTransaction } from "../documents/write-transaction.ts";
import { Organisation } from "../model/organisation.schema.ts";
import { writeOrganisation } from "../organisations/write-organisation.ts";
import { getRevision } from "./get-revision.ts";

/**
 * Puts an old revision back. The restore is a new revision (pointing at the one it restores), so
 * history only ever grows. The old data is validated again: the model may have moved on since.
 */
export async function restoreRevision(
  ctx: AppContext,
  input: { orgId: string; entityType: EntityType; ref: string; revision: number; actor: Actor },
): Promise<{ revision: number; changed: boolean }> {
  const old = await getRevision(ctx, input);
  return inWriteTransaction(
    ctx,
    () => input.orgId,
    async (trx) => {
      if (input.entityType === "organisation") {
        const current = await trx
          .selectFrom("organisations")
          .select("slug")
          .where("id", "=", input.orgId)
          .executeTakeFirst();
        if (!current) throw notFound("organisation", input.ref);
        const result = await writeOrganisation(trx, {
          data: parseOrThrow(Organisation, old.data),
          author: input.actor,
          action: "restore",
          now: ctx.now(),
          currentSlug: current.slug,
          restoredFrom: input.revision,
        });
        return { revision: result.organisation.revision, changed: result.changed };
      }
      const kind = kindOfEntityType(input.entityType);
      if (!kind) throw notFound("entity type", input.entityType);
      const data = parseOrThrow(DOCUMENT_KINDS[kind].schema, old.data);
      const result = await writeDocument(trx, kind, {
        orgId: input.orgId,
        data: data as never,
        author: input.actor,
        action: "restore",
        now: ctx.now(),
        restoredFrom: input.revision,
      });
      return { revision: result.document.revision, changed: result.changed };
    },
  );
}
