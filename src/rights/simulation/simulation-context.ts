import { randomBytes } from "node:crypto";
import { createLogger } from "../../app/create-logger.ts";
import { ConfigSchema } from "../../config/config.schema.ts";
import { openDb } from "../../db/create-db.ts";
import { createTestContext, type TestContext } from "../../testing/test-context.ts";
import { createMigratedSchema, dropSchema, TEST_DATABASE_URL } from "../../testing/test-db.ts";

/**
 * The simulation's store: the usual test store on SQLite; on PostgreSQL a schema of its own whose sessions
 * run with `synchronous_commit = off`. This VM's disk takes 2.5–4 ms to flush each commit, and the simulation
 * commits some 28,000 transactions one after the other: with the flush, the run would time the disk, not
 * the workflow. Nothing else changes (a crash could lose the last commits of a schema dropped at the end).
 */
export async function createSimulationContext(smtpUrl: string): Promise<TestContext> {
  if (!TEST_DATABASE_URL) return createTestContext("rights-simulation", { smtpUrl });
  const schema = await createMigratedSchema("rights-simulation");
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set("options", `-c search_path=${schema} -c synchronous_commit=off`);
  const handle = openDb({ kind: "postgres", url: url.toString(), poolSize: 4 });
  let now = new Date("2026-11-24T09:00:00.000Z");
  const config = Object.freeze(
    ConfigSchema.parse({
      logLevel: "silent",
      loadDemo: false,
      secretKey: randomBytes(32).toString("base64"),
      smtpUrl,
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
    close: async () => {
      await handle.close();
      await dropSchema(schema);
    },
  };
}
