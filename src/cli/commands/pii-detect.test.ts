import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { runCliCapture } from "../../testing/run-cli-capture.ts";

const dir = mkdtempSync(join(tmpdir(), "gardien-pii-cli-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...argv: string[]) => runCliCapture(argv, { GARDIEN_DATA_DIR: dir });

function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

test("pii detect: one JSONL line per input line, in order, with the entity contract", async () => {
  const input = file("ok.jsonl", [
    JSON.stringify({ id: "a", text: "Appelez Jean Dupont au 06 12 34 56 78" }),
    JSON.stringify({ id: 2, text: "rien ici", lang: "fr" }),
    JSON.stringify({ id: "c", text: "mail: jean@exemple.fr", lang: "en" }),
  ]);
  const out = await cli("pii", "detect", "--input", input);
  assert.equal(out.code, 0, out.stderr);
  const lines = out.stdout
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    lines.map((l) => l.id),
    ["a", 2, "c"],
  );
  assert.deepEqual(lines[0].entities[1], { type: "PHONE", start: 23, end: 37, score: 0.9 });
  assert.deepEqual(lines[1].entities, []);
  for (const e of lines[0].entities) assert.deepEqual(Object.keys(e), ["type", "start", "end", "score"]);
});

test("pii detect: a malformed line is reported by number, without its content; later lines still run; exit 2", async () => {
  const input = file("bad.jsonl", [
    JSON.stringify({ id: 1, text: "tél 06 12 34 56 78" }),
    '{"id": 2, "text": "secret Jean Dupont 0611223344"', // truncated JSON
    JSON.stringify({ id: 3, text: 42, note: "Marie Lambert" }),
    JSON.stringify({ id: 4, text: "jean@exemple.fr" }),
  ]);
  const out = await cli("pii", "detect", "--input", input);
  assert.equal(out.code, 2);
  assert.match(out.stderr, /line 2: /);
  assert.match(out.stderr, /line 3: /);
  for (const secret of ["secret", "Jean", "0611223344", "Marie", "42"])
    assert.ok(!out.stderr.includes(secret), secret);
  assert.deepEqual(
    out.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l).id),
    [1, 4],
  );
});

test("pii detect --format text, and bad flags exit 2", async () => {
  const input = file("t.jsonl", [JSON.stringify({ id: "x", text: "06 12 34 56 78" })]);
  const out = await cli("pii", "detect", "--input", input, "--format", "text");
  assert.equal(out.stdout, "x\tPHONE 0-14 0.9\n");
  assert.equal((await cli("pii", "detect", "--lang", "de", "--input", input)).code, 2);
  assert.equal((await cli("pii", "detect", "--input", join(dir, "missing.jsonl"))).code, 2);
});

test("pii detect --workers 2 answers as one thread does, and so does auto (one thread for a small file); a bad --workers exits 2 and names the flag and rule", async () => {
  const lines = Array.from({ length: 400 }, (_, i) =>
    i === 123
      ? "{broken"
      : JSON.stringify({ id: i, text: `Jean Dupont ${i}, 06 12 34 56 ${String(i % 100).padStart(2, "0")}` }),
  );
  const input = file("w.jsonl", lines);
  const one = await cli("pii", "detect", "--input", input);
  const two = await cli("pii", "detect", "--input", input, "--workers", "2");
  assert.equal(two.code, 2, "a malformed line still ends with 2");
  assert.equal(two.stdout, one.stdout);
  assert.equal(two.stderr, one.stderr);
  assert.match(two.stderr, /line 124: /);
  const auto = await cli("pii", "detect", "--input", input, "--workers", "auto");
  assert.equal(auto.stdout, one.stdout);
  const bad = await cli("pii", "detect", "--input", input, "--workers", "0");
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--workers: expected auto or a whole number of threads from 1 to 64/);
  const hex = await cli("pii", "detect", "--input", input, "--workers", "0x10");
  assert.equal(hex.code, 2, "digits only: 0x10 is not read as 16");
  const word = await cli("pii", "detect", "--input", input, "--workers", "two");
  assert.equal(word.code, 2);
  assert.match(word.stderr, /--workers: expected auto or a whole number of threads from 1 to 64/);
});

test("pii redact and pseudonymise transform text; tokens are shared within a conversation", async () => {
  const input = file("tr.jsonl", [
    JSON.stringify({ id: 1, text: "Jean Dupont: 06 12 34 56 78", conversation: "c1" }),
    JSON.stringify({ id: 2, text: "rappeler Jean Dupont", conversation: "c1" }),
    JSON.stringify({ id: 3, text: "Marie Lambert et Jean Dupont", conversation: "c2" }),
  ]);
  const red = await cli("pii", "redact", "--input", input, "--operator", "PHONE=mask:2");
  assert.equal(red.code, 0, red.stderr);
  assert.equal(JSON.parse(red.stdout.split("\n")[0]!).text, "<PERSON>: ** ** ** ** 78");
  const ps = await cli("pii", "pseudonymise", "--input", input);
  assert.deepEqual(
    ps.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l).text),
    ["<PERSON_1>: <PHONE_1>", "rappeler <PERSON_1>", "<PERSON_1> et <PERSON_2>"],
  );
  assert.equal((await cli("pii", "redact", "--input", input, "--operator", "NAME=mask")).code, 2);
});

test("pii detect streams: output arrives before the input ends", async () => {
  const node = process.execPath;
  const child = spawn(node, [join(import.meta.dirname, "../../main.ts"), "pii", "detect"], {
    env: { ...process.env, GARDIEN_DATA_DIR: dir },
  });
  child.stdin.write(`${JSON.stringify({ id: 1, text: "06 12 34 56 78" })}\n`);
  // stdin stays open: the answer to line 1 must come without waiting for the end of the input.
  const first = await new Promise<string>((resolve) =>
    child.stdout.once("data", (d: Buffer) => resolve(d.toString())),
  );
  assert.match(first, /^\{"id":1,/);
  child.stdin.end("not json\n");
  const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? -1)));
  assert.equal(code, 2); // the second line ("xxx…") is not JSON
});

test("pii detect --workers 2 in a real process: its bytes reach a pipe whole and in order", async () => {
  const lines = Array.from({ length: 30_000 }, (_, i) =>
    JSON.stringify({
      id: i,
      text: `Écrire à Jean Dupont (jean.dupont${i}@exemple.fr), 06 12 34 56 ${i % 10}0`,
    }),
  );
  const input = file("big.jsonl", lines);
  const expected = await cli("pii", "detect", "--input", input);
  const child = spawn(
    process.execPath,
    [join(import.meta.dirname, "../../main.ts"), "pii", "detect", "--input", input, "--workers", "2"],
    { env: { ...process.env, GARDIEN_DATA_DIR: dir } },
  );
  const chunks: Buffer[] = [];
  // A slow reader: the pipe fills, and the workers' output slots must wait for it.
  child.stdout.on("data", (d: Buffer) => {
    chunks.push(d);
    child.stdout.pause();
    setTimeout(() => child.stdout.resume(), 1);
  });
  const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? -1)));
  assert.equal(code, 0);
  assert.ok(chunks.length > 10, "the output came in many pieces");
  assert.equal(Buffer.concat(chunks).toString("utf8"), expected.stdout);
});
