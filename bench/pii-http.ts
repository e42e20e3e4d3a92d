import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { autoPiiWorkers } from "../src/pii/pool/create-batch-detector.ts";
import { generateTraffic } from "../test/fixtures/pii/generate-traffic.ts";
import { fmt, median, printTable } from "./stats.ts";

const ROOT = join(import.meta.dirname, "..");
const ROUNDS = 3;
const LOAD_MS = Number(process.env.BENCH_DURATION_S ?? 4) * 1000;
const SENDERS = 2;
const PROBE_EVERY_MS = 10;

type Server = { url: string; child: ChildProcess };

/** `gardien serve` on a free port, as `npm start` runs it, with its own process and event loop. */
async function startServer(env: NodeJS.ProcessEnv, workers: string, warmup = true): Promise<Server> {
  const child = spawn(
    process.execPath,
    [
      "bin/gardien.js",
      "serve",
      "--host",
      "127.0.0.1",
      "--port",
      "0",
      "--pii-workers",
      workers,
      "--pii-warmup",
      String(warmup),
    ],
    { cwd: ROOT, env, stdio: ["ignore", "pipe", "inherit"] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on("exit", (code) => reject(new Error(`gardien serve exited (${code}): ${out}`)));
  });
  return { url, child };
}

async function stopServer(server: Server): Promise<void> {
  const exited = new Promise((resolve) => server.child.on("exit", resolve));
  server.child.kill("SIGTERM");
  await exited;
}

/**
 * The first large batch a fresh server gets, in ms: with the pool started on that batch (`--pii-warmup
 * false`), and 2 s after listening with the pool warmed at start (the default); then the same batch once
 * the server has scanned three (steady).
 */
async function firstBatch(env: NodeJS.ProcessEnv, token: string, batch: string, warmup: boolean) {
  const server = await startServer(env, "auto", warmup);
  try {
    if (warmup) await new Promise((resolve) => setTimeout(resolve, 2000));
    const timed = async () => {
      const t0 = performance.now();
      await post(server.url, token, batch);
      return performance.now() - t0;
    };
    const first = await timed();
    await timed();
    await timed();
    return { first, steady: await timed() };
  } finally {
    await stopServer(server);
  }
}

