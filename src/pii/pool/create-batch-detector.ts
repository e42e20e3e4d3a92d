import { availableParallelism } from "node:os";
import { detect } from "../detect.ts";
import type { DetectLang, Entity } from "../entity.ts";
import { AUTO_WORKERS_MAX } from "../stream/choose-workers.ts";
import { createDetectPool, type DetectPool } from "./create-detect-pool.ts";
import { warmUpTexts } from "./warm-up-texts.ts";

export type BatchDetector = {
  /** The entities of each text, in input order: on this thread for a small batch, else on the pool. */
  detectAll(items: ReadonlyArray<{ text: string; lang: DetectLang }>): Promise<Entity[][]>;
  /**
   * Starts the pool now and runs made-up texts through it, so the first large batch does not wait for
   * the workers to start and compile the scanner (see warm-up-texts.ts). Never rejects: a pool that fails
   * here is told to onPoolFailure and replaced on the next large batch. Nothing to do with `workers: 0`.
   */
  warm(): Promise<void>;
  /** Worker threads running now: 0 until the first large batch (or `warm`). */
  readonly runningWorkers: number;
  /** Stops the pool's workers, if any were started. */
  close(): Promise<void>;
};

/**
 * Below this many characters a batch is detected on the calling thread: about 2 ms of scanning, less
 * than what sending it to a worker and back would save.
 */
export const POOL_MIN_CHARS = 256 * 1024;

/**
 * `warm`'s work: rounds of made-up messages (about 1.2 M characters each) until a worker's scanner runs
 * at its speed. Measured (bench/pii-http, medians of 3 fresh servers, one worker): a first 2.7 MB batch
 * took 231 ms with the pool started on it, 132 ms after `warm`, 65 ms for the fourth batch; what `warm`
 * leaves is the event loop's own first parse, validation and serialisation of such a body.
 */
const WARM_UP_TEXTS = 12_000;
const WARM_UP_ROUNDS = 3;
/** Distinct texts in a round, repeated to WARM_UP_TEXTS: building 12,000 would hold the event loop ~30 ms. */
const WARM_UP_DISTINCT = 1_200;

/**
 * Detection for a server: a large batch (an HTTP body of up to 10 MB takes ~0.1 s to scan) goes to a
 * pool of worker threads, so that the event loop goes on answering other requests meanwhile; a small one
 * is scanned at once. The pool starts on the first large batch (a server that never receives one never
 * starts a thread), its idle workers do not keep the process alive, and if a worker dies the batch is
 * scanned on this thread instead and the next large batch starts a new pool: the answer does not depend on
 * the pool. `workers: 0` scans everything on the calling thread; `auto` is one
 * worker per core but one (autoPiiWorkers).
 *
 * @example
 * const detector = createBatchDetector({ workers: "auto" });
 * const entities = await detector.detectAll(items.map((i) => ({ text: i.text, lang: "auto" })));
 * await detector.close();
 */
export function createBatchDetector(
  options: {
    workers?: number | "auto";
    minChars?: number;
    onPoolFailure?: (error: Error) => void;
    createPool?: (size: number) => DetectPool;
  } = {},
): BatchDetector {
  const size =
    options.workers === "auto" || options.workers === undefined
      ? autoPiiWorkers(availableParallelism())
      : options.workers;
  const minChars = options.minChars ?? POOL_MIN_CHARS;
  const createPool = options.createPool ?? ((n: number) => createDetectPool({ size: n }));
  let pool: DetectPool | undefined;
  let closed = false;

  const dropPool = (current: DetectPool, error: unknown) => {
    if (pool === current) pool = undefined;
    void current.close();
    options.onPoolFailure?.(error as Error);
  };

  const here = (items: ReadonlyArray<{ text: string; lang: DetectLang }>) =>
    items.map((item) => detect(item.text, { lang: item.lang }));

  return {
    async detectAll(items) {
      if (size === 0) return here(items);
      let chars = 0;
      for (const item of items) chars += item.text.length;
      if (chars < minChars) return here(items);
      pool ??= createPool(size);
      const current = pool;
      try {
        // The pool takes one language per batch: one sub-batch per language, results put back in place.
        const byLang = new Map<DetectLang, number[]>();
        items.forEach((item, i) => {
          const list = byLang.get(item.lang);
          if (list) list.push(i);
          else byLang.set(item.lang, [i]);
        });
        const out = new Array<Entity[]>(items.length);
        await Promise.all(
          [...byLang].map(async ([lang, indexes]) => {
            const found = await current.detectBatch(
              indexes.map((i) => items[i]!.text),
              { lang },
            );
            indexes.forEach((at, k) => {
              out[at] = found[k]!;
            });
          }),
        );
        return out;
      } catch (error) {
        dropPool(current, error);
        return here(items);
      }
    },
    async warm() {
      if (size === 0 || closed) return;
      pool ??= createPool(size);
      const current = pool;
      const distinct = warmUpTexts(WARM_UP_DISTINCT);
      const texts = Array.from({ length: WARM_UP_TEXTS }, (_, i) => distinct[i % WARM_UP_DISTINCT]!);
      try {
        for (let round = 0; round < WARM_UP_ROUNDS; round++) await current.detectBatch(texts);
      } catch (error) {
        // Closed while warming (a server stopped at once): nothing failed.
        if (!closed) dropPool(current, error);
      }
    },
    get runningWorkers() {
      return pool?.size ?? 0;
    },
    async close() {
      closed = true;
      const current = pool;
      pool = undefined;
      await current?.close();
    },
  };
}

/**
 * The pool's size for `auto`: a core is left to the event loop, which still parses each body and writes
 * each answer. Measured with bench/pii-http on 2 cores: while two clients posted large batches, a third
 * waited 8.1 ms (median) with one worker, 14.1 ms with two, for the same batch throughput.
 */
export function autoPiiWorkers(cores: number): number {
  return Math.max(1, Math.min(cores - 1, AUTO_WORKERS_MAX));
}
