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

// Kysely's migrator introspects tables across every schema of the database; a test dropping its schema
// at that moment makes the catalogue query fail. Creating, migrating and dropping test schemas therefore
// take one advisory lock, shared by every test process.
const SCHEMA_LOCK = 7_270_001;

export async function withSchemaLock<T>(work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [SCHEMA_LOCK]);
    return await work();
  } finally {
    await client.query("select pg_advisory_unlock($1)", [SCHEMA_LOCK]).catch(() => undefined);
    await client.end();
  }
}

/** Creates and migrates a fresh schema under the lock. */
export async function createMigratedSchema(name: string): Promise<string> {
  const digest = createHash("sha256").update(name).digest("hex").slice(0, 8);
  const schema = `t_${digest}_${randomBytes(4).toString("hex")}`;
  await withSchemaLock(async () => {
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA ${schema}`);
    } finally {
      await admin.end();
    }
    const handle = openDb({ kind: "postgres", url: TEST_DATABASE_URL!, schema, poolSize: 1 });
    try {
      await migrateToLatest(handle.db);
    } finally {
      await handle.close();
    }
  });
  return schema;
}

export async function dropSchema(schema: string): Promise<void> {
  await withSchemaLock(async () => {
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } finally {
      await admin.end();
    }
  });
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
  const schema = await createMigratedSchema(name);
  const handle = openDb({ kind: "postgres", url: TEST_DATABASE_URL, schema, poolSize: 4 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await dropSchema(schema);
    },
  };
}
