import type { AppContext } from "../../app/app-context.ts";
import { type StoredOrganisation, toStoredOrganisation } from "./organisation-record.ts";

/** Lists organisations, limited to the ids a caller may see when `onlyIds` is given. */
export async function listOrganisations(
  ctx: AppContext,
  input: { includeArchived?: boolean; onlyIds?: ReadonlyArray<string> } = {},
): Promise<StoredOrganisation[]> {
  let query = ctx.db.selectFrom("organisations").selectAll().orderBy("slug", "asc");
  if (!input.includeArchived) query = query.where("archived_at", "is", null);
  if (input.onlyIds) {
    if (input.onlyIds.length === 0) return [];
    query = query.where("id", "in", [...input.onlyIds]);
  }
  return (await query.execute()).map(toStoredOrganisation);
}
