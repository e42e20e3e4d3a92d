import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "kysely";
import { openDb } from "../../db/create-db.ts";
import { TEST_DATABASE_URL } from "../../testing/test-db.ts";
import { lockRequestTimeline } from "./lock-request-timeline.ts";

const hash = (orgId: string) => sql<{ h: number }>`select hashtext(${`gardien-audit:${orgId}`}) as h`;

test("two organisations' timelines are locked in one order, whatever order the caller names them in", {
  skip: TEST_DATABASE_URL ? false : "TEST_DATABASE_URL is not set: PostgreSQL advisory locks not tested",
}, async () => {
  const handle = openDb({ kind: "postgres", url: TEST_DATABASE_URL!, poolSize: 4 });
  try {
    const [first, second] = [randomUUID(), randomUUID()].sort() as [string, string];
    const firstKey = (await hash(first).execute(handle.db)).rows[0]!.h;
    const secondKey = (await hash(second).execute(handle.db)).rows[0]!.h;
    // One transaction holds the second organisation; another asks for (second, first). If it locked
    // in the order given it would wait on the second without holding the first; in sorted order it
    // holds the first while it waits.
    let releaseHolder!: () => void;
    const holding = new Promise<void>((resolve) => {
      releaseHolder = resolve;
    });
    let held!: () => void;
    const holderReady = new Promise<void>((resolve) => {
      held = resolve;
    });
    const holder = handle.db.transaction().execute(async (trx) => {
      await lockRequestTimeline(trx, second);
      held();
      await holding;
    });
    await holderReady;
    const waiter = handle.db.transaction().execute((trx) => lockRequestTimeline(trx, second, first));
    // Wait until the waiter is blocked on the second organisation's lock (other test processes take
    // advisory locks of their own on this server: only this key counts).
    for (let i = 0; i < 100; i++) {
      const waiting = await sql<{ n: number }>`
          select count(*)::int as n from pg_locks
          where locktype = 'advisory' and not granted and objid::bigint = (${secondKey}::bigint & 4294967295)`.execute(
        handle.db,
      );
      if (waiting.rows[0]!.n > 0) break;
      await sleep(20);
    }
    let probe: boolean;
    try {
      probe = await handle.db.transaction().execute(async (trx) => {
        const r = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${firstKey}) as ok`.execute(
          trx,
        );
        return r.rows[0]!.ok;
      });
    } finally {
      // Whatever the probe saw, the holder lets go so that both transactions end.
      releaseHolder();
      await Promise.all([holder, waiter]);
    }
    assert.equal(probe, false, "the first organisation's lock is taken before waiting on the second");
  } finally {
    await handle.close();
  }
});
