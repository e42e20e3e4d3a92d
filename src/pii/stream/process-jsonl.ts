import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { z } from "zod";

/** One input line of the `gardien pii` commands. Other keys are ignored. */
export const PiiInputLine = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  lang: z.enum(["fr", "en", "auto"]).optional(),
  /** Pseudonymisation scope: the same person gets the same token on every line of a conversation. */
  conversation: z.string().optional(),
});
export type PiiInputLine = z.output<typeof PiiInputLine>;

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

const LANGS = new Set<unknown>(["fr", "en", "auto"]);

/**
 * The common case of `PiiInputLine.safeParse` without its allocations: a plain object with the expected
 * types gives the same output object zod would. Anything else returns undefined and goes through zod,
 * which then decides (and explains) as before.
 */
function fastInputLine(json: unknown): PiiInputLine | undefined {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return undefined;
  const o = json as Record<string, unknown>;
  const { id, text, lang, conversation } = o;
  if (!(typeof id === "string" || (typeof id === "number" && Number.isFinite(id)))) return undefined;
  if (typeof text !== "string") return undefined;
  const line: PiiInputLine = { id, text };
  if ("lang" in o) {
    if (!LANGS.has(lang)) return undefined;
    line.lang = lang as PiiInputLine["lang"];
  }
  if ("conversation" in o) {
    if (typeof conversation !== "string") return undefined;
    line.conversation = conversation;
  }
  return line;
}

/**
 * Streams JSONL through `handle`, one output line per valid input line, in input order. The input is read
 * chunk by chunk (no line queue, no promise per line unless `handle` returns one), output leaves at least
 * once per chunk, and reading waits for `drain`: memory stays flat whatever the file size. Lines end at
 * "\n", "\r\n" or a lone "\r", as with readline. A malformed line is reported by number only (its content
 * may be personal data) and the run goes on; blank lines are skipped.
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

  const flush = async () => {
    if (out === "") return;
    options.write(out);
    out = "";
    if (options.drain) await options.drain();
  };

  /** The input object of one line, or undefined (a blank or malformed line, reported if malformed). */
  const parseLine = (raw: string): PiiInputLine | undefined => {
    lineNumber++;
    if (raw.trim() === "") return undefined;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      // JSON.parse's message quotes the input: never pass it on.
      malformed++;
      options.reportError(lineNumber, "not valid JSON");
      return undefined;
    }
    const line = fastInputLine(json);
    if (line !== undefined) return line;
    const parsed = PiiInputLine.safeParse(json);
    if (parsed.success) return parsed.data;
    malformed++;
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join(".") || "(root)"))].join(", ");
    options.reportError(
      lineNumber,
      `expected an object with a string "text" and an "id"; invalid: ${fields}`,
    );
    return undefined;
  };

  /** Processes the complete lines of `text`; keeps its unfinished end in `carry`. */
  const processText = async (text: string) => {
    let start = 0;
    if (afterCr && text.charCodeAt(0) === 10) start = 1;
    afterCr = false;
    const n = text.length;
    for (let i = start; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      const line = parseLine(text.slice(start, i));
      if (c === 13) {
        if (i + 1 === n) afterCr = true;
        else if (text.charCodeAt(i + 1) === 10) i++;
      }
      start = i + 1;
      if (line === undefined) continue;
      const handled = options.handle(line);
      // Only an asynchronous handler costs an await per line.
      const result = handled instanceof Promise ? await handled : handled;
      out += `${serialise(result)}\n`;
      if (out.length >= FLUSH_AT) await flush();
    }
    carry = start < n ? text.slice(start) : "";
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
