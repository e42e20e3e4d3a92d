import type { AppContext } from "../app/app-context.ts";
import { getOrganisation } from "../register/organisations/get-organisation.ts";
import { PUBLICATION_LIST_COLUMNS, toPublication } from "./publication-record.ts";
import type { Publication } from "./publication-types.ts";

/** Every published version of an organisation's register, newest first, without the snapshots. */
export async function listPublications(ctx: AppContext, input: { slug: string }): Promise<Publication[]> {
  const org = await getOrganisation(ctx, { slug: input.slug });
  const rows = await ctx.db
    .selectFrom("publications")
    .select([...PUBLICATION_LIST_COLUMNS])
    .where("org_id", "=", org.id)
    .orderBy("number", "desc")
    .execute();
  return rows.map(toPublication);
}
