import type { Transaction } from "kysely";
import { lockAuditChains } from "../../audit/lock-audit-chains.ts";
import type { Database } from "../../db/schema.ts";

/**
 * Serialises the writes of an organisation's requests on PostgreSQL. A timeline entry takes the next
 * `seq` of its request and the next entry of the organisation's audit chain; two transactions adding to
 * the same request at once would read the same `seq`. It is the organisation's audit chain lock, taken
 * before the first read.
 *
 * A transaction that writes to several organisations (one organisation of this Gardien instructing or
 * forwarding to another) names them all at the start, and they are locked in one order: taken as each
 * write came, A instructing B (B's lock, then A's) and B forwarding to A (A's, then B's) at the same
 * moment would deadlock. Later calls for these organisations return at once.
 */
export async function lockRequestTimeline(trx: Transaction<Database>, ...orgIds: string[]): Promise<void> {
  await lockAuditChains(trx, orgIds);
}
