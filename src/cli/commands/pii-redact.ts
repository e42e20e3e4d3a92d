import type { CliCommand } from "../cli-command.ts";
import { PII_TRANSFORM_FLAGS, PiiTransformOptions, transformRun } from "./pii-transform.ts";

export const piiRedactCommand: CliCommand<typeof PiiTransformOptions> = {
  path: ["pii", "redact"],
  usage: "pii redact [--operator TYPE=op,...] [--input FILE|-] [--lang fr|en|auto] [--hash-key-file F]",
  summary:
    "Replace personal data in JSONL lines (default <TYPE>; ops: redact, replace, mask:N, hash, pseudonymise)",
  flags: PII_TRANSFORM_FLAGS,
  schema: PiiTransformOptions,
  run: transformRun({ default: { kind: "replace" } }),
};
