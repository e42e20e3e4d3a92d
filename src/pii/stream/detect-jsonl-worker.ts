import { parentPort, workerData } from "node:worker_threads";
import { detect } from "../detect.ts";
import type { DetectLang } from "../entity.ts";
import { type DetectFormat, detectLine, detectSerialiser } from "./detect-lines.ts";
import { type PiiInputLine, readInputLine } from "./input-line.ts";
import { emptyLineFields, locateLineFields } from "./locate-line-fields.ts";
import { splitLines } from "./split-lines.ts";
import { detectedBytesBound, writeDetected } from "./write-detected.ts";

const LF = 10;

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

const data = workerData as JsonlWorkerData;
const input = Buffer.from(data.input);
const output = Buffer.from(data.output);
const serialise = detectSerialiser(data.format);
const fields = emptyLineFields();
type Validate = typeof import("./input-line.schema.ts").validateInputLine;
/** The schema's validator, once a line has needed it. */
let loadedValidate: Validate | undefined;

/**
 * One piece, line by line, into the output slot. A line of the common shape is read from its bytes
 * (locateLineFields): only its text becomes a string, and its answer is written as bytes (writeDetected).
 * Any other line is decoded and goes through readInputLine and the schema, as on the main thread. Both
 * give what the single-threaded path gives, byte for byte.
 *
 * Why bytes: decoding, JSON.parse and serialising cost as much as the scan, and their garbage kept V8's
 * collector threads busy; with two workers on two cores those threads take their time from the workers.
 * For the same reason nothing here allocates a large buffer per piece: fresh large buffers, mapped and
 * unmapped per piece, kept two workers from running at twice the speed of one (each unmapping stalls the
 * other cores of the process).
 *
 * Returns undefined when a line needs the schema and `validate` is not loaded yet. The scan is a plain
 * function, called once per piece: as the async loop it was, V8 entered it through on-stack replacement
 * and left the compiled loop with a deoptimisation at the end of every piece.
 */
function scanPiece(piece: JsonlPiece, validate: Validate | undefined): JsonlPieceResult | undefined {
  const bytes = piece.bytes
    ? Buffer.from(piece.bytes.buffer, piece.bytes.byteOffset, piece.bytes.byteLength)
    : input;
  const base = piece.bytes ? 0 : piece.slot * data.slotBytes;
  const end = base + (piece.bytes ? piece.bytes.byteLength : piece.length);
  const outStart = piece.slot * data.outputSlotBytes;
  const outEnd = outStart + data.outputSlotBytes;
  const jsonl = data.format === "jsonl";
  let outAt = outStart;
  let overflow = "";
  const errors: Array<[number, string]> = [];
  let lineNumber = 0;
  const lines: string[] = [];
  const emit = (out: string) => {
    // A UTF-16 unit is at most 3 UTF-8 bytes: with that much room the whole string fits.
    if (overflow === "" && outEnd - outAt >= out.length * 3) outAt += output.write(out, outAt, "utf8");
    else overflow += out;
  };
  for (let from = base; from < end; ) {
    const lf = bytes.indexOf(LF, from);
    const lineEnd = lf < 0 || lf >= end ? end : lf;
    if (jsonl && locateLineFields(bytes, from, lineEnd, fields)) {
      lineNumber++;
      const text = bytes.toString("utf8", fields.textStart, fields.textEnd);
      const entities = detect(text, { lang: fields.lang ?? data.lang });
      const idBytes = fields.idEnd - fields.idStart;
      if (
        fields.idVerbatim &&
        overflow === "" &&
        outEnd - outAt >= detectedBytesBound(idBytes, entities.length)
      )
        outAt = writeDetected(output, outAt, bytes, fields.idStart, fields.idEnd, entities);
      else {
        const raw = bytes.toString("utf8", fields.idStart, fields.idEnd);
        const id = fields.idVerbatim ? (JSON.parse(raw) as string | number) : raw.slice(1, -1);
        emit(`${serialise({ id, entities })}\n`);
      }
    } else {
      // A "\r" may break this line in several (lines end at "\n", "\r\n" or a lone "\r").
      const text = bytes.toString("utf8", from, lineEnd);
      const rest = splitLines(text, lines);
      if (rest < text.length) lines.push(text.slice(rest));
      else if (rest === 0) lines.push("");
      for (let k = 0; k < lines.length; k++) {
        lineNumber++;
        const read = readInputLine(lines[k]!);
        if (read === undefined) continue;
        let line: PiiInputLine | { reason: string };
        if ("json" in read) {
          if (validate === undefined) return undefined;
          line = validate(read.json);
        } else line = read;
        if ("reason" in line) {
          errors.push([lineNumber, line.reason]);
          continue;
        }
        emit(`${serialise(detectLine(line, data.lang))}\n`);
      }
      lines.length = 0;
    }
    from = lineEnd + 1;
  }
  return { id: piece.id, slot: piece.slot, outLength: outAt - outStart, overflow, lines: lineNumber, errors };
}

/**
 * Zod (and its start-up time) is loaded only when a line needs more than the fast check: the piece is
 * then scanned again from its start, which overwrites the same output bytes.
 */
async function runPiece(piece: JsonlPiece): Promise<JsonlPieceResult> {
  const result = scanPiece(piece, loadedValidate);
  if (result !== undefined) return result;
  loadedValidate = (await import("./input-line.schema.ts")).validateInputLine;
  return scanPiece(piece, loadedValidate)!;
}

parentPort?.on("message", async (piece: JsonlPiece) => {
  parentPort!.postMessage(await runPiece(piece));
});