async function post(url: string, token: string, body: string): Promise<void> {
  const res = await fetch(`${url}/api/v1/pii/detect`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body,
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`detect answered ${res.status}: ${text.slice(0, 200)}`);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Senders post large batches back to back for LOAD_MS while a probe posts one short message every 10 ms:
 * the batches' throughput, and how long the probe waited (what any other client of the server waits).
 */
async function underLoad(url: string, token: string, batch: string, textBytes: number, probe: string) {
  const latencies: number[] = [];
  let batches = 0;
  const until = performance.now() + LOAD_MS;
  const started = performance.now();
  const senders = Array.from({ length: SENDERS }, async () => {
    while (performance.now() < until) {
      await post(url, token, batch);
      batches++;
    }
  });
  const probing = (async () => {
    while (performance.now() < until) {
      const t0 = performance.now();
      await post(url, token, probe);
      latencies.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
    }
  })();
  await Promise.all([...senders, probing]);
  const seconds = (performance.now() - started) / 1000;
  return {
    mbs: (batches * textBytes) / 1e6 / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: Math.max(...latencies),
  };
}

/**
 * The personal-data API under large batches: `gardien serve` with its batches scanned on the event loop
 * (`--pii-workers 0`, the baseline) and on worker threads (`auto`, and one per core), in the same run,
 * servers started in turn. Two clients post 1,000-item batches (2.7 MB) back to back; a third posts one
 * short message every 10 ms and times its answers. Also the first batch a fresh server gets, with and
 * without the pool warmed at start. Figures are medians over the rounds.
 */
export async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "gardien-bench-pii-http-"));
  const env = {
    ...process.env,
    GARDIEN_DATA_DIR: dataDir,
    GARDIEN_LOAD_DEMO: "false",
    LOG_LEVEL: "silent",
  };
  try {
    const created = spawnSync(
      process.execPath,
      ["bin/gardien.js", "token", "create", "--admin", "--name", "bench"],
      {
        cwd: ROOT,
        env,
        encoding: "utf8",
      },
    );
    if (created.status !== 0) throw new Error(`token create failed: ${created.stderr}`);
    const token = created.stdout.trim();

    // 1,000 texts of ~5 KB, each a run of everyday messages with personal data in some (the traffic mix).
    const messages = generateTraffic(24_000, 5, 0.3);
    const texts: string[] = [];
    for (let i = 0; i < 1_000; i++) texts.push(messages.slice(i * 24, i * 24 + 24).join("\n"));
    const textBytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
    const batch = JSON.stringify({ items: texts.map((text, i) => ({ id: String(i), text })) });
    const probe = JSON.stringify({ text: messages[0] });

    const cores = availableParallelism();
    const modes = [
      { name: "event loop (--pii-workers 0)", workers: "0" },
      { name: `worker threads (--pii-workers auto: ${autoPiiWorkers(cores)})`, workers: "auto" },
      { name: `one per core (--pii-workers ${cores})`, workers: String(cores) },
    ];
    const results = new Map(modes.map((m) => [m.name, [] as Array<Awaited<ReturnType<typeof underLoad>>>]));
    const idle = new Map(modes.map((m) => [m.name, [] as number[]]));
    const cold: number[] = [];
    const warmed: number[] = [];
    const steady: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const c = await firstBatch(env, token, batch, false);
      const w = await firstBatch(env, token, batch, true);
      cold.push(c.first);
      warmed.push(w.first);
      steady.push(c.steady, w.steady);
      for (const mode of modes) {
        const server = await startServer(env, mode.workers);
        try {
          // Warm-up: JIT on the server's threads, the pool's start, connections.
          for (let i = 0; i < 3; i++) await post(server.url, token, batch);
          const quiet: number[] = [];
          for (let i = 0; i < 50; i++) {
            const t0 = performance.now();
            await post(server.url, token, probe);
            quiet.push(performance.now() - t0);
          }
          idle.get(mode.name)!.push(percentile(quiet, 50));
          results.get(mode.name)!.push(await underLoad(server.url, token, batch, textBytes, probe));
        } finally {
          await stopServer(server);
        }
      }
    }

    const summary = modes.map((mode) => {
      const runs = results.get(mode.name)!;
      return {
        mode: mode.name,
        mbs: median(runs.map((r) => r.mbs)),
        p50: median(runs.map((r) => r.p50)),
        p99: median(runs.map((r) => r.p99)),
        max: median(runs.map((r) => r.max)),
        idle: median(idle.get(mode.name)!),
      };
    });
    const [base, pooled] = summary as [(typeof summary)[0], (typeof summary)[0], (typeof summary)[0]];
    console.log(
      `pii-http: ${SENDERS} clients posting batches of 1,000 texts (${fmt(textBytes / 1e6, 1)} MB of text, ` +
        `${fmt(Buffer.byteLength(batch) / 1e6, 1)} MB of JSON) for ${LOAD_MS / 1000} s while a probe posts one ` +
        `${Buffer.byteLength(probe)}-byte message every ${PROBE_EVERY_MS} ms; medians of ${ROUNDS} rounds`,
    );
    printTable(
      summary.map((s) => ({
        mode: s.mode,
        "batches, MB/s of text": fmt(s.mbs, 1),
        "probe idle p50, ms": fmt(s.idle, 2),
        "probe under load p50, ms": fmt(s.p50, 1),
        "p99, ms": fmt(s.p99, 1),
        "max, ms": fmt(s.max, 1),
      })),
    );
    console.log(
      `auto against the event loop: batches ×${fmt(pooled.mbs / base.mbs, 2)}, ` +
        `probe p50 ×${fmt(pooled.p50 / base.p50, 2)}, p99 ×${fmt(pooled.p99 / base.p99, 2)} (lower is better)`,
    );
    const steadyMs = median(steady);
    console.log(
      `first batch after start (auto): ${fmt(median(cold), 0)} ms with the pool started on it ` +
        `(×${fmt(median(cold) / steadyMs, 2)} steady), ${fmt(median(warmed), 0)} ms after --pii-warmup ` +
        `(×${fmt(median(warmed) / steadyMs, 2)}); steady ${fmt(steadyMs, 0)} ms (fourth batch)`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
