import { statSync } from "node:fs";
import { availableParallelism } from "node:os";

/**
 * Input size from which `pii detect` spreads a file over worker threads by default. Each worker costs a
 * fixed ~0.3 s of CPU (V8 compiles the scanner again in its isolate) and its start; measured on this
 * 2-core machine with the CLI, two workers lost to one thread at 16 MB (0.46 s against 0.38) and won at
 * 64 MB (0.74 s against 0.93).
 */
export const AUTO_WORKERS_MIN_MIB = 48;
export const AUTO_WORKERS_MIN_BYTES = AUTO_WORKERS_MIN_MIB * 1024 * 1024;
/** Beyond this many workers the main thread, which reads and writes for all of them, is the limit. */
export const AUTO_WORKERS_MAX = 8;

/**
 * How many worker threads `--workers auto` uses: none (one thread, the streaming path) for standard input,
 * whose size is unknown and whose reader may want each answer at once, and for a file too small to repay
 * the workers' start; otherwise one per core, up to AUTO_WORKERS_MAX.
 *
 * @example chooseWorkers({ fileBytes: 1e9, cores: 2 }) // 2
 */
export function chooseWorkers(input: { fileBytes: number | undefined; cores: number }): number {
  if (input.fileBytes === undefined || input.fileBytes < AUTO_WORKERS_MIN_BYTES) return 1;
  return Math.max(1, Math.min(AUTO_WORKERS_MAX, input.cores));
}

/**
 * The threads `pii detect` runs on for `--workers` as given: a number as it is; `auto` from the input
 * file's size and this machine's cores (see chooseWorkers). `path` undefined is standard input.
 */
export function resolveWorkers(requested: number | "auto", path: string | undefined): number {
  if (requested !== "auto") return requested;
  return chooseWorkers({
    fileBytes: path === undefined ? undefined : statSync(path).size,
    cores: availableParallelism(),
  });
}
