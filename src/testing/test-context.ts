import { randomBytes } from "node:crypto";
import type { AppContext } from "../app/app-context.ts";
import { createLogger } from "../app/create-logger.ts";
import { type ConfigInput, ConfigSchema } from "../config/config.schema.ts";
import type { DbHandle } from "../db/create-db.ts";
import { createTestDb } from "./test-db.ts";

export type TestContext = AppContext & {
  handle: DbHandle;
  close: () => Promise<void>;
  setNow: (iso: string) => void;
};

/** A context over a fresh store (SQLite in memory, or its own PostgreSQL schema) with a settable clock. */
export async function createTestContext(
  name = "test",
  overrides: Partial<ConfigInput> = {},
): Promise<TestContext> {
  const handle = await createTestDb(name);
  let now = new Date("2026-11-24T09:00:00.000Z");
  // A key per test context: personal data gets sealed, and no key file is written under ./data.
  const config = Object.freeze(
    ConfigSchema.parse({
      logLevel: "silent",
      loadDemo: false,
      // A test server warms no worker pool unless it asks to: most never send a large batch.
      piiWarmup: false,
      secretKey: randomBytes(32).toString("base64"),
      ...overrides,
    }),
  );
  return {
    config,
    db: handle.db,
    dialect: handle.dialect,
    log: createLogger("silent"),
    now: () => new Date(now),
    setNow: (iso: string) => {
      now = new Date(iso);
    },
    handle,
    close: handle.close,
  };
}
