import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMigratedSchema, dropSchema, TEST_DATABASE_URL } from "./test-db.ts";

/**
 * Environment variables that point a whole Gardien process (CLI or server) at a fresh store: a temp
 * data dir for SQLite, or — when TEST_DATABASE_URL is set — a new PostgreSQL schema selected through
 * the connection string's `options`.
 */
export async function createTestStoreEnv(
  name: string,
): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), `gardien-${name}-`));
  // A PostgreSQL store needs a configured key (processes share it); tests use a fresh one each time.
  const env: Record<string, string> = {
    GARDIEN_DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    GARDIEN_SECRET_KEY: randomBytes(32).toString("base64"),
  };
  let schema: string | undefined;
  if (TEST_DATABASE_URL) {
    // Migrated here, under the schema lock, so the process under test finds it up to date.
    schema = await createMigratedSchema(`cli-${name}`);
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set("options", `-c search_path=${schema}`);
    env.DATABASE_URL = url.toString();
  }
  return {
    env,
    cleanup: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      if (schema) await dropSchema(schema);
    },
  };
}
