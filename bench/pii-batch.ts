import { loadavg } from "node:os";
import { generateTraffic } from "../test/fixtures/pii/generate-traffic.ts";
import { batchRows, batchThroughputs, buildCorpus, cpuParallelism } from "./pii.ts";
import { fmt } from "./stats.ts";

/**
 * Batch mode alone (the batch rows of `npm run bench -- pii`), for working on the worker pool: the traffic
 * corpus over and over as JSONL files of 180 MB and 1 GB, in one thread and over 1 and 2 workers, median
 * of 5 runs each (about 4 minutes).
 */
export async function run(): Promise<void> {
  const corpus = buildCorpus(generateTraffic(20_000, 99, 0.3));
  const before = await cpuParallelism();
  const batches = await batchThroughputs(corpus, 5);
  const after = await cpuParallelism();
  console.table([
    ...batchRows(batches),
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
