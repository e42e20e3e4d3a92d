import type { z } from "zod";
import type { AppContext } from "../app/app-context.ts";
import type { Config } from "../config/config.schema.ts";

export type CliIo = {
  stdout: (text: string) => void;
  /**
   * Writes bytes to stdout; resolves once they are written, after which the caller may reuse them.
   * Commands fall back on `stdout` when it is absent (tests that collect text).
   */
  stdoutBytes?: (bytes: Uint8Array) => Promise<void>;
  stderr: (text: string) => void;
  /**
   * Resolves once stdout has room again. Commands that stream large outputs (`gardien pii …`) wait on it
   * between chunks, so a slow reader of a pipe holds the input back instead of filling memory.
   */
  drain?: () => Promise<void>;
};

export type CliRunInput<O> = {
  options: O;
  positionals: string[];
  config: Config;
  io: CliIo;
  /** Opens the store (migrated, demo loaded on first start). Commands that need no store never pay for it. */
  openContext: () => Promise<AppContext>;
};

/** A CLI command: a thin shell that validates its arguments with Zod and calls operations. Returns the exit code. */
export type CliCommand<S extends z.ZodType = z.ZodType> = {
  path: string[];
  usage: string;
  summary: string;
  /** node:util parseArgs option declarations (all strings or booleans). */
  flags: Record<string, { type: "string" | "boolean"; short?: string }>;
  schema: S;
  run: (input: CliRunInput<z.output<S>>) => Promise<number>;
};
