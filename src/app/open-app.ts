import type { Config } from "../config/config.schema.ts";
import { type DbHandle, migrateToLatest, openDbFromConfig } from "../db/create-db.ts";
import type { AppContext } from "./app-context.ts";
import { createLogger } from "./create-logger.ts";

export type OpenedApp = { ctx: AppContext; close: () => Promise<void> };

/** Opens the store named by the config, migrates it, and on first start loads the demo organisations. */
export async function openApp(
  config: Config,
  options: { handle?: DbHandle; loadDemo?: boolean } = {},
): Promise<OpenedApp> {
  const handle = options.handle ?? openDbFromConfig(config);
  await migrateToLatest(handle.db);
  const ctx: AppContext = Object.freeze({
    config,
    db: handle.db,
    dialect: handle.dialect,
    log: createLogger(config.logLevel),
    now: () => new Date(),
  });
  if (options.loadDemo ?? config.loadDemo) {
    // Only an empty store gets the demo, so the loader (YAML parser, importer) is imported only then.
    const any = await ctx.db.selectFrom("organisations").select("id").limit(1).executeTakeFirst();
    const { loadDemoOrganisations } = any
      ? { loadDemoOrganisations: async () => [] }
      : await import("../demo/load-demo-organisations.ts");
    const loaded = await loadDemoOrganisations(ctx);
    if (loaded.length > 0) ctx.log.info({ organisations: loaded }, "demo organisations loaded");
  }
  return { ctx, close: handle.close };
}
