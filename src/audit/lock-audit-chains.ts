import { PostgresAdapter, sql, type Transaction } from "kysely";
import type { Database } from "../db/schema.ts";

/**
 * Serialises appends to audit chains on PostgreSQL (SQLite already runs one writer at a time): two
 * transactions appending to one chain at once would both read the same head. Several chains are locked
 * in one order, whatever order the caller names them in, so that two transactions each writing to the
 * same two chains cannot deadlock. The locks are re-entrant and held until the transaction ends.
 */
export async function lockAuditChains(trx: Transaction<Database>, chains: readonly string[]): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const chain of [...new Set(chains)].sort()) {
    await sql`select pg_advisory_xact_lock(hashtext(${`gardien-audit:${chain}`}))`.execute(trx);
  }
}
