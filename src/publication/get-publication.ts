import type { AppContext } from "../app/app-context.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import { resolveOrganisation } from "../register/organisations/resolve-organisation.ts";
import { toPublicationWithSnapshot } from "./publication-record.ts";
import type { PublicationWithSnapshot } from "./publication-types.ts";

/**
 * One published version with its snapshot; `number` unset means the latest. NOT_FOUND when the organisation
 * does not exist, has published nothing yet, or has no such version.
 */
export async function getPublication(
  ctx: AppContext,
  input: { slug: string; number?: number | undefined },
): Promise<PublicationWithSnapshot> {
  const org = await resolveOrganisation(ctx.db, input.slug);
  if (!org) throw notFound("organisation", input.slug);
  let query = ctx.db.selectFrom("publications").selectAll().where("org_id", "=", org.id);
  query =
    input.number === undefined
      ? query.orderBy("number", "desc").limit(1)
      : query.where("number", "=", input.number);
  const row = await query.executeTakeFirst();
  if (!row) throw noPublication(input.slug, input.number);
  return toPublicationWithSnapshot(row);
}

/** The number of the latest publication, or undefined: the cheap query the public pages poll. */
export async function latestPublicationNumber(ctx: AppContext, orgId: string): Promise<number | undefined> {
  const row = await ctx.db
    .selectFrom("publications")
    .select((eb) => eb.fn.max("number").as("n"))
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  return row?.n === null || row?.n === undefined ? undefined : Number(row.n);
}

export function noPublication(slug: string, number?: number): AppError {
  const version = number === undefined ? "" : ` ${number}`;
  return new AppError("NOT_FOUND", `no published version${version} for organisation ${slug}`, {
    userMessage: {
      fr: number === undefined ? `« ${slug} » n'a encore rien publié.` : `La version ${number} n'existe pas.`,
      en:
        number === undefined
          ? `"${slug}" has not published anything yet.`
          : `Version ${number} does not exist.`,
    },
    details: { entity: "publication", key: `${slug}${version}` },
  });
}
