import type { AppContext } from "../app/app-context.ts";
import { importRegister } from "../register/io/import-register.ts";
import { readDemoRegisters } from "./read-demo-registers.ts";

export const DEMO_ACTOR = "system:demo";

/**
 * Loads the demo organisations (the seed documents as registers) into an empty store. A store that
 * already holds any organisation is left alone, so a restart never undoes a user's edits.
 */
export async function loadDemoOrganisations(ctx: AppContext): Promise<string[]> {
  const any = await ctx.db.selectFrom("organisations").select("id").limit(1).executeTakeFirst();
  if (any) return [];
  const loaded: string[] = [];
  for (const register of readDemoRegisters()) {
    const summary = await importRegister(ctx, { body: register, actor: DEMO_ACTOR });
    loaded.push(summary.organisation.slug);
  }
  return loaded;
}
