import assert from "node:assert/strict";
import { test } from "node:test";
import { detect } from "../detect.ts";
import { createDetectPool } from "./create-detect-pool.ts";

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
