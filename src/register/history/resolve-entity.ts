import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { notFound } from "../../errors/app-error.ts";
import { DOCUMENT_KINDS, type EntityType, kindOfEntityType } from "../documents/document-kinds.ts";

/** Finds the id of an organisation's entity from its type and ref; history follows ids, not refs. */
export async function resolveEntityId(
  db: Kysely<Database>,
  input: { orgId: string; entityType: EntityType; ref: string },
): Promise<string> {
  if (input.entityType === "organisation") return input.orgId;
  const kind = kindOfEntityType(input.entityType);
  if (!kind) throw notFound("entity type", input.entityType);
  const row = await db
    .selectFrom(DOCUMENT_KINDS[kind].table)
    .select("id")
    .where("org_id", "=", input.orgId)
    .where("ref", "=", input.ref)
    .executeTakeFirst();
  if (!row) throw notFound(DOCUMENT_KINDS[kind].label, input.ref);
  return row.id;
}
