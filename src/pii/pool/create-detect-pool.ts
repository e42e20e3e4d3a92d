import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { DetectLang, Entity } from "../entity.ts";
import type { DetectJob } from "./detect-worker.ts";
import { decodeEntities } from "./encode-entities.ts";

export type DetectPool = {
  /** Detects in every text, spread over the workers; results in input order. */
  detectBatch(texts: readonly string[], options?: { lang?: DetectLang }): Promise<Entity[][]>;
  close(): Promise<void>;
  readonly size: number;
};

/** Characters per job: large enough that messaging costs little, small enough to balance the workers. */
const CHUNK_CHARS = 512 * 1024;

/**
 * A pool of `node:worker_threads` running `detect`, for batch scans (files, database columns). Each job
 * carries ~512 KB of texts and comes back as one transferred Int32Array, so the main thread neither clones
 * nor allocates an object per entity while the workers scan.
 *
 * @example
 * const pool = createDetectPool({ size: 2 });
 * const results = await pool.detectBatch(rows.map((r) => r.comment));
 * await pool.close();
 */
export function createDetectPool(options: { size?: number } = {}): DetectPool {
  const size = Math.max(1, options.size ?? availableParallelism());
  const workers = Array.from(
    { length: size },
    // A larger young generation than a worker's default: detection allocates many short-lived entities.
    () =>
      new Worker(new URL("./detect-worker.ts", import.meta.url), {
        resourceLimits: { maxYoungGenerationSizeMb: 48 },
      }),
  );
  const pending = new Map<number, (packed: Int32Array) => void>();
  const load = new Array<number>(size).fill(0);
  let nextId = 0;
  workers.forEach((w, index) => {
    w.on("message", ({ id, packed }: { id: number; packed: Int32Array }) => {
      load[index]!--;
      pending.get(id)?.(packed);
      pending.delete(id);
      if (pending.size === 0) for (const x of workers) x.unref();
    });
    w.unref();
  });

  const run = (texts: string[], lang: DetectLang): Promise<Int32Array> => {
    let target = 0;
    for (let i = 1; i < size; i++) if (load[i]! < load[target]!) target = i;
    load[target]!++;
    const id = nextId++;
    const job: DetectJob = { id, texts, lang };
    // Idle workers do not keep the process alive; busy ones must, or an awaited batch would never end.
    if (pending.size === 0) for (const x of workers) x.ref();
    return new Promise((resolve) => {
      pending.set(id, resolve);
      workers[target]!.postMessage(job);
    });
  };

  return {
    size,
    async detectBatch(texts, opts = {}) {
      const lang = opts.lang ?? "auto";
      const jobs: Array<Promise<Entity[][]>> = [];
      let from = 0;
      while (from < texts.length) {
        let to = from;
        let chars = 0;
        while (to < texts.length && (chars < CHUNK_CHARS || to === from)) chars += texts[to++]!.length;
        const count = to - from;
        jobs.push(run(texts.slice(from, to), lang).then((packed) => decodeEntities(packed, count)));
        from = to;
      }
      return (await Promise.all(jobs)).flat();
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
