import assert from "node:assert/strict";
import type { AppContext } from "../../app/app-context.ts";
import { extendRequest } from "../extension/extend-request.ts";
import type { Tracked } from "./simulation-types.ts";

/** Runs `work` over `items`, at most `limit` at a time (PostgreSQL overlaps them; SQLite queues them). */
export async function inPool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/** The letters helper's extension (Art. 12(3)): new due date, timeline event, notice to the person queued. */
export async function extendInSimulation(
  tracked: Tracked,
  ctx: AppContext,
  extraMonths: 1 | 2,
): Promise<void> {
  const { request } = await extendRequest(ctx, {
    orgId: tracked.orgId,
    requestId: tracked.id,
    actor: "simulation",
    input: { extraMonths, reason: "Votre demande porte sur plusieurs années d'archives." },
  });
  assert.equal(request.originalDueOn, tracked.originalDueOn);
}
