import { z } from "zod";
import { importRegister } from "../../register/io/import-register.ts";
import type { CliCommand } from "../cli-command.ts";
import { readRegisterFile } from "./read-register-file.ts";

const Options = z.object({ prune: z.boolean().default(false), json: z.boolean().default(false) }).strict();

export const registerImportCommand: CliCommand<typeof Options> = {
  path: ["register", "import"],
  usage: "register import FILE [--prune] [--json]",
  summary: "Validate a whole register file, then write it (all or nothing)",
  flags: { prune: { type: "boolean" }, json: { type: "boolean" } },
  schema: Options,
  async run({ options, positionals, io, openContext }) {
    const file = readRegisterFile(positionals[0]);
    const ctx = await openContext();
    const summary = await importRegister(ctx, { body: file, actor: "cli", prune: options.prune });
    if (options.json) {
      io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
      return 0;
    }
    io.stdout(`Organisation ${summary.organisation.slug}: ${summary.organisation.outcome}\n`);
    for (const key of ["activities", "processors", "processorRegister"] as const) {
      const c = summary[key];
      io.stdout(
        `  ${key}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.archived} archived\n`,
      );
    }
    return 0;
  },
};
