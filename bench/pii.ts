import { createRequire } from "node:module";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { detect } from "../src/pii/detect.ts";
import { createDetectPool } from "../src/pii/pool/create-detect-pool.ts";
import { pseudonymise } from "../src/pii/pseudonymise.ts";
import { redact } from "../src/pii/redact.ts";
import { createVault } from "../src/pii/vault/create-vault.ts";
import { generateCorpus } from "../test/fixtures/pii/generate-corpus.ts";
import { generateTraffic } from "../test/fixtures/pii/generate-traffic.ts";
import { fmt, median } from "./stats.ts";

const RUNS = 5;
const CORPUS_MB = 50;
const COMPETITOR_MB = 4;

type Texts = { texts: string[]; bytes: number };

/**
 * ≥ 50 MB of messages (UTF-8 bytes), cycling over 20,000 distinct generated ones. The strings go through
 * JSON once, as they would arrive from a file, a socket or a database: concatenated (rope) strings are
 * several times slower to read character by character in V8, and no input Gardien reads is one.
 */
function buildCorpus(unique: string[]): Texts {
  unique = JSON.parse(JSON.stringify(unique)) as string[];
  const texts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < CORPUS_MB * 1e6; i++) {
    const t = unique[i % unique.length]!;
    texts.push(t);
    bytes += Buffer.byteLength(t);
  }
  return { texts, bytes };
}

function prefix(corpus: Texts, mb: number): Texts {
  const texts: string[] = [];
  let bytes = 0;
  for (const t of corpus.texts) {
    if (bytes >= mb * 1e6) break;
    texts.push(t);
    bytes += Buffer.byteLength(t);
  }
  return { texts, bytes };
}

function mbps(bytes: number, ms: number): number {
  return bytes / 1e6 / (ms / 1000);
}

function timeSync(corpus: Texts, fn: (t: string) => unknown, runs = RUNS): number {
  fn(corpus.texts[0]!);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    for (const t of corpus.texts) fn(t);
    times.push(performance.now() - start);
  }
  return mbps(corpus.bytes, median(times));
}

/**
 * MB/s of each function over the corpus, median of `runs`; the runs are interleaved (one pass of each in
 * turn), so a burst of load from other processes slows all of them alike. A promise result is awaited.
 */
async function interleaved(
  corpus: Texts,
  contenders: Array<{ name: string; fn: (t: string) => unknown }>,
  runs: number,
): Promise<Map<string, number>> {
  const times = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  for (const c of contenders) await c.fn(corpus.texts[0]!);
  for (let r = 0; r < runs; r++) {
    for (const c of contenders) {
      const start = performance.now();
      for (const t of corpus.texts) {
        const out = c.fn(t);
        if (out instanceof Promise) await out;
      }
      times.get(c.name)!.push(performance.now() - start);
    }
  }
  return new Map(contenders.map((c) => [c.name, mbps(corpus.bytes, median(times.get(c.name)!))]));
}

async function timePseudonymise(corpus: Texts): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const vault = createVault();
    const start = performance.now();
    // Conversations of 20 messages, forgotten when they end, as a gateway would.
    for (let i = 0; i < corpus.texts.length; i++) {
      const scope = `c${Math.floor(i / 20)}`;
      await pseudonymise(corpus.texts[i]!, { vault, scope });
      if (i % 20 === 19) await vault.forget(scope);
    }
    times.push(performance.now() - start);
  }
  return mbps(corpus.bytes, median(times));
}

/** p50/p99/p99.9 of one detect call on messages of 150–250 bytes, in microseconds. */
function latency(corpus: Texts): { p50: number; p99: number; p999: number; n: number } {
  const sample = corpus.texts.filter((t) => {
    const b = Buffer.byteLength(t);
    return b >= 150 && b <= 250;
  });
  const samples: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const t of sample) {
      const s = process.hrtime.bigint();
      detect(t);
      samples.push(Number(process.hrtime.bigint() - s) / 1000);
    }
  }
  samples.sort((a, b) => a - b);
  const q = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!;
  return { p50: q(0.5), p99: q(0.99), p999: q(0.999), n: samples.length };
}

type Redactor = { redact: (t: string) => string };

