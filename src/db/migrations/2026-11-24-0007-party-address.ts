// Frozen in time: this file must never import application code.
import type { Kysely } from "kysely";

/**
 * The sealed e-mail address of a controller reached by e-mail. Its party ref is a keyed hash of the
 * address; without the address, `keys rotate` could not recompute that ref under the new key, and once the
 * retired key is dropped a second forward to the same address would no longer be recognised.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("request_parties").addColumn("address_sealed", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("request_parties").dropColumn("address_sealed").execute();
}
