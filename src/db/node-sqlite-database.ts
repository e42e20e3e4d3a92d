import { DatabaseSync, type StatementSync } from "node:sqlite";
import type { SqliteDatabase, SqliteStatement } from "kysely";
import { type Checkpointer, startCheckpointer } from "./start-checkpointer.ts";

type Param = null | number | bigint | string | NodeJS.ArrayBufferView;

function toParams(parameters: ReadonlyArray<unknown>): Param[] {
  // node:sqlite rejects booleans and undefined; Kysely may hand us either.
  return parameters.map((p) => {
    if (p === undefined) return null;
    if (typeof p === "boolean") return p ? 1 : 0;
    return p as Param;
  });
}

class NodeSqliteStatement implements SqliteStatement {
  readonly #statement: StatementSync;
  readonly reader: boolean;

  readonly #afterRun: (() => void) | undefined;

  constructor(statement: StatementSync, afterRun?: () => void) {
    this.#statement = statement;
    this.#afterRun = afterRun;
    // A statement that yields columns is a reader (SELECT, or any statement with RETURNING).
    this.reader = statement.columns().length > 0;
  }

  all(parameters: ReadonlyArray<unknown>): unknown[] {
    return this.#statement.all(...toParams(parameters));
  }

  run(parameters: ReadonlyArray<unknown>): { changes: number | bigint; lastInsertRowid: number | bigint } {
    const result = this.#statement.run(...toParams(parameters));
    this.#afterRun?.();
    return result;
  }

  iterate(parameters: ReadonlyArray<unknown>): IterableIterator<unknown> {
    return this.#statement.iterate(...toParams(parameters));
  }
}

const STATEMENT_CACHE_SIZE = 500;
/** The main connection's own checkpoint threshold once the worker copies the WAL: a backstop only. */
const BACKSTOP_CHECKPOINT_PAGES = 10_000;

export type NodeSqlite = SqliteDatabase & {
  /** Moves WAL checkpoints off this thread (file stores only; see start-checkpointer.ts). */
  readonly checkpointer: Checkpointer | undefined;
  /** Stops the checkpoint worker; call after Kysely has closed the connection. */
  stopBackground(): Promise<void>;
};

/** Adapts Node's built-in `node:sqlite` to the better-sqlite3 shape that Kysely's SqliteDialect drives. */
export function openNodeSqlite(path: string): NodeSqlite {
  const db = new DatabaseSync(path);
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA foreign_keys = ON");
  db.exec("PRAGMA busy_timeout = 5000");
  db.exec("PRAGMA synchronous = NORMAL");
  const checkpointer =
    path !== ":memory:"
      ? startCheckpointer(path, {
          onStart: () => db.exec(`PRAGMA wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`),
          onFail: () => db.exec("PRAGMA wal_autocheckpoint = 1000"),
        })
      : undefined;
  // Kysely prepares every query anew; compiling SQL is a large share of a small read, and Gardien
  // issues the same few statements over and over. Statements are reusable on one connection.
  const cache = new Map<string, NodeSqliteStatement>();
  return {
    checkpointer,
    prepare: (sql: string) => {
      let statement = cache.get(sql);
      if (!statement) {
        // Kysely ends every transaction with this exact statement: the checkpointer counts them.
        const afterRun = sql === "commit" && checkpointer ? () => checkpointer.noteCommit() : undefined;
        statement = new NodeSqliteStatement(db.prepare(sql), afterRun);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        cache.set(sql, statement);
      }
      return statement;
    },
    close: () => {
      cache.clear();
      db.close();
    },
    stopBackground: async () => {
      await checkpointer?.stop();
    },
  };
}
