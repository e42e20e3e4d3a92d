import { z } from "zod";
import { Slug } from "../../register/model/common.schema.ts";
import { RequestStatus, RequestType } from "../../rights/model/request.schema.ts";
import { listStaffRequests } from "../../rights/staff/list-staff-requests.ts";
import type { CliCommand } from "../cli-command.ts";
import { organisationIdOf } from "./requests-cli-support.ts";

const Options = z
  .object({
    org: Slug,
    status: z.union([RequestStatus, z.literal("open")]).optional(),
    type: RequestType.optional(),
    overdue: z.boolean().optional(),
    "due-before": z.iso.date().optional(),
    "include-duplicates": z.boolean().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).default(0),
    json: z.boolean().default(false),
  })
  .strict();

export const requestsListCommand: CliCommand<typeof Options> = {
  path: ["requests", "list"],
  usage:
    "requests list --org SLUG [--status S|open] [--type T] [--overdue] [--due-before DATE] [--include-duplicates] [--limit N] [--offset N] [--json]",
  summary: "List an organisation's data subject requests, soonest due first",
  flags: {
    org: { type: "string" },
    status: { type: "string" },
    type: { type: "string" },
    overdue: { type: "boolean" },
    "due-before": { type: "string" },
    "include-duplicates": { type: "boolean" },
    limit: { type: "string" },
    offset: { type: "string" },
    json: { type: "boolean" },
  },
  schema: Options,
  async run({ options, io, openContext }) {
    const ctx = await openContext();
    const list = await listStaffRequests(ctx, {
      orgId: await organisationIdOf(ctx, options.org),
      query: {
        ...(options.status !== undefined ? { status: options.status } : {}),
        ...(options.type !== undefined ? { type: options.type } : {}),
        ...(options.overdue ? { overdue: true } : {}),
        ...(options["due-before"] !== undefined ? { dueBefore: options["due-before"] } : {}),
        ...(options["include-duplicates"] ? { includeDuplicates: true } : {}),
        limit: options.limit,
        offset: options.offset,
      },
    });
    if (options.json) {
      io.stdout(`${JSON.stringify(list, null, 2)}\n`);
      return 0;
    }
    for (const r of list.items) {
      const flags = [r.overdue ? "OVERDUE" : "", r.duplicateOf ? `duplicate of ${r.duplicateOf}` : ""].filter(
        Boolean,
      );
      io.stdout(
        `${r.reference}  ${r.type.padEnd(25)} ${r.status.padEnd(19)} due ${r.dueOn}  ${r.id}${flags.length ? `  ${flags.join(", ")}` : ""}\n`,
      );
    }
    io.stdout(`${list.items.length} of ${list.total} (today ${list.today})\n`);
    return 0;
  },
};
