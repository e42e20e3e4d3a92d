import { loadavg } from "node:os";
import { generateTraffic } from "../test/fixtures/pii/generate-traffic.ts";
import { batchRows, buildCorpus, cpuParallelism, jsonlThroughputs } from "./pii.ts";
import { fmt } from "./stats.ts";

/**
 * Batch mode alone (the batch rows of `npm run bench -- pii`), for working on the worker pool: the traffic
 * corpus three times over as a JSONL file, in one thread and over 1 and 2 workers, median of 5 runs each.
 */
export async function run(): Promise<void> {
  const corpus = buildCorpus(generateTraffic(20_000, 99, 0.3));
  const before = await cpuParallelism();
  const jsonl = await jsonlThroughputs(corpus, 5);
  const after = await cpuParallelism();
  console.table([
    ...batchRows(jsonl),
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
