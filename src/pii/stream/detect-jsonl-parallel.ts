import type { Readable } from "node:stream";
import { Worker } from "node:worker_threads";
import type { DetectLang } from "../entity.ts";
import type { JsonlPiece, JsonlPieceResult } from "./detect-jsonl-worker.ts";
import type { DetectFormat } from "./detect-lines.ts";

export type ParallelJsonlOptions = {
  input: Readable;
  write: (chunk: string) => void;
  drain?: () => Promise<void>;
  reportError: (lineNumber: number, reason: string) => void;
  lang: DetectLang;
  format: DetectFormat;
  workers: number;
};

/** Bytes of whole lines per piece: large enough that messaging costs little, small enough to balance. */
const PIECE_BYTES = 256 * 1024;
/** Pieces handed to each worker before it answers, so that it never waits for the main thread. */
const IN_FLIGHT_PER_WORKER = 2;
const LF = 10;
const CR = 13;

/**
 * Where a piece can end: after the last "\n", or else after the last lone "\r" whose next byte is known
 * not to be "\n" (a "\r\n" must stay in one piece, or it would count as two line breaks). -1: no break yet.
 */
function lastBreak(bytes: Buffer): number {
  const lf = bytes.lastIndexOf(LF);
  if (lf >= 0) return lf + 1;
  const cr = bytes.lastIndexOf(CR, bytes.length - 2);
  return cr >= 0 ? cr + 1 : -1;
}

/**
 * `gardien pii detect` over several worker threads. The main thread only cuts the input into pieces of
 * whole lines (256 KB, at a line break), hands each piece's bytes over (transferred, not copied) and writes
 * the answers back in input order; each worker decodes, parses, validates, detects and serialises its
 * lines, with the same code as the single-threaded path (processJsonl). Line numbers of malformed lines
 * are the file's: each piece reports its own, offset by the lines before it. Memory stays bounded: at most
 * two pieces per worker are out at once, and reading waits for them and for `drain`.
 *
 * @example
 * await detectJsonlParallel({ input, write, drain, reportError, lang: "auto", format: "jsonl", workers: 2 });
 */
export async function detectJsonlParallel(
  options: ParallelJsonlOptions,
): Promise<{ lines: number; malformed: number }> {
  const size = Math.max(1, options.workers);
  const workers = Array.from(
    { length: size },
    () =>
      new Worker(new URL("./detect-jsonl-worker.ts", import.meta.url), {
        resourceLimits: { maxYoungGenerationSizeMb: 48 },
      }),
  );
  const busy = new Array<number>(size).fill(0);
  const done = new Map<number, JsonlPieceResult>();
  let nextToWrite = 0;
  let nextId = 0;
  let lineBase = 0;
  let malformed = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const signal = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };

  /** Writes every answer that is next in input order. */
  const writeReady = () => {
    for (let result = done.get(nextToWrite); result; result = done.get(nextToWrite)) {
      done.delete(nextToWrite++);
      if (result.out !== "") options.write(result.out);
      for (const [line, reason] of result.errors) options.reportError(lineBase + line, reason);
      malformed += result.errors.length;
      lineBase += result.lines;
    }
  };

  workers.forEach((worker, index) => {
    worker.on("message", (result: JsonlPieceResult) => {
      busy[index]!--;
      done.set(result.id, result);
      writeReady();
      signal();
    });
    worker.on("error", (error) => {
      failure ??= error;
      signal();
    });
  });

  const waitFor = async (ready: () => boolean) => {
    while (!ready()) {
      if (failure) throw failure;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
    if (failure) throw failure;
  };

  const send = async (bytes: Buffer) => {
    await waitFor(() => busy.some((n) => n < IN_FLIGHT_PER_WORKER));
    let w = 0;
    for (let k = 1; k < size; k++) if (busy[k]! < busy[w]!) w = k;
    busy[w]!++;
    // A copy of exactly this piece's bytes, so its buffer can be transferred whole.
    const own = new Uint8Array(bytes.length);
    own.set(bytes);
    const piece: JsonlPiece = { id: nextId++, bytes: own, lang: options.lang, format: options.format };
    workers[w]!.postMessage(piece, [own.buffer]);
    if (options.drain) await options.drain();
  };

  try {
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    for await (const chunk of options.input) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : (chunk as Buffer);
      pending.push(bytes);
      pendingBytes += bytes.length;
      if (pendingBytes < PIECE_BYTES) continue;
      const all = Buffer.concat(pending, pendingBytes);
      const cut = lastBreak(all);
      // No line break yet: one long line, carried until it ends.
      if (cut < 0) {
        pending = [all];
        continue;
      }
      await send(all.subarray(0, cut));
      pending = cut < all.length ? [all.subarray(cut)] : [];
      pendingBytes = all.length - cut;
    }
    if (pendingBytes > 0) await send(Buffer.concat(pending, pendingBytes));
    await waitFor(() => nextToWrite === nextId);
    return { lines: lineBase, malformed };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
