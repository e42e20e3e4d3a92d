// Frozen in time: this file must never import application code.
import type { Kysely } from "kysely";

/**
 * The reason of an extension (Art. 12(3)), sealed: staff write it freely and it may describe the person's
 * situation. It leaves `requests.extension` (a JSON column the key rotation cannot re-seal inside) for a
 * column of its own. Reasons written before this migration stay readable from the JSON.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("requests").addColumn("extension_reason_sealed", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("requests").dropColumn("extension_reason_sealed").execute();
}
