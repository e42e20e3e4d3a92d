import assert from "node:assert/strict";
import { test } from "node:test";
import type { AppContext } from "./app-context.ts";
import { createBackgroundRunner } from "./create-background-runner.ts";

function fakeContext(warnings: string[]): AppContext {
  const log = { warn: (_obj: unknown, msg: string) => void warnings.push(msg) };
  return { db: {}, log } as unknown as AppContext;
}

test("calls during a run fold into one more pass; a failure is logged, never thrown", async () => {
  const warnings: string[] = [];
  const ctx = fakeContext(warnings);
  let passes = 0;
  let release: () => void = () => {};
  const runner = createBackgroundRunner("job failed", async () => {
    passes++;
    if (passes === 1) await new Promise<void>((r) => (release = r));
  });
  const first = runner(ctx);
  const burst = [runner(ctx), runner(ctx), runner(ctx)];
  release();
  await Promise.all([first, ...burst]);
  assert.equal(passes, 2, "one pass, then one more for the whole burst");
  await runner(ctx);
  assert.equal(passes, 3, "a call after the run ends starts a new run");

  const failing = createBackgroundRunner("job failed", async () => {
    throw new Error("boom");
  });
  await failing(ctx);
  assert.deepEqual(warnings, ["job failed"]);
});

test("with a gathering window, the calls made before the first pass join it", async () => {
  const ctx = fakeContext([]);
  let passes = 0;
  const runner = createBackgroundRunner(
    "job failed",
    async () => {
      passes++;
    },
    { gatherMs: 30 },
  );
  const first = runner(ctx);
  await new Promise((r) => setTimeout(r, 5));
  const later = [runner(ctx), runner(ctx)];
  assert.equal(passes, 0, "nothing runs before the window closes");
  await Promise.all([first, ...later]);
  assert.equal(passes, 1, "one pass for every call made in the window");
});
