import { z } from "zod";
import { Slug } from "../../register/model/common.schema.ts";
import { getRequestDetails, type RequestDetails } from "../../rights/staff/get-request-details.ts";
import type { CliCommand } from "../cli-command.ts";
import { organisationIdOf, requestIdArgument } from "./requests-cli-support.ts";

const Options = z.object({ org: Slug, json: z.boolean().default(false) }).strict();

function showText(details: RequestDetails): string {
  const { request: r, timeline, attachments, parties } = details;
  const who = r.requester;
  const lines = [
    `${r.reference} (${r.id}), revision ${r.revision}`,
    `  type       ${r.type}`,
    `  status     ${r.status}${r.outcome ? ` (${r.outcome})` : ""}`,
    `  channel    ${r.channel}, role ${r.role}, language ${r.lang}`,
    `  received   ${r.receivedOn} (${r.receivedAt})`,
    `  due        ${r.dueOn}${r.overdue ? "  OVERDUE" : ""}${r.extension ? ` (extended from ${r.originalDueOn})` : ""}`,
    `  identity   ${r.identityStatus}`,
    `  assignee   ${r.assignee ?? "-"}`,
    `  activities ${r.activityRefs.length ? r.activityRefs.join(", ") : "(all that may concern the person)"}`,
    ...(r.duplicateOf ? [`  duplicate of ${r.duplicateOf}`] : []),
    "Requester:",
    ...Object.entries(who).map(
      ([k, v]) => `  ${k.padEnd(14)} ${String(v).replace(/\n/g, "\n                 ")}`,
    ),
    "Timeline:",
    ...timeline.map(
      (e) =>
        `  ${String(e.seq).padStart(3)} ${e.at} ${e.actor.padEnd(14)} ${e.kind}${
          Object.keys(e.data).length ? ` ${JSON.stringify(e.data)}` : ""
        }${e.text !== null ? `\n      ${e.text}` : ""}${e.unreadable ? " (sealed text unreadable)" : ""}`,
    ),
  ];
  if (attachments.length > 0) {
    lines.push("Attachments:");
    for (const a of attachments)
      lines.push(`  ${a.id} ${a.purpose.padEnd(14)} ${a.mediaType} ${a.size} B  ${a.name}`);
  }
  if (parties.length > 0) {
    lines.push("Parties:");
    for (const p of parties)
      lines.push(`  ${p.role.padEnd(10)} ${p.partyRef} (${p.name}) ${p.channel} ${p.status}`);
  }
  return `${lines.join("\n")}\n`;
}

export const requestsShowCommand: CliCommand<typeof Options> = {
  path: ["requests", "show"],
  usage: "requests show --org SLUG ID [--json]",
  summary: "Show one request: who asked, its timeline, attachments and parties",
  flags: { org: { type: "string" }, json: { type: "boolean" } },
  schema: Options,
  async run({ options, positionals, io, openContext }) {
    const requestId = requestIdArgument(positionals);
    const ctx = await openContext();
    const details = await getRequestDetails(ctx, {
      orgId: await organisationIdOf(ctx, options.org),
      requestId,
    });
    io.stdout(options.json ? `${JSON.stringify(details, null, 2)}\n` : showText(details));
    return 0;
  },
};
