import { z } from "zod";
import { Slug } from "../../register/model/common.schema.ts";
import { runReminders } from "../../rights/reminders/run-reminders.ts";
import type { CliCommand } from "../cli-command.ts";
import { organisationIdOf } from "./requests-cli-support.ts";

const Options = z.object({ org: Slug.optional(), json: z.boolean().default(false) }).strict();

/**
 * One run of the rights scheduler, for installs that prefer cron to `serve`'s timer (or run both: the
 * dedupe keys keep each reminder single). Prints counts only, never who the requests are from.
 */
export const rightsRunRemindersCommand: CliCommand<typeof Options> = {
  path: ["rights", "run-reminders"],
  usage: "rights run-reminders [--org SLUG] [--json]",
  summary: "Queue due reminders and overdue flags for open requests, then send the queued mails",
  flags: { org: { type: "string" }, json: { type: "boolean" } },
  schema: Options,
  async run({ options, io, openContext }) {
    const ctx = await openContext();
    const orgId = options.org ? await organisationIdOf(ctx, options.org) : undefined;
    const result = await runReminders(ctx, orgId === undefined ? {} : { orgId });
    if (options.json) {
      io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      const sent = result.delivered ?? { sent: 0, retried: 0, failed: 0 };
      io.stdout(
        `${result.candidates} open request(s) due soon or overdue: ${result.reminders} reminder(s) queued, ` +
          `${result.overdue} flagged overdue, ${result.withoutRecipient} without recipient, ${result.errors} error(s).\n` +
          `Mails: ${sent.sent} sent, ${sent.retried} to retry, ${sent.failed} failed.\n`,
      );
    }
    return result.errors > 0 ? 1 : 0;
  },
};
