import { close, open, read } from "node:fs";
import type { Readable } from "node:stream";
import { promisify } from "node:util";
import { Worker } from "node:worker_threads";
import type { DetectLang } from "../entity.ts";
import type { JsonlPiece, JsonlPieceResult, JsonlWorkerData } from "./detect-jsonl-worker.ts";
import type { DetectFormat } from "./detect-lines.ts";

export type ParallelJsonlOptions = {
  /** A stream (standard input), or a file, which is then read straight into the shared slots. */
  input: Readable | { path: string };
  /**
   * Receives output in chunks of whole lines, in input order. The bytes are Gardien's to reuse once the
   * returned promise resolves (or at once when it returns nothing): write or copy them before that.
   */
  write: (bytes: Uint8Array) => Promise<void> | void;
  reportError: (lineNumber: number, reason: string) => void;
  lang: DetectLang;
  format: DetectFormat;
  workers: number;
  /** Bytes of whole lines per piece (default 1 MB); tests use small pieces to cross many boundaries. */
  slotBytes?: number;
};

/**
 * Bytes of whole lines per piece: large enough that messaging costs little, small enough to balance (a
 * 1 GB file is a thousand pieces). Measured at 256 KB, the main thread used 0.33 s of CPU per GB; at 1 MB,
 * 0.17 s, which two busy workers on two cores no longer have to share.
 */
const DEFAULT_SLOT_BYTES = 1024 * 1024;
/** Output room per piece, as a multiple of its input; answers that do not fit travel in the message. */
const OUTPUT_RATIO = 4;
/** Slots per worker: one it works on, one waiting for it, one whose output is being written. */
const SLOTS_PER_WORKER = 3;
const LF = 10;
const CR = 13;

/**
 * `gardien pii detect` over several worker threads. Input and output pass through shared memory that is
 * allocated once: the main thread copies what it reads into a free input slot, hands the slot's whole
 * lines to the least busy worker (a message of four numbers), and writes each piece's output bytes from
 * its output slot, in input order, before the slot is reused. Each worker decodes, parses, validates,
 * scans and serialises its lines with the single-threaded path's rules (same output, same line numbers).
 *
 * Why shared slots: with a fresh buffer per piece, the two workers ran together at little more than one
 * worker's speed. Large buffers are mapped and unmapped by the allocator, and each unmapping interrupts
 * every other core running the process; measured, 256 KB allocations in two threads at once were thirty
 * times slower than in one.
 *
 * Memory stays bounded: 3 slots (1 MB in, 4 MB out) per worker, and reading waits for a free slot, so
 * a slow reader of the output holds the input back. A line longer than a slot travels on its own.
 *
 * @example
 * await detectJsonlParallel({ input, write, reportError, lang: "auto", format: "jsonl", workers: 2 });
 */
