// Frozen in time: this file must never import application code.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per organisation that uses the AI gateway. The upstream API key is sealed (AES-256-GCM,
  // bound to the organisation id); `operators` is a JSON object of entity type → operator.
  await db.schema
    .createTable("ai_gateway_settings")
    .addColumn("org_id", "text", (c) => c.primaryKey().references("organisations.id").onDelete("restrict"))
    .addColumn("upstream_url", "text", (c) => c.notNull())
    .addColumn("api_key_sealed", "text")
    .addColumn("default_model", "text")
    .addColumn("activity_ref", "text")
    .addColumn("operators", "text", (c) => c.notNull())
    .addColumn("timeout_ms", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  // What the gateway replaced, counted per organisation, UTC day and entity type: counts only, never
  // a value nor a message. entity_type "*" holds the day's totals (every call, every replacement).
  await db.schema
    .createTable("ai_gateway_usage")
    .addColumn("org_id", "text", (c) => c.notNull().references("organisations.id").onDelete("restrict"))
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("replacements", "integer", (c) => c.notNull())
    .addColumn("requests", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("ai_gateway_usage_pk", ["org_id", "day", "entity_type"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("ai_gateway_usage").execute();
  await db.schema.dropTable("ai_gateway_settings").execute();
}
