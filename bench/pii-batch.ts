import { loadavg } from "node:os";
import { generateTraffic } from "../test/fixtures/pii/generate-traffic.ts";
import { buildCorpus, cpuParallelism, jsonlThroughputs } from "./pii.ts";
import { fmt } from "./stats.ts";

/**
 * Batch mode alone (the last rows of `npm run bench -- pii`), for working on the worker pool: the traffic
 * corpus three times over as a JSONL file, in one thread and over 1 and 2 workers, median of 5 runs each.
 */
export async function run(): Promise<void> {
  const corpus = buildCorpus(generateTraffic(20_000, 99, 0.3));
  const before = await cpuParallelism();
  const jsonl = await jsonlThroughputs(corpus, 5);
  const after = await cpuParallelism();
  console.table([
    {
      measure: `one thread, ${fmt(jsonl.fileMB, 0)} MB JSONL, MB/s`,
      value: fmt(jsonl.inThread, 1),
      goal: "",
    },
    { measure: "--workers 1, MB/s", value: fmt(jsonl.one, 1), goal: "" },
    {
      measure: "--workers 2, MB/s",
      value: fmt(jsonl.two, 1),
      goal: `×${fmt(jsonl.two / jsonl.one, 2)} one worker (goal ≥ 1.8), ×${fmt(jsonl.two / jsonl.inThread, 2)} one thread`,
    },
    {
      measure: "cores available (2 spinning workers vs 1)",
      value: `×${fmt(before, 2)} before, ×${fmt(after, 2)} after`,
      goal: "2",
    },
  ]);
  console.log(
    `load average: ${loadavg()
      .map((l) => fmt(l, 2))
      .join(", ")}`,
  );
}
