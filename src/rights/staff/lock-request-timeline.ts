import { PostgresAdapter, sql, type Transaction } from "kysely";
import type { Database } from "../../db/schema.ts";

/**
 * Serialises the writes of one organisation's requests on PostgreSQL. A timeline entry takes the next
 * `seq` of its request and the next entry of the organisation's audit chain; two transactions adding to
 * the same request at once would read the same `seq`. This is the lock the audit append and
 * createRequest take, taken before the first read. SQLite already runs one writer at a time.
 */
export async function lockRequestTimeline(trx: Transaction<Database>, orgId: string): Promise<void> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`select pg_advisory_xact_lock(hashtext(${`gardien-audit:${orgId}`}))`.execute(trx);
  }
}
