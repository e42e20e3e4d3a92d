import { z } from "zod";
import { rotateKeys } from "../../keys/rotate-keys.ts";
import type { CliCommand } from "../cli-command.ts";

const Options = z
  .object({ "dry-run": z.boolean().default(false), json: z.boolean().default(false) })
  .strict();

/**
 * The second half of a key rotation: set the new key as GARDIEN_SECRET_KEY and the old one in
 * GARDIEN_PREVIOUS_SECRET_KEYS, restart, then run this; once it reports nothing left, drop the old key.
 */
export const keysRotateCommand: CliCommand<typeof Options> = {
  path: ["keys", "rotate"],
  usage: "keys rotate [--dry-run] [--json]",
  summary: "Re-encrypt personal data sealed under a retired key with the current one",
  flags: { "dry-run": { type: "boolean" }, json: { type: "boolean" } },
  schema: Options,
  async run({ options, io, openContext }) {
    const report = await rotateKeys(await openContext(), { dryRun: options["dry-run"], actor: "cli" });
    if (options.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else {
      for (const c of report.columns) io.stdout(`${`${c.table}.${c.column}`.padEnd(36)} ${c.resealed}\n`);
      io.stdout(
        options["dry-run"]
          ? `${report.total} value(s) sealed under a retired key would be re-encrypted with key ${report.currentKeyId}.\n`
          : `${report.total} value(s) re-encrypted with key ${report.currentKeyId}; retired keys can now be removed.\n`,
      );
    }
    return 0;
  },
};
