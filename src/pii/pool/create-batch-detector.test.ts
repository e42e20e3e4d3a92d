import assert from "node:assert/strict";
import { test } from "node:test";
import { generateCorpus } from "../../../test/fixtures/pii/generate-corpus.ts";
import { detect } from "../detect.ts";
import { type DetectLang, ENTITY_TYPES } from "../entity.ts";
import { autoPiiWorkers, createBatchDetector } from "./create-batch-detector.ts";
import { createDetectPool, type DetectPool } from "./create-detect-pool.ts";
import { warmUpTexts } from "./warm-up-texts.ts";

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

/**
 * Real pools, the first of them closed before it is used, as when its worker died: it rejects every
 * batch. `made()` counts the pools created.
 */
function firstPoolFails(): { createPool: (size: number) => DetectPool; made: () => number } {
  let made = 0;
  return {
    createPool: (size) => {
      const pool = createDetectPool({ size });
      if (made++ === 0) void pool.close();
      return pool;
    },
    made: () => made,
  };
}

test("a pool that fails: the batch is answered from this thread, the failure told, the next batch gets a new pool", async () => {
  const failures: string[] = [];
  const pools = firstPoolFails();
  const detector = createBatchDetector({
    workers: 1,
    minChars: 1,
    onPoolFailure: (error) => failures.push(error.message),
    createPool: pools.createPool,
  });
  try {
    assert.deepEqual(await detector.detectAll(items.slice(0, 200)), expected.slice(0, 200));
    assert.deepEqual(failures, ["detect pool closed"]);
    assert.equal(detector.runningWorkers, 0, "the failed pool is dropped");
    assert.deepEqual(await detector.detectAll(items.slice(200, 400)), expected.slice(200, 400));
    assert.equal(pools.made(), 2);
    assert.equal(detector.runningWorkers, 1);
    assert.equal(failures.length, 1);
  } finally {
    await detector.close();
  }
});

/** A real pool that records the batches it was given. */
function recordingPool(size: number, seen: string[][]): DetectPool {
  const pool = createDetectPool({ size });
  return {
    size: pool.size,
    close: () => pool.close(),
    detectBatch: (texts, options) => {
      seen.push([...texts]);
      return pool.detectBatch(texts, options);
    },
  };
}

test("warm starts the pool and runs the made-up texts through it; later batches use that pool", async () => {
  const seen: string[][] = [];
  let made = 0;
  const detector = createBatchDetector({
    workers: 2,
    minChars: chars,
    createPool: (size) => {
      made++;
      return recordingPool(size, seen);
    },
  });
  try {
    await detector.warm();
    assert.equal(detector.runningWorkers, 2);
    assert.ok(seen.length >= 2, "more than one round");
    const warmUp = warmUpTexts(100);
    for (const batch of seen) {
      assert.deepEqual(batch.slice(0, 100), warmUp);
      assert.ok(batch.join("").length > 1_000_000, "about a million characters a round");
    }
    const rounds = seen.length;
    assert.deepEqual(await detector.detectAll(items), expected);
    assert.equal(made, 1, "the warmed pool serves the batch");
    assert.equal(seen.length, rounds + 3, "one sub-batch per language");
  } finally {
    await detector.close();
  }
});

test("warm does nothing with workers 0, or once closed", async () => {
  let made = 0;
  const createPool = (size: number) => {
    made++;
    return createDetectPool({ size });
  };
  const none = createBatchDetector({ workers: 0, createPool });
  await none.warm();
  assert.equal(none.runningWorkers, 0);
  const closed = createBatchDetector({ workers: 1, createPool });
  await closed.close();
  await closed.warm();
  assert.equal(closed.runningWorkers, 0);
  assert.equal(made, 0);
});

test("a pool that fails while warming is told and dropped; closing while warming is not a failure", async () => {
  const failures: string[] = [];
  const failing = createBatchDetector({
    workers: 1,
    onPoolFailure: (error) => failures.push(error.message),
    createPool: firstPoolFails().createPool,
  });
  await failing.warm();
  assert.deepEqual(failures, ["detect pool closed"]);
  assert.equal(failing.runningWorkers, 0);
  await failing.warm();
  assert.equal(failing.runningWorkers, 1, "the next warm starts a new pool");
  await failing.close();

  const stopped = createBatchDetector({ workers: 1, onPoolFailure: (error) => failures.push(error.message) });
  const warming = stopped.warm();
  await stopped.close();
  await warming;
  assert.equal(failures.length, 1, "no failure told for a pool closed on purpose");
});

test("the made-up texts hold every entity type, the same ones on every call", () => {
  const texts = warmUpTexts(200);
  assert.deepEqual(texts, warmUpTexts(200));
  const found = new Set(texts.flatMap((t) => detect(t).map((e) => e.type)));
  assert.deepEqual([...found].sort(), [...ENTITY_TYPES].sort());
});

test("auto leaves a core to the event loop: one worker on one or two cores, at most eight", () => {
  assert.deepEqual(
    [1, 2, 4, 16].map((cores) => autoPiiWorkers(cores)),
    [1, 1, 3, 8],
  );
});