function loadCompetitors(): Array<{ name: string; redactor?: Redactor; error?: string }> {
  const require = createRequire(import.meta.url);
  const out: Array<{ name: string; redactor?: Redactor; error?: string }> = [];
  try {
    const { SyncRedactor } = require("redact-pii") as { SyncRedactor: new () => Redactor };
    out.push({ name: "redact-pii 3.4.0 (SyncRedactor.redact)", redactor: new SyncRedactor() });
  } catch (e) {
    out.push({ name: "redact-pii", error: (e as Error).message });
  }
  try {
    const { Redactor } = require("@redactpii/node") as { Redactor: new () => Redactor };
    out.push({ name: "@redactpii/node 1.0.17 (Redactor.redact)", redactor: new Redactor() });
  } catch (e) {
    out.push({ name: "@redactpii/node", error: (e as Error).message });
  }
  return out;
}

const SPIN = `const { parentPort } = require("node:worker_threads");
parentPort.on("message", () => { let x = 0; for (let i = 0; i < 2e8; i++) x = (x + i * 7) % 1000003; parentPort.postMessage(x); });`;

/**
 * How many cores this process really gets: the time of one spinning worker over the time each of two
 * take together. On a shared 2-core machine the other core may be busy, which caps any pool's scaling.
 */
async function cpuParallelism(): Promise<number> {
  const time = async (n: number) => {
    const workers = Array.from({ length: n }, () => new Worker(SPIN, { eval: true }));
    const start = performance.now();
    await Promise.all(
      workers.map(
        (w) =>
          new Promise((r) => {
            w.once("message", r);
            w.postMessage(0);
          }),
      ),
    );
    const ms = performance.now() - start;
    await Promise.all(workers.map((w) => w.terminate()));
    return ms;
  };
  const one = await time(1);
  return (2 * one) / (await time(2));
}

/**
 * MB/s of a 1-worker and a 2-worker pool over the corpus, median of 5 runs each, interleaved (one run of
 * each in turn) so that load from other processes falls on both; the pools exist together but only one
 * works at a time.
 */
async function poolThroughputs(corpus: Texts): Promise<{ one: number; two: number }> {
  const pools = [createDetectPool({ size: 1 }), createDetectPool({ size: 2 })];
  try {
    // Warm-up: workers load and JIT.
    for (const pool of pools) await pool.detectBatch(corpus.texts.slice(0, 50_000));
    const times: number[][] = [[], []];
    for (let r = 0; r < RUNS; r++) {
      for (let k = 0; k < pools.length; k++) {
        const start = performance.now();
        await pools[k]!.detectBatch(corpus.texts);
        times[k]!.push(performance.now() - start);
      }
    }
    return { one: mbps(corpus.bytes, median(times[0]!)), two: mbps(corpus.bytes, median(times[1]!)) };
  } finally {
    await Promise.all(pools.map((pool) => pool.close()));
  }
}

/**
 * Throughput of detection alone and of detection plus pseudonymisation on ≥ 50 MB of generated messages,
 * single thread, median of 5 runs; p99 latency per ~200-byte message; the same corpus through redact-pii
 * and @redactpii/node (on a 4 MB prefix: they are slow); detection again while the process retains a
 * 100 MB heap; and a worker pool on the machine's cores.
 */
