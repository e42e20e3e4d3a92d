import { z } from "zod";
import { createToken } from "../../auth/create-token.ts";
import { Slug } from "../../register/model/common.schema.ts";
import type { CliCommand } from "../cli-command.ts";

const Options = z
  .object({
    org: Slug.optional(),
    admin: z.boolean().default(false),
    name: z.string().trim().min(1).max(100),
  })
  .strict()
  .refine((o) => o.admin !== (o.org !== undefined), {
    message: "give either --org SLUG or --admin",
    path: ["org"],
  });

export const tokenCreateCommand: CliCommand<typeof Options> = {
  path: ["token", "create"],
  usage: "token create --org SLUG|--admin --name NAME",
  summary: "Create an API token (printed once; stored hashed)",
  flags: { org: { type: "string" }, admin: { type: "boolean" }, name: { type: "string" } },
  schema: Options,
  async run({ options, io, openContext }) {
    const ctx = await openContext();
    const created = await createToken(ctx, {
      name: options.name,
      actor: "cli",
      ...(options.admin ? { admin: true } : { orgSlug: options.org! }),
    });
    io.stdout(`${created.token}\n`);
    io.stderr(
      `Token ${created.id} (${created.orgSlug ?? "admin: every organisation"}). It is shown only once.\n`,
    );
    return 0;
  },
};
