import { Worker } from "node:worker_threads";

/** Slots of the counters the server's thread and the checkpoint worker share. */
export const CHECKPOINT_SLOTS = { commits: 0, lastBackfilled: 1 } as const;

export type CheckpointWorkerData = {
  path: string;
  counters: SharedArrayBuffer;
  everyCommits: number;
  maxWaitMs: number;
  pollMs: number;
};

export type Checkpointer = {
  /** Called after each committed transaction on the main connection. */
  noteCommit(): void;
  /** Whether the worker runs (it starts after `startAfterCommits` commits). */
  readonly started: boolean;
  /** The WAL frames the worker's last checkpoint had copied. */
  lastBackfilled(): number;
  stop(): Promise<void>;
};

export type CheckpointerOptions = {
  /** Commits before the worker starts: a CLI command never pays for a thread, a server soon has one. */
  startAfterCommits?: number;
  /** A checkpoint runs once this many commits have come in since the last… */
  everyCommits?: number;
  /** …or once this long has passed with at least one. */
  maxWaitMs?: number;
  pollMs?: number;
  /** Told when the worker starts, to raise the main connection's own checkpoint threshold. */
  onStart?: () => void;
  /** Told when the worker fails, to put that threshold back: the main connection checkpoints alone again. */
  onFail?: () => void;
};

/**
 * Moves SQLite's WAL checkpoints off the server's thread. With the default auto-checkpoint, the commit that
 * pushes the WAL past 1,000 pages copies them back into the database file and syncs both files, on the
 * event loop: every 60 or so form posts, one waited several milliseconds, and that was a tenth of the
 * thread's time at 1,000 requests/s. Here a worker thread runs PASSIVE checkpoints on its own connection
 * (WAL lets a checkpointer and a writer work at once); the main connection keeps a high auto-checkpoint as
 * a backstop, which then finds the WAL already copied and only restarts it.
 *
 * @example const checkpointer = startCheckpointer(path, { onStart: () => db.exec("PRAGMA wal_autocheckpoint = 10000") });
 */
export function startCheckpointer(path: string, options: CheckpointerOptions = {}): Checkpointer {
  const startAfter = options.startAfterCommits ?? 64;
  const shared = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * 2);
  const counters = new Int32Array(shared);
  let worker: Worker | undefined;
  let stopped = false;

  const start = () => {
    const data: CheckpointWorkerData = {
      path,
      counters: shared,
      everyCommits: options.everyCommits ?? 32,
      maxWaitMs: options.maxWaitMs ?? 1000,
      pollMs: options.pollMs ?? 10,
    };
    worker = new Worker(new URL("./checkpoint-worker.ts", import.meta.url), { workerData: data });
    // The store's close stops it; it must never hold a process open by itself.
    worker.unref();
    worker.on("error", () => {
      // A worker that cannot run leaves checkpoints to the main connection, at its usual threshold.
      worker = undefined;
      if (!stopped) options.onFail?.();
    });
    options.onStart?.();
  };

  return {
    noteCommit() {
      const commits = Atomics.add(counters, CHECKPOINT_SLOTS.commits, 1) + 1;
      if (commits === startAfter && !worker && !stopped) start();
    },
    get started() {
      return worker !== undefined;
    },
    lastBackfilled() {
      return Atomics.load(counters, CHECKPOINT_SLOTS.lastBackfilled);
    },
    async stop() {
      stopped = true;
      const running = worker;
      worker = undefined;
      if (!running) return;
      const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()));
      // Held open until it has closed its connection, or a caller awaiting this would see the process end.
      running.ref();
      running.postMessage("stop");
      await exited;
    },
  };
}
