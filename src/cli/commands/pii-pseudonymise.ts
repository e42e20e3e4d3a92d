import type { CliCommand } from "../cli-command.ts";
import { PII_TRANSFORM_FLAGS, PiiTransformOptions, transformRun } from "./pii-transform.ts";

export const piiPseudonymiseCommand: CliCommand<typeof PiiTransformOptions> = {
  path: ["pii", "pseudonymise"],
  usage: "pii pseudonymise [--operator TYPE=op,...] [--input FILE|-] [--lang fr|en|auto]",
  summary:
    'Replace personal data with consistent tokens <PERSON_1> per "conversation" (memory vault, this run)',
  flags: PII_TRANSFORM_FLAGS,
  schema: PiiTransformOptions,
  run: transformRun({ default: { kind: "pseudonymise" } }),
};
