import { Readable } from "node:stream";
import { parentPort } from "node:worker_threads";
import type { DetectLang } from "../entity.ts";
import { type DetectFormat, detectLine, detectSerialiser } from "./detect-lines.ts";
import { processJsonl } from "./process-jsonl.ts";

/** A piece of the input: whole lines, as the bytes were read (transferred, not copied). */
export type JsonlPiece = { id: number; bytes: Uint8Array; lang: DetectLang; format: DetectFormat };
/** Its output lines in one string, its line count, and its malformed lines (numbers within the piece). */
export type JsonlPieceResult = { id: number; out: string; lines: number; errors: Array<[number, string]> };

// Parsing, validation, detection and serialisation all happen here: the main thread only cuts the input
// at line breaks and writes what comes back, which is what lets the workers scale.
parentPort?.on("message", async (piece: JsonlPiece) => {
  const chunks: string[] = [];
  const errors: Array<[number, string]> = [];
  const { lines } = await processJsonl({
    input: Readable.from([Buffer.from(piece.bytes.buffer, piece.bytes.byteOffset, piece.bytes.byteLength)]),
    write: (chunk) => void chunks.push(chunk),
    reportError: (line, reason) => void errors.push([line, reason]),
    handle: (line) => detectLine(line, piece.lang),
    serialise: detectSerialiser(piece.format),
  });
  const result: JsonlPieceResult = { id: piece.id, out: chunks.join(""), lines, errors };
  parentPort!.postMessage(result);
});
