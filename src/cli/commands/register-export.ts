import { writeFileSync } from "node:fs";
import { z } from "zod";
import { exportRegister } from "../../register/io/export-register.ts";
import { serializeRegister } from "../../register/io/register-file-format.ts";
import { Slug } from "../../register/model/common.schema.ts";
import type { CliCommand } from "../cli-command.ts";

const Options = z
  .object({
    org: Slug,
    format: z.enum(["yaml", "json"]).default("yaml"),
    output: z.string().min(1).optional(),
  })
  .strict();

export const registerExportCommand: CliCommand<typeof Options> = {
  path: ["register", "export"],
  usage: "register export --org SLUG [--format yaml|json] [--output FILE]",
  summary: "Write an organisation's whole register as a register-as-code file",
  flags: { org: { type: "string" }, format: { type: "string" }, output: { type: "string", short: "o" } },
  schema: Options,
  async run({ options, io, openContext }) {
    const ctx = await openContext();
    const text = serializeRegister(await exportRegister(ctx, { slug: options.org }), options.format);
    if (options.output) writeFileSync(options.output, text);
    else io.stdout(text);
    return 0;
  },
};
