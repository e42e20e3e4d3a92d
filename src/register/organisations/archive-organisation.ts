import type { Actor, AppContext } from "../../app/app-context.ts";
import { notFound } from "../../errors/app-error.ts";
import { toStoredOrganisation } from "./organisation-record.ts";
import { writeOrganisation } from "./write-organisation.ts";

/** Archiving hides an organisation from listings; its register, history and audit chain stay intact. */
export async function archiveOrganisation(ctx: AppContext, input: { slug: string; actor: Actor }) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("organisations")
      .selectAll()
      .where("slug", "=", input.slug)
      .executeTakeFirst();
    if (!row) throw notFound("organisation", input.slug);
    return writeOrganisation(trx, {
      data: toStoredOrganisation(row).data,
      author: input.actor,
      action: "archive",
      now: ctx.now(),
      archived: true,
    });
  });
}
