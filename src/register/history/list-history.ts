import type { AppContext } from "../../app/app-context.ts";
import type { RevisionRow } from "../../db/schema.ts";
import type { EntityType } from "../documents/document-kinds.ts";
import type { FieldChange } from "./diff-documents.ts";
import { resolveEntityId } from "./resolve-entity.ts";

export type RevisionSummary = {
  revision: number;
  action: string;
  author: string;
  createdAt: string;
  restoredFrom: number | null;
  changes: FieldChange[];
};

export function toRevisionSummary(row: RevisionRow): RevisionSummary {
  return {
    revision: Number(row.revision),
    action: row.action,
    author: row.author,
    createdAt: row.created_at,
    restoredFrom: row.restored_from === null ? null : Number(row.restored_from),
    changes: JSON.parse(row.diff) as FieldChange[],
  };
}

/** The revisions of one entity, newest first, each with its field-level diff. */
export async function listHistory(
  ctx: AppContext,
  input: { orgId: string; entityType: EntityType; ref: string },
): Promise<RevisionSummary[]> {
  const entityId = await resolveEntityId(ctx.db, input);
  const rows = await ctx.db
    .selectFrom("revisions")
    .selectAll()
    .where("org_id", "=", input.orgId)
    .where("entity_id", "=", entityId)
    .orderBy("revision", "desc")
    .execute();
  return rows.map(toRevisionSummary);
}
