// Frozen in time: this file must never import application code.
import type { Kysely } from "kysely";

/**
 * The scheduler looks for built packages past their download period every minute: without this index each
 * look read every attachment of every request (sealed files included) on PostgreSQL and SQLite alike.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("request_attachments_expiry")
    .on("request_attachments")
    .columns(["purpose", "source", "org_id", "created_at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("request_attachments_expiry").execute();
}
