import type { AppContext } from "../../app/app-context.ts";
import { notFound } from "../../errors/app-error.ts";
import type { EntityType } from "../documents/document-kinds.ts";
import { type RevisionSummary, toRevisionSummary } from "./list-history.ts";
import { resolveEntityId } from "./resolve-entity.ts";

export async function getRevision(
  ctx: AppContext,
  input: { orgId: string; entityType: EntityType; ref: string; revision: number },
): Promise<RevisionSummary & { data: unknown }> {
  const entityId = await resolveEntityId(ctx.db, input);
  const row = await ctx.db
    .selectFrom("revisions")
    .selectAll()
    .where("org_id", "=", input.orgId)
    .where("entity_id", "=", entityId)
    .where("revision", "=", input.revision)
    .executeTakeFirst();
  if (!row) throw notFound("revision", `${input.ref}@${input.revision}`);
  return { ...toRevisionSummary(row), data: JSON.parse(row.data) };
}
