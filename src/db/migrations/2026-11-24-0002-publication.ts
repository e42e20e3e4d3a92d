// Frozen in time: this file must never import application code.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // A publication is a frozen copy of the whole register: `snapshot` is the register file as JSON text,
  // `summary` the FR/EN change lines, `material` the changes that affect people's rights (JSON arrays).
  await db.schema
    .createTable("publications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organisations.id").onDelete("restrict"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("published_at", "text", (c) => c.notNull())
    .addColumn("author", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("snapshot", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("material", "text", (c) => c.notNull())
    .addUniqueConstraint("publications_org_number_unique", ["org_id", "number"])
    .execute();

  // Subscribers hold as little as possible: the address encrypted (AES-256-GCM), a keyed hash of the
  // normalised address for lookups, the language, the status and its dates.
  await db.schema
    .createTable("subscribers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organisations.id").onDelete("restrict"))
    .addColumn("email_hash", "text", (c) => c.notNull())
    .addColumn("email_encrypted", "text", (c) => c.notNull())
    .addColumn("lang", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("confirmed_at", "text")
    .addColumn("unsubscribed_at", "text")
    .addUniqueConstraint("subscribers_org_email_unique", ["org_id", "email_hash"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("subscribers").execute();
  await db.schema.dropTable("publications").execute();
}
