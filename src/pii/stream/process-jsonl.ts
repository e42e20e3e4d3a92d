import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { validateInputLine } from "./input-line.schema.ts";
import { type PiiInputLine, readInputLine } from "./input-line.ts";
import { splitLines } from "./split-lines.ts";

export type { PiiInputLine } from "./input-line.ts";

export type JsonlOptions = {
  input: Readable;
  /** Receives output in chunks of whole lines. */
  write: (chunk: string) => void;
  /**
   * Resolves when the output has room again (a slow pipe, a full disk cache): reading waits for it, so
   * memory stays bounded whatever the size of the input. Without it, output is written as it comes.
   */
  drain?: () => Promise<void>;
  /** Called for each line that is not a valid input object: its number, and a reason with no content. */
  reportError: (lineNumber: number, reason: string) => void;
  /** Turns one valid line into its output object (serialised as one JSON line). */
  handle: (line: PiiInputLine) => unknown | Promise<unknown>;
  /** How an output object becomes one line; JSON by default. */
  serialise?: (result: unknown) => string;
};

/**
 * Output is handed to `write` when this many characters are pending, and at the end of each input chunk;
 * input is decoded this many bytes at a time. Both stay well under V8's large-object size (128 KB), so
 * the strings die young: a 256 KB string would go straight to the old generation and pile up there, a few
 * hundred of them, until the next full collection.
 */
const FLUSH_AT = 16 * 1024;
const DECODE_AT = 16 * 1024;

/**
 * Streams JSONL through `handle`, one output line per valid input line, in input order. The input is read
 * chunk by chunk (no promise per line unless `handle` returns one), output leaves at least once per chunk,
 * and reading waits for `drain`: memory stays flat whatever the file size. Lines end at "\n", "\r\n" or a
 * lone "\r", as with readline. A malformed line is reported by number only (its content may be personal
 * data) and the run goes on; blank lines are counted and skipped.
 */
export async function processJsonl(options: JsonlOptions): Promise<{ lines: number; malformed: number }> {
  const serialise = options.serialise ?? JSON.stringify;
  const decoder = new StringDecoder("utf8");
  let lineNumber = 0;
  let malformed = 0;
  let out = "";
  // The unfinished last line of the previous chunk, and whether that chunk ended with "\r" (a "\n"
  // opening the next chunk then belongs to the same line break).
  let carry = "";
  let afterCr = false;
  const lines: string[] = [];

  const flush = async () => {
    if (out === "") return;
    options.write(out);
    out = "";
    if (options.drain) await options.drain();
  };

  /** The input object of one line, or undefined (a blank or malformed line, reported if malformed). */
  const parseLine = (raw: string): PiiInputLine | undefined => {
    lineNumber++;
    const read = readInputLine(raw);
    if (read === undefined) return undefined;
    const line = "json" in read ? validateInputLine(read.json) : read;
    if (!("reason" in line)) return line;
    malformed++;
    options.reportError(lineNumber, line.reason);
    return undefined;
  };

  /** Processes the complete lines of `text`; keeps its unfinished end in `carry`. */
  const processText = async (text: string) => {
    const from = afterCr && text.charCodeAt(0) === 10 ? 1 : 0;
    if (from === 1) text = text.slice(1);
    const rest = splitLines(text, lines);
    afterCr = rest === text.length && text.charCodeAt(rest - 1) === 13;
    carry = rest < text.length ? text.slice(rest) : "";
    for (let k = 0; k < lines.length; k++) {
      const line = parseLine(lines[k]!);
      if (line === undefined) continue;
      const handled = options.handle(line);
      // Only an asynchronous handler costs an await per line.
      const result = handled instanceof Promise ? await handled : handled;
      out += `${serialise(result)}\n`;
      if (out.length >= FLUSH_AT) await flush();
    }
    lines.length = 0;
  };

  const processPiece = async (text: string) => {
    // A line longer than a piece is carried whole until it ends.
    if (carry !== "" && text.indexOf("\n") < 0 && text.indexOf("\r") < 0) carry += text;
    else await processText(carry + text);
  };

  for await (const chunk of options.input) {
    if (typeof chunk === "string") await processPiece(chunk);
    else {
      const bytes = chunk as Buffer;
      for (let from = 0; from < bytes.length; from += DECODE_AT) {
        await processPiece(decoder.write(bytes.subarray(from, from + DECODE_AT)));
      }
    }
    // Each chunk's answers leave before the next chunk is read: a slow producer sees them at once.
    await flush();
  }
  const rest = carry + decoder.end();
  if (rest !== "") await processText(`${rest}\n`);
  await flush();
  return { lines: lineNumber, malformed };
}
