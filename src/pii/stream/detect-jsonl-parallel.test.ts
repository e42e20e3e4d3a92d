import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { test } from "node:test";
import { generateCorpus } from "../../../test/fixtures/pii/generate-corpus.ts";
import { detectJsonlParallel } from "./detect-jsonl-parallel.ts";
import { type DetectFormat, detectLine, detectSerialiser } from "./detect-lines.ts";
import { processJsonl } from "./process-jsonl.ts";

/** Pieces of 256 KB: the inputs below cross many piece boundaries without being large. */
const PIECE = 256 * 1024;

type Outcome = { out: string; errors: Array<[number, string]>; lines: number; malformed: number };

/** The input as reads of an awkward size, as a file or a pipe would deliver it. */
function reads(bytes: Buffer, size = 7_001): Readable {
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.subarray(i, i + size));
  return Readable.from(pieces);
}

async function single(bytes: Buffer, format: DetectFormat = "jsonl"): Promise<Outcome> {
  let out = "";
  const errors: Array<[number, string]> = [];
  const r = await processJsonl({
    input: reads(bytes),
    write: (c) => {
      out += c;
    },
    reportError: (l, reason) => errors.push([l, reason]),
    handle: (line) => detectLine(line, "auto"),
    serialise: detectSerialiser(format),
  });
  return { out, errors, ...r };
}

async function parallel(
  bytes: Buffer,
  workers: number,
  format: DetectFormat = "jsonl",
  slotBytes: number | undefined = PIECE,
): Promise<Outcome> {
  let out = "";
  const errors: Array<[number, string]> = [];
  let writes = 0;
  const r = await detectJsonlParallel({
    input: reads(bytes),
    // As a slow pipe would: the bytes are read only after a delay, and must not have changed by then.
    write: async (chunk) => {
      writes++;
      const copy = Buffer.from(chunk);
      await new Promise((resolve) => setTimeout(resolve, writes % 3));
      assert.ok(copy.equals(chunk), "output bytes stay untouched until the write resolves");
      out += copy.toString("utf8");
    },
    reportError: (l, reason) => errors.push([l, reason]),
    lang: "auto",
    format,
    workers,
    slotBytes,
  });
  assert.ok(writes > 0);
  return { out, errors, ...r };
}

test("over several workers: the same output, in order, and malformed lines under their file line numbers", async () => {
  const messages = generateCorpus(16_000, 21).map((m) => m.text);
  const lines: string[] = [];
  messages.forEach((text, i) => {
    if (i % 997 === 13)
      lines.push(`{"id": ${i}, "text": "tronqué`); // not JSON
    else if (i % 1_499 === 7)
      lines.push(JSON.stringify({ id: i, text: 42 })); // wrong type
    else if (i % 701 === 0)
      lines.push("   "); // blank: counted, not answered
    else lines.push(JSON.stringify({ id: i, text, ...(i % 3 === 0 ? { lang: "fr" } : {}) }));
  });
  // Mixed line ends: "\r\n" in the first third, a lone "\r" for a stretch, "\n" elsewhere.
  const text = lines.map((l, i) => l + (i < 3_000 ? "\r\n" : i >= 5_000 && i < 5_400 ? "\r" : "\n")).join("");
  const bytes = Buffer.from(text);
  assert.ok(bytes.length > 4 * PIECE, "several pieces");

  const expected = await single(bytes);
  assert.ok(expected.malformed > 10);
  for (const workers of [2, 3]) {
    const got = await parallel(bytes, workers);
    assert.equal(got.out, expected.out, `output with ${workers} workers`);
    assert.deepEqual(got.errors, expected.errors, "the same line numbers and reasons");
    assert.equal(got.lines, expected.lines);
    assert.equal(got.malformed, expected.malformed);
  }
  const defaultPieces = await parallel(bytes, 2, "jsonl", undefined);
  assert.equal(defaultPieces.out, expected.out, "with the default piece size");
  assert.deepEqual(defaultPieces.errors, expected.errors);
  const textFormat = await parallel(bytes, 2, "text");
  assert.equal(textFormat.out, (await single(bytes, "text")).out, "--format text too");
});

