import assert from "node:assert/strict";
import { test } from "node:test";
import { generateCorpus } from "../../../test/fixtures/pii/generate-corpus.ts";
import { detect } from "../detect.ts";
import type { Entity } from "../entity.ts";
import { serialiseDetected } from "./detect-lines.ts";
import { detectedBytesBound, writeDetected } from "./write-detected.ts";

test("the bytes written are serialiseDetected's line, within the bound announced", () => {
  const out = Buffer.alloc(1 << 20, 0xaa);
  const cases: Array<{ id: string | number; entities: Entity[] }> = generateCorpus(400, 3).map((m, i) => ({
    id: i % 2 === 0 ? i * 7919 : `msg-${i}`,
    entities: detect(m.text),
  }));
  cases.push(
    { id: -12, entities: [] },
    { id: "x", entities: [{ type: "EMAIL", start: 2 ** 53 - 1, end: 2 ** 53 - 1, score: 0.123456789 }] },
    { id: 0, entities: [{ type: "POSTAL_ADDRESS", start: 0, end: 10, score: 1 }] },
  );
  let at = 0;
  for (const c of cases) {
    const idBytes = Buffer.from(JSON.stringify(c.id));
    const end = writeDetected(out, at, idBytes, 0, idBytes.length, c.entities);
    assert.equal(out.toString("utf8", at, end), `${serialiseDetected(c)}\n`);
    assert.ok(end - at <= detectedBytesBound(idBytes.length, c.entities.length));
    at = end;
  }
  assert.equal(out[at], 0xaa, "nothing written past the end");
});
