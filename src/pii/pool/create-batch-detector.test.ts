import assert from "node:assert/strict";
import { test } from "node:test";
import { generateCorpus } from "../../../test/fixtures/pii/generate-corpus.ts";
import { detect } from "../detect.ts";
import type { DetectLang } from "../entity.ts";
import { autoPiiWorkers, createBatchDetector } from "./create-batch-detector.ts";
import { createDetectPool } from "./create-detect-pool.ts";

const LANGS: DetectLang[] = ["fr", "en", "auto"];
/** Labelled messages (every type, and look-alikes), each with a language, the three mixed in one batch. */
const items = generateCorpus(1_500, 11).map((m, i) => ({ text: m.text, lang: LANGS[i % 3]! }));
const chars = items.reduce((n, i) => n + i.text.length, 0);
const expected = items.map((i) => detect(i.text, { lang: i.lang }));

test("a large batch goes to the workers, a small one stays on this thread; either way detect's entities, in order", async () => {
  const detector = createBatchDetector({ workers: 2, minChars: chars });
  try {
    assert.deepEqual(await detector.detectAll(items.slice(0, 100)), expected.slice(0, 100));
    assert.equal(detector.runningWorkers, 0, "no thread for a small batch");
    assert.deepEqual(await detector.detectAll(items), expected);
    assert.equal(detector.runningWorkers, 2);
    assert.deepEqual(await detector.detectAll([...items].reverse()), [...expected].reverse());
  } finally {
    await detector.close();
  }
  assert.equal(detector.runningWorkers, 0);
});

test("workers 0: everything on this thread, whatever the size", async () => {
  const detector = createBatchDetector({ workers: 0, minChars: 1 });
  assert.deepEqual(await detector.detectAll(items), expected);
  assert.equal(detector.runningWorkers, 0);
  await detector.close();
});

test("a pool that fails: the batch is answered from this thread, the failure told, the next batch gets a new pool", async () => {
  const failures: string[] = [];
  let made = 0;
  const detector = createBatchDetector({
    workers: 1,
    minChars: 1,
    onPoolFailure: (error) => failures.push(error.message),
    createPool: (size) => {
      const pool = createDetectPool({ size });
      // The first pool is closed before it is used, as when its worker died: it rejects every batch.
      if (made++ === 0) void pool.close();
      return pool;
    },
  });
  try {
    assert.deepEqual(await detector.detectAll(items.slice(0, 200)), expected.slice(0, 200));
    assert.deepEqual(failures, ["detect pool closed"]);
    assert.equal(detector.runningWorkers, 0, "the failed pool is dropped");
    assert.deepEqual(await detector.detectAll(items.slice(200, 400)), expected.slice(200, 400));
    assert.equal(made, 2);
    assert.equal(detector.runningWorkers, 1);
    assert.equal(failures.length, 1);
  } finally {
    await detector.close();
  }
});

test("auto leaves a core to the event loop: one worker on one or two cores, at most eight", () => {
  assert.deepEqual(
    [1, 2, 4, 16].map((cores) => autoPiiWorkers(cores)),
    [1, 1, 3, 8],
  );
});
