import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, sql } from "kysely";
import { AppError } from "../errors/app-error.ts";
import { MIGRATIONS } from "./migrations/index.ts";
import { openNodeSqlite } from "./node-sqlite-database.ts";
import type { Database } from "./schema.ts";

export type Db = Kysely<Database>;
export type DbDialect = "sqlite" | "postgres";

export type DbHandle = { db: Db; dialect: DbDialect; close: () => Promise<void> };

// pg is loaded only for PostgreSQL stores, so the embedded store (and `gardien lint`) starts without it.
const require = createRequire(import.meta.url);
let pgModule: typeof import("pg") | undefined;
function loadPg(): typeof import("pg") {
  if (!pgModule) {
    pgModule = require("pg") as typeof import("pg");
    // int8 (counts) come back as strings by default; every int8 of ours fits a JS number.
    pgModule.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
  }
  return pgModule;
}

export type OpenDbOptions =
  | { kind: "sqlite"; path: string }
  | { kind: "postgres"; url: string; schema?: string; poolSize?: number };

export function openDb(options: OpenDbOptions): DbHandle {
  if (options.kind === "sqlite") {
    const sqlite = openNodeSqlite(options.path);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    return {
      db,
      dialect: "sqlite",
      close: async () => {
        await db.destroy();
        await sqlite.stopBackground();
      },
    };
  }
  const pool = new (loadPg().Pool)({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    // A per-test (or per-tenant-install) schema is selected at connection time so every query lands in it.
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: "postgres", close: () => db.destroy() };
}

/** Chooses the store from the config: PostgreSQL when a postgres:// URL is set, else SQLite under the data dir. */
export function openDbFromConfig(config: { databaseUrl?: string | undefined; dataDir: string }): DbHandle {
  if (config.databaseUrl) return openDb({ kind: "postgres", url: config.databaseUrl });
  mkdirSync(config.dataDir, { recursive: true });
  return openDb({ kind: "sqlite", path: join(config.dataDir, "gardien.sqlite") });
}

/**
 * Applies pending migrations. Kysely's Migrator takes a lock (an advisory lock on PostgreSQL, the
 * single connection on SQLite) and records each migration in `kysely_migration`.
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  if (await isUpToDate(db)) return [];
  const { Migrator } = await import("kysely/migration");
  // Kysely looks for its own tables in every schema unless told which one: with several Gardien
  // schemas on one server (tests, or one per install) it would find another schema's lock table.
  const schema =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
      : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw new AppError("INTERNAL", "database migration failed", { cause: error });
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** Fast path for every start after the first: all known migrations are already recorded. */
async function isUpToDate(db: Db): Promise<boolean> {
  try {
    const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    const applied = new Set(rows.rows.map((r) => r.name));
    return Object.keys(MIGRATIONS).every((name) => applied.has(name));
  } catch {
    return false; // no migration table yet: a new store
  }
}
