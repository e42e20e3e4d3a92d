import type { Logger } from "pino";
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
  // The logger (pino) is created on first use: most CLI commands never log, and start time matters to them.
  let log: Logger | undefined;
  const ctx: AppContext = Object.freeze({
    config,
    db: handle.db,
    dialect: handle.dialect,
    get log() {
      log ??= createLogger(config.logLevel);
      return log;
    },
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
