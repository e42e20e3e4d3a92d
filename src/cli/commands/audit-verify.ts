import { z } from "zod";
import { verifyAudit } from "../../audit/verify-audit.ts";
import { Slug } from "../../register/model/common.schema.ts";
import { getOrganisation } from "../../register/organisations/get-organisation.ts";
import type { CliCommand } from "../cli-command.ts";

const Options = z.object({ org: Slug.optional(), json: z.boolean().default(false) }).strict();

export const auditVerifyCommand: CliCommand<typeof Options> = {
  path: ["audit", "verify"],
  usage: "audit verify [--org SLUG] [--json]",
  summary: "Check the hash chain of the audit trail; exits 1 at the first broken entry",
  flags: { org: { type: "string" }, json: { type: "boolean" } },
  schema: Options,
  async run({ options, io, openContext }) {
    const ctx = await openContext();
    const chain = options.org ? (await getOrganisation(ctx, { slug: options.org })).id : undefined;
    const report = await verifyAudit(ctx.db, chain === undefined ? {} : { chain });
    if (options.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else {
      for (const c of report.chains) {
        io.stdout(
          c.valid
            ? `ok      chain ${c.chain}: ${c.entries} entries, head ${c.head.slice(0, 16)}\n`
            : `BROKEN  chain ${c.chain}: ${c.firstBreak?.message}\n`,
        );
      }
      io.stdout(report.valid ? "Audit trail intact.\n" : "Audit trail BROKEN.\n");
    }
    return report.valid ? 0 : 1;
  },
};
