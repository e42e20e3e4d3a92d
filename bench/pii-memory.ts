import { spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { generateTraffic } from "../test/fixtures/pii/generate-traffic.ts";
import { fmt } from "./stats.ts";

/** Input sizes in MB (UTF-8 JSONL); `PII_MEMORY_MB=100,1000` overrides them. */
const SIZES = (process.env.PII_MEMORY_MB ?? "100,1000").split(",").map(Number);

/** Writes ~`mb` MB of `{"id","text"}` lines cycling over generated traffic messages. */
async function writeJsonl(file: string, mb: number): Promise<number> {
  const texts = generateTraffic(20_000, 7, 0.3);
  const out = createWriteStream(file);
  let bytes = 0;
  let id = 0;
  while (bytes < mb * 1e6) {
    let chunk = "";
    for (let k = 0; k < 2000; k++, id++)
      chunk += `${JSON.stringify({ id, text: texts[id % texts.length] })}\n`;
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve(0))),
  );
  return id;
}

// Loaded before the CLI: reports the process's peak resident set size (KB) on stderr as it exits.
const REPORT_RSS = `data:text/javascript,${encodeURIComponent(
  'process.on("exit", () => process.stderr.write("gardien-bench-maxrss " + process.resourceUsage().maxRSS + "\\n"));',
)}`;

/**
 * Runs `gardien pii detect --input FILE` in a child process whose stdout is a pipe this process reads
 * (and discards), as a downstream program would; returns its peak RSS in MB and its wall time.
 */
async function runDetect(
  file: string,
  extra: string[],
): Promise<{ rssMB: number; seconds: number; outBytes: number }> {
  const main = join(import.meta.dirname, "../bin/gardien.js");
  const start = performance.now();
  const child = spawn(
    process.execPath,
    [`--import=${REPORT_RSS}`, main, "pii", "detect", "--input", file, ...extra],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let outBytes = 0;
  child.stdout.on("data", (d: Buffer) => {
    outBytes += d.length;
  });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? -1)));
  const seconds = (performance.now() - start) / 1000;
  const m = /gardien-bench-maxrss (\d+)/.exec(stderr);
  if (code !== 0 || !m) throw new Error(`pii detect exited with ${code}: ${stderr.slice(0, 500)}`);
  return { rssMB: Number(m[1]) / 1024, seconds, outBytes };
}

/**
 * Peak memory of `gardien pii detect` on two input sizes (100 MB and 1 GB of JSONL by default), generated
 * to a temporary folder and deleted afterwards, as the CLI runs by default (files this large go to one
 * worker per core) and in one thread (`--workers 1`). Streaming means the peak does not depend on the
 * input: the goal is a ratio within 1.2 between the two sizes.
 */
export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "gardien-pii-memory-"));
  try {
    const rows: Array<Record<string, string>> = [];
    const modes = [
      { label: "default (--workers auto)", extra: [] },
      { label: "--workers 1", extra: ["--workers", "1"] },
    ];
    const peaks = new Map<string, number[]>(modes.map((m) => [m.label, []]));
    for (const mb of SIZES) {
      const file = join(dir, `input-${mb}.jsonl`);
      const lines = await writeJsonl(file, mb);
      const size = statSync(file).size;
      for (const mode of modes) {
        const r = await runDetect(file, mode.extra);
        peaks.get(mode.label)!.push(r.rssMB);
        rows.push({
          input: `${fmt(size / 1e6, 0)} MB, ${lines.toLocaleString("en-GB")} lines`,
          run: mode.label,
          "peak RSS, MB": fmt(r.rssMB, 1),
          "wall time, s": fmt(r.seconds, 1),
          "input MB/s": fmt(size / 1e6 / r.seconds, 1),
          "output, MB": fmt(r.outBytes / 1e6, 0),
        });
      }
      rmSync(file);
    }
    console.log("pii-memory: gardien pii detect --input FILE, stdout read through a pipe");
    console.table(rows);
    for (const [label, list] of peaks) {
      if (list.length < 2) continue;
      const ratio = list[list.length - 1]! / list[0]!;
      console.log(
        `${label}: peak RSS ${fmt(SIZES[SIZES.length - 1]!, 0)} MB input / ${fmt(SIZES[0]!, 0)} MB input: ×${fmt(ratio, 2)} (goal ≤ 1.2: flat)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
