import { z } from "zod";
import { Slug } from "../../register/model/common.schema.ts";
import { TransitionFields } from "../../rights/model/request.schema.ts";
import { moveRequest } from "../../rights/staff/move-request.ts";
import { organisationToday } from "../../rights/staff/organisation-today.ts";
import { toRequestSummary } from "../../rights/staff/request-views.ts";
import type { CliCommand } from "../cli-command.ts";
import { organisationIdOf, requestIdArgument, withFlagNames } from "./requests-cli-support.ts";

const Options = z
  .object({
    org: Slug,
    ...TransitionFields,
    revision: z.coerce.number().int().min(1).optional(),
    json: z.boolean().default(false),
  })
  .strict();

export const requestsTransitionCommand: CliCommand<typeof Options> = {
  path: ["requests", "transition"],
  usage:
    "requests transition --org SLUG ID --to STATUS [--outcome granted|partly_granted|refused|no_action] [--note TEXT] [--revision N] [--json]",
  summary: "Move a request to another status (answered needs --outcome; --revision refuses a stale change)",
  flags: {
    org: { type: "string" },
    to: { type: "string" },
    outcome: { type: "string" },
    note: { type: "string" },
    revision: { type: "string" },
    json: { type: "boolean" },
  },
  schema: Options,
  async run({ options, positionals, io, openContext }) {
    const requestId = requestIdArgument(positionals);
    const ctx = await openContext();
    const orgId = await organisationIdOf(ctx, options.org);
    const moved = await withFlagNames({ outcome: "--outcome", to: "--to" }, () =>
      moveRequest(ctx, {
        orgId,
        requestId,
        to: options.to,
        actor: "cli",
        ...(options.outcome !== undefined ? { outcome: options.outcome } : {}),
        ...(options.note !== undefined ? { note: options.note } : {}),
        ...(options.revision !== undefined ? { expectedRevision: options.revision } : {}),
      }),
    );
    if (options.json) {
      const summary = toRequestSummary(moved, await organisationToday(ctx, orgId));
      io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
    } else {
      io.stdout(
        `${moved.reference}: ${moved.status}${moved.outcome ? ` (${moved.outcome})` : ""}, revision ${moved.revision}\n`,
      );
    }
    return 0;
  },
};