test("a line longer than a piece, a file of lone \\r line ends, no final line break", async () => {
  const long = JSON.stringify({ id: "long", text: `Jean Dupont, 06 12 34 56 78. ${"é ".repeat(200_000)}` });
  const short = (i: number) => JSON.stringify({ id: i, text: `mail ${i}: personne${i}@exemple.fr` });
  const crOnly = Array.from({ length: 12_000 }, (_, i) => short(i)).join("\r");
  for (const text of [`${short(1)}\n${long}\n${short(2)}`, crOnly]) {
    const bytes = Buffer.from(text);
    const expected = await single(bytes);
    const got = await parallel(bytes, 2);
    assert.equal(got.out, expected.out);
    assert.equal(got.lines, expected.lines);
  }
});

test("a file read straight into the shared slots, and pieces whose answers outgrow their output slot", async () => {
  // Every 7 bytes an e-mail address: each answer line is several times longer than its input line, so a
  // 256 KB piece answers more than its 1 MB output slot holds and the rest travels in the message.
  const dense = Array.from({ length: 1_200 }, (_, i) =>
    JSON.stringify({ id: i, text: Array.from({ length: 60 }, (_, k) => `a${k}@b.fr`).join(" ") }),
  );
  const ordinary = generateCorpus(3_000, 5).map((m, i) => JSON.stringify({ id: `m${i}`, text: m.text }));
  const bytes = Buffer.from(`${[...ordinary, ...dense, ...dense, ...ordinary].join("\n")}\n`);
  const expected = await single(bytes);
  const denseBytes = Buffer.from(`${dense.join("\n")}\n`);
  const denseOut = (await single(denseBytes)).out.length;
  assert.ok(denseOut / denseBytes.length > 4.5, "a dense piece answers more than 4 times its size");
  const dir = mkdtempSync(join(tmpdir(), "gardien-jsonl-"));
  try {
    const path = join(dir, "in.jsonl");
    writeFileSync(path, bytes);
    const chunks: Buffer[] = [];
    const r = await detectJsonlParallel({
      input: { path },
      write: (chunk) => void chunks.push(Buffer.from(chunk)),
      reportError: () => assert.fail("no malformed line"),
      lang: "auto",
      format: "jsonl",
      workers: 2,
      slotBytes: PIECE,
    });
    assert.equal(Buffer.concat(chunks).toString("utf8"), expected.out);
    assert.equal(r.lines, expected.lines);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("lines the workers read from their bytes and lines they parse give the single thread's output", async () => {
  const shapes = [
    (i: number, t: string) => JSON.stringify({ id: i, text: t }),
    (i: number, t: string) => `{ "text" : ${JSON.stringify(t)} , "id" : "n°${i}", "lang": "en" }`,
    (i: number, t: string) => JSON.stringify({ id: `a\\"${i}`, text: `${t} "quoted"` }),
    (i: number, t: string) => `{"id":${i}.5,"text":${JSON.stringify(t)}}`,
    (i: number, t: string) => `{"id":-0,"text":${JSON.stringify(t)},"meta":{"k":${i}}}`,
    (i: number, t: string) => `{"id":${i},"text":${JSON.stringify(t)},"id":"again"}`,
    (i: number, t: string) => `{"id":${i},"text":${JSON.stringify(t)},"lang":"de"}`,
    (i: number) => `{"id":${i},"text":["not a string"]}`,
  ];
  const lines = generateCorpus(4_000, 8).map((m, i) => shapes[i % shapes.length]!(i, m.text));
  const bytes = Buffer.concat([
    Buffer.from(`${lines.join("\n")}\n`),
    Buffer.from('{"id":"bad-utf8","text":"Jean Dupont '),
    Buffer.from([0xc3, 0x28, 0xff]),
    Buffer.from(' jean@exemple.fr"}\r\n'),
  ]);
  const expected = await single(bytes);
  assert.ok(expected.malformed >= 500);
  const got = await parallel(bytes, 2);
  assert.equal(got.out, expected.out);
  assert.deepEqual(got.errors, expected.errors);
  assert.equal(got.lines, expected.lines);
});
