import assert from "node:assert/strict";
import { test } from "node:test";
import { splitLines } from "./split-lines.ts";

test("splitLines: \\n, \\r\\n and lone \\r end lines; the unfinished rest is left to the caller", () => {
  const cases: Array<[string, string[], number]> = [
    ["a\nb\n", ["a", "b"], 4],
    ["a\nb", ["a"], 2],
    ["a\r\nb\rc\n\nd", ["a", "b", "c", ""], 8],
    ["a\r", ["a"], 2], // a final "\r" is a break; the caller skips a "\n" that opens the next text
    ["no break", [], 0],
    ["", [], 0],
  ];
  for (const [text, lines, rest] of cases) {
    const got: string[] = [];
    assert.equal(splitLines(text, got), rest, JSON.stringify(text));
    assert.deepEqual(got, lines, JSON.stringify(text));
  }
});
