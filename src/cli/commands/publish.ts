import { z } from "zod";
import { publishRegister } from "../../publication/publish-register.ts";
import { Slug } from "../../register/model/common.schema.ts";
import type { CliCommand } from "../cli-command.ts";

const Options = z
  .object({
    org: Slug,
    note: z.string().trim().min(1).max(2000).optional(),
    json: z.boolean().optional(),
  })
  .strict();

export const publishCommand: CliCommand<typeof Options> = {
  path: ["publish"],
  usage: "publish --org SLUG [--note TEXT] [--json]",
  summary:
    "Publish the register: freeze the current version, summarise the changes, tell subscribers of material ones",
  flags: { org: { type: "string" }, note: { type: "string" }, json: { type: "boolean" } },
  schema: Options,
  async run({ options, io, openContext }) {
    const { publication, notification } = await publishRegister(await openContext(), {
      slug: options.org,
      actor: "cli",
      note: options.note,
    });
    if (options.json) {
      io.stdout(`${JSON.stringify({ publication, notification }, null, 2)}\n`);
      return 0;
    }
    const lines = [
      `Published version ${publication.number} of ${options.org} (${publication.publishedAt})`,
      ...publication.summary.map((l) => `  - ${l.en}`),
      publication.material.length > 0
        ? `Material changes: ${publication.material.length}; subscribers notified: ${notification?.sent ?? 0}, failed: ${notification?.failed ?? 0}`
        : "No material change: subscribers are not notified.",
    ];
    io.stdout(`${lines.join("\n")}\n`);
    return 0;
  },
};