export async function run(): Promise<void> {
  const startLoad = loadavg()
    .map((l) => fmt(l, 2))
    .join(", ");
  // Traffic: 30 % of messages from the labelled corpus, the rest everyday sentences (see generate-traffic.ts).
  const corpus = buildCorpus(generateTraffic(20_000, 99, 0.3));
  // Dense: every message from the labelled corpus (~1 entity or look-alike per 30 bytes), the worst case.
  const dense = buildCorpus(generateCorpus(20_000, 99).map((m) => m.text));
  console.log(
    `pii: traffic corpus ${corpus.texts.length.toLocaleString("en-GB")} messages, ${fmt(corpus.bytes / 1e6, 1)} MB; ` +
      `dense corpus ${dense.texts.length.toLocaleString("en-GB")} messages, ${fmt(dense.bytes / 1e6, 1)} MB (UTF-8); median of ${RUNS} runs`,
  );

  const detectMBs = timeSync(corpus, (t) => detect(t));
  const denseMBs = timeSync(dense, (t) => detect(t));
  const pseudoMBs = await timePseudonymise(corpus);
  const densePseudoMBs = await timePseudonymise(dense);
  const lat = latency(corpus);

  const small = prefix(corpus, COMPETITOR_MB);
  const competitors = loadCompetitors();
  // Same prefix, runs interleaved (ours, theirs, ours, …) so that load from other processes falls on all.
  const contenders: Array<{ name: string; fn: (t: string) => unknown }> = [
    { name: "detect", fn: (t) => detect(t) },
    { name: "redact", fn: (t) => redact(t) },
    ...competitors.flatMap((c) =>
      c.redactor ? [{ name: c.name, fn: (t: string) => c.redactor!.redact(t) }] : [],
    ),
  ];
  const speeds = await interleaved(small, contenders, RUNS);
  const ourDetect = speeds.get("detect")!;
  const ourRedact = speeds.get("redact")!;
  const rows: Array<Record<string, string>> = [
    {
      measure: "Gardien detect, traffic corpus, MB/s (single thread)",
      value: fmt(detectMBs, 1),
      goal: "≥ 100",
    },
    { measure: "Gardien detect, dense corpus, MB/s", value: fmt(denseMBs, 1), goal: "(worst case)" },
    { measure: "Gardien detect + pseudonymise, traffic corpus, MB/s", value: fmt(pseudoMBs, 1), goal: "" },
    { measure: "Gardien detect + pseudonymise, dense corpus, MB/s", value: fmt(densePseudoMBs, 1), goal: "" },
    {
      measure: `Gardien detect (find only) on the ${COMPETITOR_MB} MB prefix, MB/s`,
      value: fmt(ourDetect, 1),
      goal: "",
    },
    {
      measure: `Gardien redact() (detect + replace with <TYPE>, awaited) on the prefix, MB/s`,
      value: fmt(ourRedact, 1),
      goal: "",
    },
  ];
  for (const c of competitors) {
    if (!c.redactor) {
      rows.push({ measure: `${c.name}: not measured`, value: c.error ?? "", goal: "" });
      continue;
    }
    const theirs = speeds.get(c.name)!;
    const goal = c.name.startsWith("redact-pii") ? " (goal ≥ 20)" : "";
    rows.push({
      measure: `${c.name} (detect + replace), MB/s on the same prefix`,
      value: fmt(theirs, 2),
      goal: `same work: redact ×${fmt(ourRedact / theirs, 1)}${goal}; find only: detect ×${fmt(ourDetect / theirs, 1)}`,
    });
  }
  rows.push({
    measure: `detect latency per 150–250-byte message (${lat.n.toLocaleString("en-GB")} calls), µs`,
    value: `p50 ${fmt(lat.p50, 2)} · p99 ${fmt(lat.p99, 2)} · p99.9 ${fmt(lat.p999, 2)}`,
    goal: "p99 ≤ 50",
  });

  // A host process that holds 100 MB of live objects: the scanner allocates little, so GC should not bite.
  const retained: Array<{ id: number; s: string }> = [];
  for (let i = 0; i < 1_000_000; i++) retained.push({ id: i, s: `value-${i}-${"x".repeat(48)}` });
  const heapMB = process.memoryUsage().heapUsed / 1e6;
  const withHeap = timeSync(corpus, (t) => detect(t));
  rows.push({
    measure: `detect with ${fmt(heapMB, 0)} MB heap in use (1M retained objects), MB/s`,
    value: fmt(withHeap, 1),
    goal: `${fmt((withHeap / detectMBs) * 100, 0)}% of the figure without`,
  });
  retained.length = 0;

  const parallelism = await cpuParallelism();
  const { one, two } = await poolThroughputs(corpus);
  const parallelismAfter = await cpuParallelism();
  rows.push(
    { measure: "worker pool, 1 worker, MB/s", value: fmt(one, 1), goal: "" },
    {
      measure: "worker pool, 2 workers, MB/s",
      value: fmt(two, 1),
      goal: `×${fmt(two / detectMBs, 2)} single thread, ×${fmt(two / one, 2)} one worker (goal ≥ 1.8)`,
    },
    {
      measure: "cores available: 2 spinning workers vs 1 (ceiling for any pool)",
      value: `×${fmt(parallelism, 2)} before, ×${fmt(parallelismAfter, 2)} after`,
      goal: "2 on an idle 2-core machine",
    },
  );
  console.table(rows);
  console.log(
    `load average (1, 5, 15 min): ${loadavg()
      .map((l) => fmt(l, 2))
      .join(", ")} at start: ${startLoad}`,
  );
}
