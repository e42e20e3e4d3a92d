import type { Transaction } from "kysely";
import type { AppContext } from "../../app/app-context.ts";
import type { Database } from "../../db/schema.ts";
import { invalidateOrganisationDocuments } from "./document-read-cache.ts";

/**
 * Runs a register write in one transaction, then forgets the organisation's cached reads once it has
 * committed. writeDocument already forgets them before the commit; doing it again after closes the
 * window in which a concurrent read (another PostgreSQL connection) could cache the older row.
 */
export async function inWriteTransaction<T>(
  ctx: AppContext,
  orgIdOf: (result: T) => string | undefined,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  const result = await ctx.db.transaction().execute(work);
  const orgId = orgIdOf(result);
  if (orgId !== undefined) invalidateOrganisationDocuments(orgId);
  return result;
}
