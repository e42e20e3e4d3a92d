// Frozen in time: this file must never import application code.
import type { Kysely } from "kysely";

/**
 * Data subject requests. What identifies a person (name, addresses, their message) is sealed
 * (AES-256-GCM, see src/crypto) in `*_sealed` columns; the columns beside it are what the workflow
 * filters and sorts on, and hold no personal data. `requester_lookup` is a keyed hash of the normalised
 * e-mail, so duplicates are found without storing the address in clear.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("requests")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organisations.id").onDelete("restrict"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("lang", "text", (c) => c.notNull())
    .addColumn("received_at", "text", (c) => c.notNull())
    .addColumn("received_on", "text", (c) => c.notNull())
    .addColumn("due_on", "text", (c) => c.notNull())
    .addColumn("original_due_on", "text", (c) => c.notNull())
    .addColumn("extension", "text")
    .addColumn("identity_status", "text", (c) => c.notNull())
    .addColumn("requester_sealed", "text", (c) => c.notNull())
    .addColumn("requester_lookup", "text")
    .addColumn("activity_refs", "text", (c) => c.notNull())
    .addColumn("duplicate_of", "text")
    .addColumn("assignee_sealed", "text")
    .addColumn("outcome", "text")
    .addColumn("external", "text")
    .addColumn("overdue_at", "text")
    .addColumn("answered_at", "text")
    .addColumn("closed_at", "text")
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("requests_org_number_unique", ["org_id", "number"])
    .execute();
  await db.schema.createIndex("requests_org_status").on("requests").columns(["org_id", "status"]).execute();
  await db.schema.createIndex("requests_open_due").on("requests").columns(["status", "due_on"]).execute();
  await db.schema
    .createIndex("requests_org_lookup")
    .on("requests")
    .columns(["org_id", "requester_lookup"])
    .execute();

  // The request's timeline: transitions, notes, letters, reminders. `data` holds no personal data;
  // what may (a note's text) is in `data_sealed`.
  await db.schema
    .createTable("request_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("request_id", "text", (c) => c.notNull().references("requests.id").onDelete("cascade"))
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("data_sealed", "text")
    .addUniqueConstraint("request_events_seq_unique", ["request_id", "seq"])
    .execute();

  await db.schema
    .createTable("request_attachments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("request_id", "text", (c) => c.notNull().references("requests.id").onDelete("cascade"))
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("name_sealed", "text", (c) => c.notNull())
    .addColumn("media_type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("content_sealed", "text", (c) => c.notNull())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("request_attachments_request")
    .on("request_attachments")
    .columns(["request_id"])
    .execute();

  // The other side of a request: the controller a processor forwards to, or the processors a controller
  // instructs. One row per counterpart, with its own status and answer.
  await db.schema
    .createTable("request_parties")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("request_id", "text", (c) => c.notNull().references("requests.id").onDelete("cascade"))
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("party_ref", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("target_org_id", "text")
    .addColumn("remote_request_id", "text")
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addColumn("answered_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("request_parties_unique", ["request_id", "role", "party_ref"])
    .execute();

  // Outgoing mail of the rights workflow, written in the same transaction as the change that causes it
  // (a transactional outbox): a crash between the commit and the SMTP call loses no letter.
  await db.schema
    .createTable("request_mails")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("request_id", "text", (c) => c.references("requests.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("dedupe_key", "text", (c) => c.unique())
    .addColumn("message_sealed", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .execute();
  await db.schema
    .createIndex("request_mails_due")
    .on("request_mails")
    .columns(["status", "next_attempt_at"])
    .execute();

  await db.schema
    .createTable("rights_settings")
    .addColumn("org_id", "text", (c) => c.primaryKey().references("organisations.id").onDelete("restrict"))
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("rights_settings").execute();
  await db.schema.dropTable("request_mails").execute();
  await db.schema.dropTable("request_parties").execute();
  await db.schema.dropTable("request_attachments").execute();
  await db.schema.dropTable("request_events").execute();
  await db.schema.dropTable("requests").execute();
}
