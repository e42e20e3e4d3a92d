import type { Kysely } from "kysely";
import type { AppContext } from "../../app/app-context.ts";
import type { Database } from "../../db/schema.ts";
import { notFound } from "../../errors/app-error.ts";
import { type StoredOrganisation, toStoredOrganisation } from "./organisation-record.ts";

export async function findOrganisation(
  db: Kysely<Database>,
  slug: string,
): Promise<StoredOrganisation | undefined> {
  const row = await db.selectFrom("organisations").selectAll().where("slug", "=", slug).executeTakeFirst();
  return row ? toStoredOrganisation(row) : undefined;
}

export async function getOrganisation(ctx: AppContext, input: { slug: string }): Promise<StoredOrganisation> {
  const org = await findOrganisation(ctx.db, input.slug);
  if (!org) throw notFound("organisation", input.slug);
  return org;
}
