import { z } from "zod";
import { validationError } from "../../errors/app-error.ts";
import { formatFindings } from "../../lint/format-findings.ts";
import { lintRegister } from "../../lint/lint-register.ts";
import { exportRegister } from "../../register/io/export-register.ts";
import { Slug } from "../../register/model/common.schema.ts";
import type { CliCommand } from "../cli-command.ts";

const Options = z
  .object({
    org: Slug.optional(),
    format: z.enum(["text", "json"]).default("text"),
    lang: z.enum(["fr", "en"]).default("fr"),
  })
  .strict();

export const lintCommand: CliCommand<typeof Options> = {
  path: ["lint"],
  usage: "lint FILE|--org SLUG [--format text|json] [--lang fr|en]",
  summary: "Check a register against the GDPR; exits 1 when any error is found",
  flags: { org: { type: "string" }, format: { type: "string" }, lang: { type: "string" } },
  schema: Options,
  async run({ options, positionals, io, openContext }) {
    if (options.org && positionals[0]) {
      throw validationError([{ path: "FILE", rule: "exclusive", message: "give a FILE or --org, not both" }]);
    }
    const register = options.org
      ? await exportRegister(await openContext(), { slug: options.org })
      : (await import("./read-register-file.ts")).readRegisterFile(positionals[0]);
    const findings = lintRegister(register, { lang: options.lang });
    io.stdout(formatFindings(findings, { format: options.format, lang: options.lang }));
    return findings.some((f) => f.severity === "error") ? 1 : 0;
  },
};
