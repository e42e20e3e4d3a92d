import type { Actor, AppContext } from "../../app/app-context.ts";
import { conflict } from "../../errors/app-error.ts";
import { parseOrThrow } from "../../errors/from-zod.ts";
import { Organisation } from "../model/organisation.schema.ts";
import type { StoredOrganisation } from "./organisation-record.ts";
import { writeOrganisation } from "./write-organisation.ts";

export async function createOrganisation(
  ctx: AppContext,
  input: { body: unknown; actor: Actor },
): Promise<StoredOrganisation> {
  const data = parseOrThrow(Organisation, input.body);
  return ctx.db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom("organisations")
      .select("id")
      .where("slug", "=", data.slug)
      .executeTakeFirst();
    if (taken) throw conflict(`organisation ${data.slug} already exists`, { slug: data.slug });
    const result = await writeOrganisation(trx, {
      data,
      author: input.actor,
      action: "create",
      now: ctx.now(),
    });
    return result.organisation;
  });
}
