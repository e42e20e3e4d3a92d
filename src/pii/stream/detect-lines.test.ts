import assert from "node:assert/strict";
import { test } from "node:test";
import { generateCorpus } from "../../../test/fixtures/pii/generate-corpus.ts";
import { detectLine, serialiseDetected } from "./detect-lines.ts";

test("serialiseDetected writes exactly what JSON.stringify writes", () => {
  const ids: Array<string | number> = [
    0,
    -3,
    1.5,
    1e21,
    2 ** 53,
    "a",
    'quote " and \\ back',
    "é\u2028\n",
    "\u{1F600}",
  ];
  const messages = generateCorpus(2_000, 8);
  let withEntities = 0;
  messages.forEach((m, i) => {
    const result = detectLine({ id: ids[i % ids.length]!, text: m.text }, "auto");
    if (result.entities.length > 1) withEntities++;
    assert.equal(serialiseDetected(result), JSON.stringify(result));
  });
  assert.ok(withEntities > 500, "lines with several entities are covered");
});
