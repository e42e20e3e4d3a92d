import assert from "node:assert/strict";
import { test } from "node:test";
import { generateCorpus } from "../../../test/fixtures/pii/generate-corpus.ts";
import { generateTraffic } from "../../../test/fixtures/pii/generate-traffic.ts";
import { detect } from "../detect.ts";
import { createDetectPool } from "./create-detect-pool.ts";
import { decodeEntitiesInto, EntityPacker } from "./encode-entities.ts";

test("the worker pool returns what detect returns, in input order", async () => {
  const texts = Array.from({ length: 3000 }, (_, i) =>
    i % 3 === 0
      ? `Bonjour Marie, appelez le 06 12 34 56 ${String(i % 100).padStart(2, "0")}`
      : i % 3 === 1
        ? `n° ${i}`
        : `😀 jean${i}@exemple.fr`,
  );
  const pool = createDetectPool({ size: 2 });
  try {
    const got = await pool.detectBatch(texts, { lang: "fr" });
    assert.equal(got.length, texts.length);
    assert.deepEqual(
      got,
      texts.map((t) => detect(t, { lang: "fr" })),
    );
    assert.deepEqual(await pool.detectBatch([]), []);
  } finally {
    await pool.close();
  }
});

test("the worker pool equals single-thread detect on the generated corpora, with batches in parallel", async () => {
  const traffic = generateTraffic(6000, 11, 0.3);
  const dense = generateCorpus(3000, 12).map((m) => m.text);
  const pool = createDetectPool({ size: 2 });
  try {
    // Three batches at once: their jobs share one queue and must not mix.
    const [a, b, c] = await Promise.all([
      pool.detectBatch(traffic),
      pool.detectBatch(dense, { lang: "en" }),
      pool.detectBatch(dense.slice(0, 10)),
    ]);
    assert.deepEqual(
      a,
      traffic.map((t) => detect(t)),
    );
    assert.deepEqual(
      b,
      dense.map((t) => detect(t, { lang: "en" })),
    );
    assert.deepEqual(
      c,
      dense.slice(0, 10).map((t) => detect(t)),
    );
  } finally {
    await pool.close();
  }
  await assert.rejects(pool.detectBatch(["x"]), /closed/);
});

test("with the caller's thread helping, the same results, in order, for batches in parallel", async () => {
  const traffic = generateTraffic(8000, 13, 0.3);
  const dense = generateCorpus(2000, 14).map((m) => m.text);
  const pool = createDetectPool({ size: 1, callerThread: true });
  try {
    const [a, b] = await Promise.all([pool.detectBatch(traffic), pool.detectBatch(dense, { lang: "fr" })]);
    assert.deepEqual(
      a,
      traffic.map((t) => detect(t)),
    );
    assert.deepEqual(
      b,
      dense.map((t) => detect(t, { lang: "fr" })),
    );
  } finally {
    await pool.close();
  }
});

test("closing the pool while a batch runs rejects that batch instead of leaving it waiting", async () => {
  const pool = createDetectPool({ size: 1 });
  const texts = generateCorpus(3_000, 3).map((m) => m.text);
  const running = assert.rejects(pool.detectBatch([...texts, ...texts, ...texts]), /detect pool closed/);
  await pool.close();
  await running;
  await assert.rejects(pool.detectBatch(["x"]), /closed/);
});

test("packed entities decode to what was encoded", () => {
  const results = [
    [],
    [{ type: "EMAIL" as const, start: 3, end: 20, score: 0.99 }],
    [
      { type: "PERSON" as const, start: 0, end: 4, score: 0.7 },
      { type: "DATE_OF_BIRTH" as const, start: 9, end: 19, score: 0.9 },
    ],
  ];
  const packer = new EntityPacker();
  packer.reset(results.length);
  for (const [i, entities] of results.entries()) packer.add(i, entities);
  const decoded: (typeof results)[number][] = [];
  decodeEntitiesInto(packer.finish(), results.length, decoded, 0);
  assert.deepEqual(decoded, results);
});
