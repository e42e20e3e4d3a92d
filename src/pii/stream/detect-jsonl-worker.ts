import { parentPort, workerData } from "node:worker_threads";
import type { DetectLang } from "../entity.ts";
import { type DetectFormat, detectLine, detectSerialiser } from "./detect-lines.ts";
import { type PiiInputLine, readInputLine } from "./input-line.ts";
import { splitLines } from "./split-lines.ts";

/** What the worker is given at start: the shared slots (see detect-jsonl-parallel.ts) and the options. */
export type JsonlWorkerData = {
  input: SharedArrayBuffer;
  output: SharedArrayBuffer;
  slotBytes: number;
  outputSlotBytes: number;
  lang: DetectLang;
  format: DetectFormat;
};
/**
 * A piece of whole lines: in input slot `slot` (`length` bytes), or, for a line longer than a slot, in
 * `bytes` (transferred).
 */
export type JsonlPiece = { id: number; slot: number; length: number; bytes?: Uint8Array };
/**
 * The piece's answer: `outLength` bytes of output lines in output slot `slot`, then `overflow` if they did
 * not all fit; its line count, and its malformed lines (numbers within the piece, reasons without content).
 */
export type JsonlPieceResult = {
  id: number;
  slot: number;
  outLength: number;
  overflow: string;
  lines: number;
  errors: Array<[number, string]>;
};

/** Bytes decoded at a time: strings stay below V8's large-object size, so they are young and cheap. */
const SECTION_BYTES = 32 * 1024;

const data = workerData as JsonlWorkerData;
const input = Buffer.from(data.input);
const output = Buffer.from(data.output);
const serialise = detectSerialiser(data.format);
let validate: typeof import("./input-line.schema.ts").validateInputLine | undefined;

/**
 * One piece: decoded a section at a time (cut after a "\n", so no character and no "\r\n" is split),
 * parsed, scanned and serialised into the output slot. Nothing here allocates memory that outlives the
 * piece beyond young strings: fresh large buffers, mapped and unmapped per piece, were what kept two
 * workers from running at twice the speed of one (each unmapping stalls the other cores of the process).
 */
async function runPiece(piece: JsonlPiece): Promise<JsonlPieceResult> {
  const bytes = piece.bytes
    ? Buffer.from(piece.bytes.buffer, piece.bytes.byteOffset, piece.bytes.byteLength)
    : input;
  const base = piece.bytes ? 0 : piece.slot * data.slotBytes;
  const end = base + (piece.bytes ? piece.bytes.byteLength : piece.length);
  const outStart = piece.slot * data.outputSlotBytes;
  const outEnd = outStart + data.outputSlotBytes;
  let outAt = outStart;
  let overflow = "";
  const errors: Array<[number, string]> = [];
  let lineNumber = 0;
  // Local to the piece: the lazy import below awaits, and another piece's message must not share it.
  const lines: string[] = [];
  for (let from = base; from < end; ) {
    let to = Math.min(from + SECTION_BYTES, end);
    if (to < end) {
      const lf = bytes.lastIndexOf(10, to - 1);
      if (lf >= from) to = lf + 1;
      else {
        const next = bytes.indexOf(10, to);
        to = next < 0 || next >= end ? end : next + 1;
      }
    }
    const text = bytes.toString("utf8", from, to);
    from = to;
    const rest = splitLines(text, lines);
    // Pieces end at a line break, except the input's last, whose unfinished line is still a line.
    if (rest < text.length) lines.push(text.slice(rest));
    let out = "";
    for (let k = 0; k < lines.length; k++) {
      const raw = lines[k]!;
      lineNumber++;
      const read = readInputLine(raw);
      if (read === undefined) continue;
      let line: PiiInputLine | { reason: string };
      if ("json" in read) {
        // Zod (and its start-up time) is loaded only when a line needs more than the fast check.
        validate ??= (await import("./input-line.schema.ts")).validateInputLine;
        line = validate(read.json);
      } else line = read;
      if ("reason" in line) {
        errors.push([lineNumber, line.reason]);
        continue;
      }
      out += `${serialise(detectLine(line, data.lang))}\n`;
    }
    lines.length = 0;
    // A UTF-16 unit is at most 3 UTF-8 bytes: with that much room the whole string fits.
    if (overflow === "" && outEnd - outAt >= out.length * 3) outAt += output.write(out, outAt, "utf8");
    else overflow += out;
  }
  return { id: piece.id, slot: piece.slot, outLength: outAt - outStart, overflow, lines: lineNumber, errors };
}

parentPort?.on("message", async (piece: JsonlPiece) => {
  parentPort!.postMessage(await runPiece(piece));
});
