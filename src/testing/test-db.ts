import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { type DbHandle, migrateToLatest, openDb } from "../db/create-db.ts";

/** The PostgreSQL server the suite runs against, when set. Without it the suite runs on SQLite only. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

let announced = false;
function announceDialect(): void {
  if (announced) return;
  announced = true;
  if (!TEST_DATABASE_URL) {
    console.log(
      "# TEST_DATABASE_URL is not set: store tests ran on embedded SQLite only; PostgreSQL was skipped",
    );
  }
}

/**
 * A migrated, empty store for one test. On PostgreSQL each test gets its own schema, named after the
 * test, so tests never see each other's rows and can run in parallel; it is dropped on close.
 */
export async function createTestDb(name = "test"): Promise<DbHandle> {
  announceDialect();
  if (!TEST_DATABASE_URL) {
    const handle = openDb({ kind: "sqlite", path: ":memory:" });
    await migrateToLatest(handle.db);
    return handle;
  }
  const digest = createHash("sha256").update(name).digest("hex").slice(0, 8);
  const schema = `t_${digest}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const handle = openDb({ kind: "postgres", url: TEST_DATABASE_URL, schema, poolSize: 4 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
