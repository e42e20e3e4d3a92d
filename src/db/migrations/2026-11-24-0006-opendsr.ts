// Frozen in time: this file must never import application code.
import type { Kysely } from "kysely";

/**
 * OpenDSR 2.0 between organisations: each organisation's signing key pair (the private key sealed), the
 * peers it exchanges requests with (another Gardien or OpenDSR server, or another organisation of this
 * Gardien), the requests exchanged with them, and an outbox of signed HTTP messages (requests, status
 * callbacks) written in the same transaction as the change that causes them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One key pair per organisation. `key_id` is the base64url SHA-256 of the public key (SPKI DER): peers
  // name the key they signed with by it.
  await db.schema
    .createTable("opendsr_keys")
    .addColumn("org_id", "text", (c) => c.primaryKey().references("organisations.id").onDelete("restrict"))
    .addColumn("key_id", "text", (c) => c.notNull().unique())
    .addColumn("algorithm", "text", (c) => c.notNull())
    .addColumn("public_key", "text", (c) => c.notNull())
    .addColumn("private_key_sealed", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  // Counterparts registered by staff. `kind` remote: an OpenDSR server (base URL + public key, key_id its
  // fingerprint); local: another organisation of this Gardien (local_org_id). `relation` is what the peer
  // is to the organisation (its controller, or its processor); `register_refs` the register entries it is.
  await db.schema
    .createTable("opendsr_peers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organisations.id").onDelete("restrict"))
    .addColumn("ref", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("relation", "text", (c) => c.notNull())
    .addColumn("register_refs", "text", (c) => c.notNull())
    .addColumn("base_url", "text")
    .addColumn("public_key", "text")
    .addColumn("key_id", "text")
    .addColumn("local_org_id", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("opendsr_peers_org_ref_unique", ["org_id", "ref"])
    .execute();
  await db.schema.createIndex("opendsr_peers_key").on("opendsr_peers").columns(["key_id"]).execute();
  await db.schema
    .createIndex("opendsr_peers_local_org")
    .on("opendsr_peers")
    .columns(["local_org_id"])
    .execute();

  // One row per OpenDSR request exchanged with a peer: `inbound` (the peer sent it, `request_id` is the
  // request it created here) or `outbound` (sent for `party_id`). The identities as received are sealed.
  await db.schema
    .createTable("opendsr_exchanges")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("peer_id", "text", (c) => c.notNull().references("opendsr_peers.id").onDelete("restrict"))
    .addColumn("direction", "text", (c) => c.notNull())
    .addColumn("subject_request_id", "text", (c) => c.notNull())
    .addColumn("request_id", "text", (c) => c.notNull().references("requests.id").onDelete("cascade"))
    .addColumn("party_id", "text")
    .addColumn("body_sha256", "text")
    .addColumn("identities_sealed", "text")
    .addColumn("callback_urls", "text", (c) => c.notNull())
    .addColumn("remote_status", "text")
    .addColumn("notified_status", "text")
    .addColumn("expected_completion_time", "text")
    .addColumn("results_url", "text")
    .addColumn("polled_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("opendsr_exchanges_unique", ["org_id", "peer_id", "direction", "subject_request_id"])
    .execute();
  await db.schema
    .createIndex("opendsr_exchanges_request")
    .on("opendsr_exchanges")
    .columns(["request_id"])
    .execute();

  // Signed HTTP messages to send: requests to peers and status callbacks. The body may name the person
  // (identities), so it is sealed; `deliverOpenDsrOutbox` signs and sends it, with retries.
  await db.schema
    .createTable("opendsr_outbox")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("exchange_id", "text", (c) =>
      c.notNull().references("opendsr_exchanges.id").onDelete("cascade"),
    )
    .addColumn("request_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("body_sealed", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .execute();
  await db.schema
    .createIndex("opendsr_outbox_due")
    .on("opendsr_outbox")
    .columns(["status", "next_attempt_at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("opendsr_outbox").execute();
  await db.schema.dropTable("opendsr_exchanges").execute();
  await db.schema.dropTable("opendsr_peers").execute();
  await db.schema.dropTable("opendsr_keys").execute();
}
