import { writeFileSync } from "node:fs";
import { z } from "zod";
import { exportRegister } from "../../register/io/export-register.ts";
import { serializeRegister } from "../../register/io/register-file-format.ts";
import { serializeRegisterSpreadsheet } from "../../register/io/spreadsheet/register-spreadsheet.ts";
import { Slug } from "../../register/model/common.schema.ts";
import type { CliCommand } from "../cli-command.ts";

const Options = z
  .object({
    org: Slug,
    format: z.enum(["yaml", "json", "ods", "xlsx"]).default("yaml"),
    output: z.string().min(1).optional(),
  })
  .strict()
  // A spreadsheet is a binary zip: it goes to a file, never to a terminal.
  .refine((o) => (o.format !== "ods" && o.format !== "xlsx") || o.output !== undefined, {
    path: ["output"],
    message: "--format ods|xlsx needs --output FILE",
  });

export const registerExportCommand: CliCommand<typeof Options> = {
  path: ["register", "export"],
  usage: "register export --org SLUG [--format yaml|json|ods|xlsx] [--output FILE]",
  summary: "Write an organisation's whole register as a register-as-code file or a CNIL register spreadsheet",
  flags: { org: { type: "string" }, format: { type: "string" }, output: { type: "string", short: "o" } },
  schema: Options,
  async run({ options, io, openContext }) {
    const ctx = await openContext();
    const file = await exportRegister(ctx, { slug: options.org });
    if (options.format === "ods" || options.format === "xlsx") {
      writeFileSync(options.output ?? "", serializeRegisterSpreadsheet(file, options.format));
      return 0;
    }
    const text = serializeRegister(file, options.format);
    if (options.output) writeFileSync(options.output, text);
    else io.stdout(text);
    return 0;
  },
};
