// Frozen in time: this file must never import application code.
import type { Kysely } from "kysely";

/**
 * An OpenDSR exchange kept a second sealed copy of all the person's identities, which nothing read:
 * what the request needs of them is sealed on the request. Exchanges stopped writing it; this drops the
 * copies that rows written before still held, and the column.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("opendsr_exchanges").dropColumn("identities_sealed").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("opendsr_exchanges").addColumn("identities_sealed", "text").execute();
}
