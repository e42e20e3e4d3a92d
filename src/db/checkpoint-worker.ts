import { DatabaseSync } from "node:sqlite";
import { parentPort, workerData } from "node:worker_threads";
import { CHECKPOINT_SLOTS, type CheckpointWorkerData } from "./start-checkpointer.ts";

/**
 * Copies the WAL back into the database file on its own connection, off the server's thread (see
 * start-checkpointer.ts). A PASSIVE checkpoint never waits for the writer and never blocks it.
 */
const { path, counters: shared, everyCommits, maxWaitMs, pollMs } = workerData as CheckpointWorkerData;
const counters = new Int32Array(shared);
const db = new DatabaseSync(path);
const checkpoint = db.prepare("PRAGMA wal_checkpoint(PASSIVE)");
// Started because commits came in: the first tick copies them.
let seen = 0;
let lastRun = Date.now();

const timer = setInterval(() => {
  const commits = Atomics.load(counters, CHECKPOINT_SLOTS.commits);
  if (commits === seen) return;
  // Small checkpoints cost two fsyncs each for little: wait for a batch, or for time to pass.
  if (commits - seen < everyCommits && Date.now() - lastRun < maxWaitMs) return;
  seen = commits;
  lastRun = Date.now();
  const row = checkpoint.get() as { busy: number; log: number; checkpointed: number } | undefined;
  if (row) Atomics.store(counters, CHECKPOINT_SLOTS.lastBackfilled, row.checkpointed);
}, pollMs);

parentPort?.once("message", () => {
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
