import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
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
  /** Called for each line that is not a valid input object: its number, and a reason with no content. */
  reportError: (lineNumber: number, reason: string) => void;
  /** Turns one valid line into its output object (serialised as one JSON line). */
  handle: (line: PiiInputLine) => unknown | Promise<unknown>;
  /** How an output object becomes one line; JSON by default. */
  serialise?: (result: unknown) => string;
};

const FLUSH_AT = 64 * 1024;

/**
 * Streams JSONL through `handle`, one output line per valid input line, in input order. Lines are read
 * with readline over the stream, so memory stays bounded whatever the file size. A malformed line is
 * reported by number only (its content may be personal data) and the run goes on; blank lines are skipped.
 */
export async function processJsonl(options: JsonlOptions): Promise<{ lines: number; malformed: number }> {
  const rl = createInterface({ input: options.input, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  let malformed = 0;
  let buffer = "";
  const serialise = options.serialise ?? JSON.stringify;
  // Output goes out when the buffer is large or when reading has to wait for more input (setImmediate
  // runs only then): big files are written in large chunks, a slow producer sees each answer at once.
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (buffer) {
      options.write(buffer);
      buffer = "";
    }
  };
  for await (const raw of rl) {
    lineNumber++;
    if (raw.trim() === "") continue;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      // JSON.parse's message quotes the input: never pass it on.
      malformed++;
      options.reportError(lineNumber, "not valid JSON");
      continue;
    }
    const parsed = PiiInputLine.safeParse(json);
    if (!parsed.success) {
      malformed++;
      const fields = [...new Set(parsed.error.issues.map((i) => i.path.join(".") || "(root)"))].join(", ");
      options.reportError(
        lineNumber,
        `expected an object with a string "text" and an "id"; invalid: ${fields}`,
      );
      continue;
    }
    const handled = options.handle(parsed.data);
    const result = handled instanceof Promise ? await handled : handled;
    buffer += `${serialise(result)}\n`;
    if (buffer.length >= FLUSH_AT) flush();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  }
  flush();
  return { lines: lineNumber, malformed };
}
