import type { Logger } from "pino";
import type { Config } from "../config/config.schema.ts";
import type { Db, DbDialect } from "../db/create-db.ts";

/** What every operation receives: the store, the config, a logger, and a clock tests can set. */
export type AppContext = {
  readonly config: Config;
  readonly db: Db;
  readonly dialect: DbDialect;
  readonly log: Logger;
  readonly now: () => Date;
};

/**
 * Who performs a write, as it appears in revisions and the audit trail: `token:<id>`, `cli`, `system`.
 * Never a person's name or e-mail: the trail must hold no personal data.
 */
export type Actor = string;
