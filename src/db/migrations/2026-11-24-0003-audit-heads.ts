// Frozen in time: this file must never import application code.
import { type Kysely, sql } from "kysely";

/**
 * The head of each audit chain, kept beside the entries and moved in the same transaction as each
 * append: without it, deleting the newest entries of a chain leaves a chain that still verifies.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("audit_heads")
    .addColumn("chain", "text", (c) => c.primaryKey())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .execute();
  await sql`
    insert into audit_heads (chain, seq, hash)
    select a.chain, a.seq, a.hash from audit_entries a
    where a.seq = (select max(b.seq) from audit_entries b where b.chain = a.chain)
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("audit_heads").execute();
}
