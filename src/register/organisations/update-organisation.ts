import type { Actor, AppContext } from "../../app/app-context.ts";
import { notFound } from "../../errors/app-error.ts";
import { parseOrThrow } from "../../errors/from-zod.ts";
import { Organisation } from "../model/organisation.schema.ts";
import { writeOrganisation } from "./write-organisation.ts";

/** Replaces the organisation's data; a different slug in the body renames it (links to the old slug break). */
export async function updateOrganisation(
  ctx: AppContext,
  input: { slug: string; body: unknown; actor: Actor; expectedRevision?: number },
) {
  const data = parseOrThrow(Organisation, input.body);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("organisations")
      .select("id")
      .where("slug", "=", input.slug)
      .executeTakeFirst();
    if (!row) throw notFound("organisation", input.slug);
    return writeOrganisation(trx, {
      data,
      author: input.actor,
      action: "update",
      now: ctx.now(),
      currentSlug: input.slug,
      ...(input.expectedRevision !== undefined ? { expectedRevision: input.expectedRevision } : {}),
    });
  });
}
