import { randomBytes } from "node:crypto";
import { createReadStream, existsSync, readFileSync } from "node:fs";
import type { Readable } from "node:stream";
import { validationError } from "../../errors/app-error.ts";
import type { CliIo } from "../cli-command.ts";

/** The file of `--input FILE` (checked to exist), or undefined for standard input ("-" or no flag). */
export function piiInputPath(input: string | undefined): string | undefined {
  if (input === undefined || input === "-") return undefined;
  if (!existsSync(input)) {
    throw validationError([{ path: "--input", rule: "exists", message: "file not found" }]);
  }
  return input;
}

/** `--input FILE`, or standard input for "-" or no flag. */
export function openPiiInput(input: string | undefined): Readable {
  const path = piiInputPath(input);
  return path === undefined ? process.stdin : createReadStream(path, { highWaterMark: 256 * 1024 });
}

/** Reports a malformed line by its number only: the line may hold personal data. */
export function lineErrorReporter(io: CliIo): (line: number, reason: string) => void {
  return (line, reason) => io.stderr(`gardien: line ${line}: ${reason}\n`);
}

/**
 * The key for the `hash` operator: 32+ bytes from `--hash-key-file` (raw, or hex text). Without the flag a
 * random key serves this run only, so hashes match within one output, not across runs.
 */
export function readHashKey(file: string | undefined): Uint8Array {
  if (file === undefined) return randomBytes(32);
  if (!existsSync(file))
    throw validationError([{ path: "--hash-key-file", rule: "exists", message: "file not found" }]);
  const raw = readFileSync(file);
  const text = raw.toString("utf8").trim();
  const key = /^[0-9a-fA-F]{64,}$/.test(text) ? Buffer.from(text, "hex") : raw;
  if (key.length < 32) {
    throw validationError([
      { path: "--hash-key-file", rule: "min_length", message: "the key needs 32 bytes or more" },
    ]);
  }
  return key;
}
