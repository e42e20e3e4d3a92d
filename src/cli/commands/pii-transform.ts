import { z } from "zod";
import type { OperatorPlan } from "../../pii/operators/operator.ts";
import { parseOperatorPlan } from "../../pii/operators/operator.ts";
import { redact, redactSync } from "../../pii/redact.ts";
import { processJsonl } from "../../pii/stream/process-jsonl.ts";
import { createVault } from "../../pii/vault/create-vault.ts";
import type { CliCommand } from "../cli-command.ts";
import { lineErrorReporter, openPiiInput, readHashKey } from "./pii-io.ts";

export const PiiTransformOptions = z
  .object({
    lang: z.enum(["fr", "en", "auto"]).default("auto"),
    input: z.string().optional(),
    operator: z.string().optional(),
    "hash-key-file": z.string().optional(),
  })
  .strict();

type Run = CliCommand<typeof PiiTransformOptions>["run"];

/**
 * The body shared by `pii redact` and `pii pseudonymise`: they differ only in their default operator.
 * Tokens live in an in-memory vault for the run; lines of one `conversation` share their numbering.
 */
export function transformRun(base: OperatorPlan): Run {
  return async ({ options, io }) => {
    const plan = parseOperatorPlan(options.operator, base);
    const kinds = [plan.default.kind, ...Object.values(plan.byType ?? {}).map((o) => o.kind)];
    const hashKey = kinds.includes("hash") ? readHashKey(options["hash-key-file"]) : undefined;
    const vault = kinds.includes("pseudonymise") ? createVault() : undefined;
    const { malformed } = await processJsonl({
      input: openPiiInput(options.input),
      write: io.stdout,
      drain: io.drain,
      reportError: lineErrorReporter(io),
      // Without pseudonyms there is no vault to wait for: a synchronous handler, no promise per line.
      handle: vault
        ? async (line) => {
            const scope = line.conversation ?? "default";
            const out = await redact(line.text, {
              lang: line.lang ?? options.lang,
              plan,
              hashKey,
              vault,
              scope,
            });
            return { id: line.id, text: out.text };
          }
        : (line) => ({
            id: line.id,
            text: redactSync(line.text, { lang: line.lang ?? options.lang, plan, hashKey }).text,
          }),
    });
    return malformed > 0 ? 2 : 0;
  };
}

export const PII_TRANSFORM_FLAGS = {
  lang: { type: "string" },
  input: { type: "string" },
  operator: { type: "string" },
  "hash-key-file": { type: "string" },
} as const;
