import { z } from "zod";
import { listOrganisations } from "../../register/organisations/list-organisations.ts";
import type { CliCommand } from "../cli-command.ts";

export const orgListCommand: CliCommand = {
  path: ["org", "list"],
  usage: "org list",
  summary: "List the organisations of this install",
  flags: {},
  schema: z.object({}).strict(),
  async run({ io, openContext }) {
    for (const org of await listOrganisations(await openContext())) {
      io.stdout(`${org.slug.padEnd(24)} ${org.data.legalName} (rev ${org.revision})\n`);
    }
    return 0;
  },
};
