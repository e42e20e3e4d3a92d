import { PostgresAdapter, sql, type Transaction } from "kysely";
import type { Database } from "../../db/schema.ts";

/**
 * Serialises the writes of one organisation's requests on PostgreSQL. A timeline entry takes the next
 * `seq` of its request and the next entry of the organisation's audit chain; two transactions adding to
 * the same request at once would read the same `seq`. This is the lock the audit append and
 * createRequest take, taken before the first read. SQLite already runs one writer at a time.
 */
export async function lockRequestTimeline(trx: Transaction<Database>, orgId: string): Promise<void> {
  await lockRequestTimelines(trx, [orgId]);
}

/**
 * The timelines of several organisations, for a transaction that writes to each (one organisation of
 * this Gardien instructing or forwarding to another). Taken at the start and always in the same order:
 * taken as each write came, A instructing B (B's lock, then A's) and B forwarding to A (A's, then B's)
 * at the same moment would deadlock. The locks are re-entrant: later calls for these organisations
 * return at once.
 */
export async function lockRequestTimelines(
  trx: Transaction<Database>,
  orgIds: readonly string[],
): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const orgId of [...new Set(orgIds)].sort()) {
    await sql`select pg_advisory_xact_lock(hashtext(${`gardien-audit:${orgId}`}))`.execute(trx);
  }
}
