import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { sql } from "kysely";
import { createTestDb } from "../testing/test-db.ts";
import { migrateToLatest, openDb } from "./create-db.ts";

test("migrations create every table and are recorded once", async () => {
  const handle = await createTestDb("migrations");
  try {
    const again = await migrateToLatest(handle.db);
    assert.deepEqual(again, [], "a second run applies nothing");
    const rows = await handle.db.selectFrom("organisations").selectAll().execute();
    assert.deepEqual(rows, []);
    const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(handle.db);
    assert.deepEqual(
      applied.rows.map((r) => r.name),
      [
        "2026-11-24-0001-register",
        "2026-11-24-0002-publication",
        "2026-11-24-0003-audit-heads",
        "2026-11-24-0004-rights",
        "2026-11-24-0005-ai-gateway",
        "2026-11-24-0006-opendsr",
        "2026-11-24-0007-party-address",
        "2026-11-24-0008-extension-reason",
        "2026-11-24-0009-package-expiry-index",
        "2026-11-24-0010-drop-exchange-identities",
      ],
    );
  } finally {
    await handle.close();
  }
});

test("the SQLite file store runs in WAL mode with foreign keys enforced", async () => {
  const dir = mkdtempSync(join(tmpdir(), "gardien-db-"));
  const handle = openDb({ kind: "sqlite", path: join(dir, "g.sqlite") });
  try {
    await migrateToLatest(handle.db);
    const mode = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(handle.db);
    assert.equal(mode.rows[0]?.journal_mode, "wal");
    await assert.rejects(
      handle.db
        .insertInto("activities")
        .values({
          id: "a1",
          org_id: "missing-org",
          ref: "r",
          status: "draft",
          data: "{}",
          revision: 1,
          created_at: "2026-01-01T00:00:00Z",
          updated_at: "2026-01-01T00:00:00Z",
        })
        .execute(),
      /FOREIGN KEY/,
    );
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
