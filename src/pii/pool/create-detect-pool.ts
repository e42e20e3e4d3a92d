import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { detect } from "../detect.ts";
import type { DetectLang, Entity } from "../entity.ts";
import type { DetectJob, DetectReply } from "./detect-worker.ts";
import { decodeEntitiesInto } from "./encode-entities.ts";

export type DetectPool = {
  /** Detects in every text, spread over the workers; results in input order. */
  detectBatch(texts: readonly string[], options?: { lang?: DetectLang }): Promise<Entity[][]>;
  close(): Promise<void>;
  readonly size: number;
};

/**
 * Characters per job: large enough that messaging costs little, small enough to balance the workers. The
 * jobs shrink toward the end of a batch (to an eighth of what remains per worker), so the workers finish
 * together rather than one waiting on the other's last large job.
 */
const CHUNK_CHARS = 256 * 1024;
const MIN_CHUNK_CHARS = 16 * 1024;
/**
 * Jobs sent to one worker before it answers: the next ones are already there when it finishes one, even
 * if the main thread, sharing the cores, answers late.
 */
const IN_FLIGHT = 3;

type Batch = {
  results: Entity[][];
  remaining: number;
  resolve: (results: Entity[][]) => void;
  reject: (error: Error) => void;
};
type Job = { texts: string[]; lang: DetectLang; batch: Batch; from: number };

/**
 * A pool of `node:worker_threads` running `detect`, for batch scans (files, database columns). Jobs of
 * ~256 K characters wait in one queue and go to whichever worker has room (at most three jobs each), so a
 * worker slowed down by other work on its core gets fewer of them. Each comes back as one transferred
 * Int32Array, decoded straight into the batch's result array: the main thread's own work (sending the
 * texts, building the entity objects) stays a small share, which is what lets two workers scale.
 *
 * With `callerThread`, the calling thread detects too, between handling the workers' answers: for batch
 * jobs (a file, a table scan) where nothing else needs that thread. Not for a server's event loop, which
 * it would hold for a job at a time (about 2 ms).
 *
 * @example
 * const pool = createDetectPool({ size: 2 });
 * const results = await pool.detectBatch(rows.map((r) => r.comment));
 * await pool.close();
 */
export function createDetectPool(options: { size?: number; callerThread?: boolean } = {}): DetectPool {
  const callerThread = options.callerThread === true;
  const size = Math.max(1, options.size ?? availableParallelism() - (callerThread ? 1 : 0));
  const threads = size + (callerThread ? 1 : 0);
  const workers = Array.from(
    { length: size },
    // A larger young generation than a worker's default: detection allocates many short-lived entities.
    () =>
      new Worker(new URL("./detect-worker.ts", import.meta.url), {
        resourceLimits: { maxYoungGenerationSizeMb: 48 },
      }),
  );
  const queue: Job[] = [];
  let queueHead = 0;
  /** Jobs sent to each worker, in the order it answers them. */
  const sent: Job[][] = workers.map(() => []);
  let inFlight = 0;
  let nextId = 0;
  let closed = false;
  /** Set when a worker died: the pool answers nothing more. */
  let broken: Error | undefined;

  const dispatch = () => {
    for (let w = 0; w < size && queueHead < queue.length; w++) {
      while (sent[w]!.length < IN_FLIGHT && queueHead < queue.length) {
        const job = queue[queueHead]!;
        queue[queueHead++] = undefined as unknown as Job;
        if (inFlight++ === 0) for (const x of workers) x.ref();
        sent[w]!.push(job);
        const message: DetectJob = { id: nextId++, texts: job.texts, lang: job.lang };
        workers[w]!.postMessage(message);
      }
    }
    if (queueHead === queue.length) {
      queue.length = 0;
      queueHead = 0;
    }
  };

  const fail = (error: Error) => {
    broken ??= error;
    const batches = new Set<Batch>();
    for (const list of sent) for (const job of list.splice(0)) batches.add(job.batch);
    for (let k = queueHead; k < queue.length; k++) batches.add(queue[k]!.batch);
    queue.length = 0;
    queueHead = 0;
    inFlight = 0;
    for (const b of batches) b.reject(error);
    // The other workers' answers would find no job to match: stop them.
    for (const x of workers) void x.terminate();
  };

  /** Runs one queued job on this thread, straight into its batch (nothing to encode or decode). */
  const runHere = () => {
    const job = queue[queueHead]!;
    queue[queueHead++] = undefined as unknown as Job;
    const options = { lang: job.lang };
    const { texts, batch, from } = job;
    for (let i = 0; i < texts.length; i++) batch.results[from + i] = detect(texts[i]!, options);
    batch.remaining -= texts.length;
    if (batch.remaining === 0) batch.resolve(batch.results);
  };

  /**
   * The caller's thread takes jobs from the same queue while its batch runs, yielding between jobs so the
   * workers' answers are handled and they are fed. On two cores a pool of one worker plus the caller
   * uses both, where two workers would leave the caller's messaging to steal from one of them.
   */
  const help = async (batch: Batch) => {
    while (batch.remaining > 0 && queueHead < queue.length && !broken) {
      runHere();
      if (batch.remaining > 0) await new Promise((resolve) => setImmediate(resolve));
    }
  };

  workers.forEach((w, index) => {
    w.on("message", ({ packed }: DetectReply) => {
      const job = sent[index]!.shift();
      if (job === undefined) return; // an answer that arrived after the pool failed
      // Idle workers do not keep the process alive; busy ones must, or an awaited batch would never end.
      if (--inFlight === 0) for (const x of workers) x.unref();
      dispatch();
      const batch = job.batch;
      decodeEntitiesInto(packed, job.texts.length, batch.results, job.from);
      batch.remaining -= job.texts.length;
      if (batch.remaining === 0) batch.resolve(batch.results);
    });
    w.on("error", (error) => fail(error));
    // A worker that stops without an error (killed, out of memory) would leave its jobs unanswered.
    w.on("exit", (code) => {
      if (!closed) fail(new Error(`detect worker stopped (exit code ${code})`));
    });
    w.unref();
  });

  return {
    size,
    detectBatch(texts, opts = {}) {
      if (closed) return Promise.reject(new Error("detect pool closed"));
      if (broken) return Promise.reject(broken);
      const lang = opts.lang ?? "auto";
      if (texts.length === 0) return Promise.resolve([]);
      const { promise, resolve, reject } = Promise.withResolvers<Entity[][]>();
      const batch: Batch = { results: new Array(texts.length), remaining: texts.length, resolve, reject };
      let remaining = 0;
      for (const t of texts) remaining += t.length;
      let from = 0;
      while (from < texts.length) {
        const target = Math.max(MIN_CHUNK_CHARS, Math.min(CHUNK_CHARS, remaining / (threads * 8)));
        let to = from;
        let chars = 0;
        while (to < texts.length && (chars < target || to === from)) chars += texts[to++]!.length;
        queue.push({ texts: texts.slice(from, to), lang, batch, from });
        remaining -= chars;
        from = to;
      }
      dispatch();
      return callerThread ? help(batch).then(() => promise) : promise;
    },
    async close() {
      closed = true;
      // A batch still running when the pool closes is rejected, not left waiting forever.
      if (inFlight > 0 || queueHead < queue.length) fail(new Error("detect pool closed"));
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
