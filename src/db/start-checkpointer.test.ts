import assert from "node:assert/strict";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { test } from "node:test";
import type { NodeSqlite } from "./node-sqlite-database.ts";
import { openNodeSqlite } from "./node-sqlite-database.ts";
import { startCheckpointer } from "./start-checkpointer.ts";

async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function commitRows(sqlite: NodeSqlite, n: number, from = 0): void {
  for (let i = from; i < from + n; i++) {
    sqlite.prepare("begin").run([]);
    sqlite.prepare("insert into t (n, pad) values (?, ?)").run([i, "x".repeat(2000)]);
    sqlite.prepare("commit").run([]);
  }
}

test("a file store copies its WAL back on a worker thread once it is busy, and none for a short command", async () => {
  const dir = mkdtempSync(join(tmpdir(), "gardien-ckpt-"));
  const path = join(dir, "g.sqlite");
  const sqlite = openNodeSqlite(path);
  try {
    sqlite.prepare("create table t (n integer primary key, pad text)").run([]);
    commitRows(sqlite, 20);
    assert.equal(sqlite.checkpointer?.started, false, "a few commits start no thread");

    commitRows(sqlite, 400, 20);
    assert.equal(sqlite.checkpointer?.started, true);
    const backstop = sqlite.prepare("PRAGMA wal_autocheckpoint").all([]) as Array<Record<string, number>>;
    assert.equal(Object.values(backstop[0]!)[0], 10_000, "the main connection keeps a backstop only");
    await until(() => (sqlite.checkpointer?.lastBackfilled() ?? 0) > 0, "a checkpoint by the worker");

    // What the worker copied is in the database file itself: a reader that ignores the WAL sees it.
    await until(() => {
      const snapshot = new DatabaseSync(path, { readOnly: true });
      try {
        const pages = (snapshot.prepare("PRAGMA page_count").get() as { page_count: number }).page_count;
        const size = (snapshot.prepare("PRAGMA page_size").get() as { page_size: number }).page_size;
        return pages * size <= statSync(path).size;
      } finally {
        snapshot.close();
      }
    }, "pages written to the database file");
  } finally {
    sqlite.close();
    // Resolves once the worker has closed its connection and exited.
    await sqlite.stopBackground();
  }
  assert.equal(sqlite.checkpointer?.started, false);
  // Stopped cleanly: the file opens again with every row.
  const reopened = new DatabaseSync(path);
  try {
    const row = reopened.prepare("select count(*) as n from t").get() as { n: number };
    assert.equal(row.n, 420);
  } finally {
    reopened.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a checkpoint worker that cannot run hands the threshold back to the main connection", async () => {
  const calls: string[] = [];
  const { promise, resolve } = Promise.withResolvers<void>();
  const checkpointer = startCheckpointer(join(tmpdir(), "gardien-no-such-dir", "x", "store.db"), {
    startAfterCommits: 1,
    onStart: () => calls.push("start"),
    onFail: () => {
      calls.push("fail");
      resolve();
    },
  });
  checkpointer.noteCommit();
  await promise;
  assert.deepEqual(calls, ["start", "fail"]);
  assert.equal(checkpointer.started, false);
  await checkpointer.stop();
});
