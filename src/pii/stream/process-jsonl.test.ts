import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { test } from "node:test";
import { type JsonlOptions, processJsonl } from "./process-jsonl.ts";

type Run = { out: string; errors: Array<[number, string]>; lines: number; malformed: number };

async function run(chunks: Array<string | Buffer>, extra: Partial<JsonlOptions> = {}): Promise<Run> {
  let out = "";
  const errors: Array<[number, string]> = [];
  const { lines, malformed } = await processJsonl({
    input: Readable.from(chunks, { objectMode: true }),
    write: (chunk) => {
      out += chunk;
    },
    reportError: (line, reason) => errors.push([line, reason]),
    handle: (line) => ({ id: line.id, n: line.text.length }),
    ...extra,
  });
  return { out, errors, lines, malformed };
}

const line = (id: number | string, text: string) => JSON.stringify({ id, text });
const ids = (out: string) =>
  out
    .trimEnd()
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l).id);

test("line breaks: \\n, \\r\\n, a lone \\r, a \\r\\n split across chunks, no final break; blank lines count", async () => {
  const r = await run([
    `${line(1, "a")}\r\n${line(2, "bb")}\r`,
    `\n\n${line(3, "c")}\r${line(4, "d")}\n   \n`,
    `${line(5, "eeeee")}`,
  ]);
  assert.deepEqual(ids(r.out), [1, 2, 3, 4, 5]);
  assert.equal(r.lines, 7);
  assert.equal(r.malformed, 0);
  assert.equal(r.out.split("\n")[4], '{"id":5,"n":5}');
});

test("a line split inside a multi-byte character, and a line longer than a read chunk", async () => {
  const long = "é€😀".repeat(20_000); // ~180 KB in UTF-8, more than the 16 KB decoded at a time
  const bytes = Buffer.from(`${line("x", "aé€😀b")}\n${line("long", long)}\n${line("z", "")}\n`);
  // 7,001-byte reads cut characters of 2, 3 and 4 bytes, and the long line spans many reads.
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 7_001) pieces.push(bytes.subarray(i, i + 7_001));
  const r = await run(pieces);
  assert.deepEqual(ids(r.out), ["x", "long", "z"]);
  assert.equal(JSON.parse(r.out.split("\n")[1]!).n, long.length);
  const e = Buffer.from(line(1, "é"));
  const at = e.indexOf(0xc3) + 1; // between the two bytes of "é"
  const r2 = await run([e.subarray(0, at), e.subarray(at)]);
  assert.equal(r2.out, '{"id":1,"n":1}\n');
});

test("malformed lines are reported by number without content; valid shapes keep zod's output", async () => {
  const seen: unknown[] = [];
  const r = await run(
    [
      `${line(1, "ok")}\n{"id": 2, "text": "Jean\n[1,2]\n{"id":3,"text":"x","lang":"de"}\n`,
      `{"id":4,"text":"y","lang":"en","conversation":"c","extra":1}\n{"id":5.5e400,"text":"z"}\n`,
    ],
    {
      handle: (l) => {
        seen.push(l);
        return { id: l.id };
      },
    },
  );
  assert.deepEqual(ids(r.out), [1, 4]);
  assert.deepEqual(seen[1], { id: 4, text: "y", lang: "en", conversation: "c" });
  assert.deepEqual(
    r.errors.map(([n]) => n),
    [2, 3, 4, 6],
  );
  assert.equal(r.errors[0]![1], "not valid JSON");
  assert.match(r.errors[2]![1], /invalid: lang/);
  for (const [, reason] of r.errors) assert.ok(!reason.includes("Jean"));
});

test("an asynchronous handler keeps input order", async () => {
  const r = await run([Array.from({ length: 50 }, (_, i) => line(i, "t")).join("\n")], {
    handle: async (l) => {
      await new Promise((resolve) => setTimeout(resolve, (Number(l.id) * 7) % 3));
      return { id: l.id };
    },
  });
  assert.deepEqual(
    ids(r.out),
    Array.from({ length: 50 }, (_, i) => i),
  );
});

test("backpressure: reading waits while the output drains, so a slow reader bounds memory", async () => {
  let produced = 0;
  const chunkOf = (k: number) =>
    `${Array.from({ length: 400 }, (_, i) => line(k * 400 + i, "x".repeat(40))).join("\n")}\n`;
  async function* source() {
    for (let k = 0; k < 200; k++) {
      produced++;
      yield chunkOf(k);
    }
  }
  let release: (() => void) | undefined;
  let drains = 0;
  let out = "";
  const done = processJsonl({
    input: Readable.from(source(), { objectMode: true, highWaterMark: 1 }),
    write: (chunk) => {
      out += chunk;
    },
    drain: () => {
      drains++;
      // The first drain stalls, as a full pipe would, until the test lets it go.
      return drains === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
    },
    reportError: () => assert.fail("no malformed line"),
    handle: (l) => ({ id: l.id }),
  });
  let finished = false;
  void done.then(() => {
    finished = true;
  });
  while (release === undefined && !finished) await new Promise((resolve) => setImmediate(resolve));
  assert.ok(release, "the output's drain was never awaited");
  for (let k = 0; k < 20; k++) await new Promise((resolve) => setImmediate(resolve));
  // While the output is stalled, at most a chunk or two are read ahead of the one being written.
  assert.ok(produced <= 3, `read ${produced} chunks while the output was full`);
  release!();
  const { lines } = await done;
  assert.equal(lines, 80_000);
  assert.equal(produced, 200);
  assert.equal(out.split("\n").length - 1, 80_000);
});