export async function detectJsonlParallel(
  options: ParallelJsonlOptions,
): Promise<{ lines: number; malformed: number }> {
  const source = "path" in options.input ? await fileSource(options.input.path) : streamSource(options.input);
  const size = Math.max(1, options.workers);
  const slots = size * SLOTS_PER_WORKER;
  const slotBytes = options.slotBytes ?? DEFAULT_SLOT_BYTES;
  const outputSlotBytes = OUTPUT_RATIO * slotBytes;
  const workerData: JsonlWorkerData = {
    input: new SharedArrayBuffer(slots * slotBytes),
    output: new SharedArrayBuffer(slots * outputSlotBytes),
    slotBytes,
    outputSlotBytes,
    lang: options.lang,
    format: options.format,
  };
  const input = Buffer.from(workerData.input);
  const output = Buffer.from(workerData.output);
  const workers = Array.from(
    { length: size },
    () =>
      new Worker(new URL("./detect-jsonl-worker.ts", import.meta.url), {
        workerData,
        resourceLimits: { maxYoungGenerationSizeMb: 48 },
      }),
  );
  const busy = new Array<number>(size).fill(0);
  const free = Array.from({ length: slots }, (_, k) => slots - 1 - k);
  const done = new Map<number, JsonlPieceResult>();
  let nextToWrite = 0;
  let nextId = 0;
  let lineBase = 0;
  let malformed = 0;
  let writing = false;
  let finished = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const signal = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const waitFor = async (ready: () => boolean) => {
    while (!ready()) {
      if (failure !== undefined) throw failure;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
    if (failure !== undefined) throw failure;
  };

  /** Writes every answer that is next in input order, then frees its slot. One writer at a time. */
  const writeReady = async () => {
    if (writing) return;
    writing = true;
    try {
      for (
        let result = done.get(nextToWrite);
        result && failure === undefined;
        result = done.get(nextToWrite)
      ) {
        done.delete(nextToWrite);
        const from = result.slot * outputSlotBytes;
        if (result.outLength > 0) await options.write(output.subarray(from, from + result.outLength));
        if (result.overflow !== "") await options.write(Buffer.from(result.overflow, "utf8"));
        for (const [line, reason] of result.errors) options.reportError(lineBase + line, reason);
        malformed += result.errors.length;
        lineBase += result.lines;
        nextToWrite++;
        free.push(result.slot);
        signal();
      }
    } catch (error) {
      failure ??= error;
      signal();
    } finally {
      writing = false;
    }
  };

  workers.forEach((worker, index) => {
    worker.on("message", (result: JsonlPieceResult) => {
      busy[index]!--;
      done.set(result.id, result);
      void writeReady();
    });
    worker.on("error", (error) => {
      failure ??= error;
      signal();
    });
    // A worker that stops without an error (killed, out of memory) would leave its pieces unanswered.
    worker.on("exit", (code) => {
      if (finished) return;
      failure ??= new Error(`detect worker stopped (exit code ${code})`);
      signal();
    });
  });

  const send = (slot: number, length: number, bytes?: Uint8Array) => {
    let w = 0;
    for (let k = 1; k < size; k++) if (busy[k]! < busy[w]!) w = k;
    busy[w]!++;
    const piece: JsonlPiece = { id: nextId++, slot, length, ...(bytes ? { bytes } : {}) };
    workers[w]!.postMessage(piece, bytes ? [bytes.buffer as ArrayBuffer] : []);
  };

  // The slot being filled (-1: none yet), how full it is, the bytes after its last line break (carried to
  // the next slot), and the start of a line longer than a slot, gathered until it ends.
  let slot = -1;
  let filled = 0;
  let carry: Buffer | undefined;
  let long: Buffer[] = [];

  const takeSlot = async () => {
    await waitFor(() => free.length > 0);
    slot = free.pop()!;
    filled = 0;
    if (carry) {
      carry.copy(input, slot * slotBytes);
      filled = carry.length;
      carry = undefined;
    }
  };

  /** Hands over the filled slot's whole lines (all of it at the end of the input). */
  const dispatch = (final: boolean) => {
    const base = slot * slotBytes;
    let cut = filled;
    if (!final) {
      const lf = input.lastIndexOf(LF, base + filled - 1);
      if (lf >= base) cut = lf - base + 1;
      else {
        // Only lone "\r" line ends, or none: a "\r" may end a piece when the byte after it is known.
        const cr = filled >= 2 ? input.lastIndexOf(CR, base + filled - 2) : -1;
        cut = cr >= base ? cr - base + 1 : -1;
      }
    }
    if (cut < 0) {
      // No line break in a whole slot: gather the line's bytes outside the slots until it ends.
      long.push(Buffer.from(input.subarray(base, base + filled)));
      filled = 0;
      return;
    }
    if (cut < filled) carry = Buffer.from(input.subarray(base + cut, base + filled));
    if (long.length > 0) {
      const whole = new Uint8Array(long.reduce((n, b) => n + b.length, 0) + cut);
      let at = 0;
      for (const b of long) {
        whole.set(b, at);
        at += b.length;
      }
      whole.set(input.subarray(base, base + cut), at);
      long = [];
      send(slot, whole.length, whole);
    } else send(slot, cut);
    slot = -1;
  };

  try {
    for (;;) {
      if (slot < 0) await takeSlot();
      const n = await source.read(input, slot * slotBytes + filled, slotBytes - filled);
      if (n === 0) break;
      filled += n;
      if (filled === slotBytes) dispatch(false);
    }
    // The loop ends on a read, so a slot is held here, and the carry, if any, is in it.
    if (filled > 0 || long.length > 0) dispatch(true);
    await waitFor(() => nextToWrite === nextId);
    return { lines: lineBase, malformed };
  } finally {
    finished = true;
    await source.close();
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Reads input bytes into `target` at `offset`, at most `length`; 0 at the end of the input. */
type ByteSource = {
  read: (target: Buffer, offset: number, length: number) => Promise<number>;
  close: () => Promise<void>;
};

const readAsync = promisify(read);
const openAsync = promisify(open);
const closeAsync = promisify(close);

/** A file read with plain reads into the caller's memory: no stream, no buffer per read. */
async function fileSource(path: string): Promise<ByteSource> {
  const fd = await openAsync(path, "r");
  let closed = false;
  return {
    read: async (target, offset, length) => (await readAsync(fd, target, offset, length, null)).bytesRead,
    close: async () => {
      if (closed) return;
      closed = true;
      await closeAsync(fd);
    },
  };
}

/** A stream's chunks, copied into the caller's memory as they come. */
function streamSource(stream: Readable): ByteSource {
  const chunks = stream[Symbol.asyncIterator]();
  let chunk: Buffer | undefined;
  let at = 0;
  return {
    read: async (target, offset, length) => {
      while (chunk === undefined || at === chunk.length) {
        const next = await chunks.next();
        if (next.done) return 0;
        chunk = typeof next.value === "string" ? Buffer.from(next.value, "utf8") : (next.value as Buffer);
        at = 0;
      }
      const n = Math.min(length, chunk.length - at);
      chunk.copy(target, offset, at, at + n);
      at += n;
      return n;
    },
    close: async () => {
      await chunks.return?.();
    },
  };
}
