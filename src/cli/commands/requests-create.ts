import { z } from "zod";
import { Slug } from "../../register/model/common.schema.ts";
import { Lang, RequestRole, RequestType } from "../../rights/model/request.schema.ts";
import { enterRequest, MANUAL_CHANNELS } from "../../rights/staff/enter-request.ts";
import { organisationToday } from "../../rights/staff/organisation-today.ts";
import { ReceivedAt } from "../../rights/staff/received-at.ts";
import { toRequestSummary } from "../../rights/staff/request-views.ts";
import type { CliCommand } from "../cli-command.ts";
import { organisationIdOf, withFlagNames } from "./requests-cli-support.ts";

const Options = z
  .object({
    org: Slug,
    type: RequestType,
    channel: z.enum(MANUAL_CHANNELS),
    "received-at": ReceivedAt,
    email: z.string().optional(),
    "postal-address": z.string().optional(),
    name: z.string().optional(),
    phone: z.string().optional(),
    "customer-id": z.string().optional(),
    message: z.string().optional(),
    representative: z.string().optional(),
    activity: z
      .string()
      .optional()
      .transform((v) => (v === undefined ? [] : v.split(",").map((s) => s.trim()))),
    lang: Lang.optional(),
    role: RequestRole.optional(),
    "identity-verified": z.boolean().default(false),
    json: z.boolean().default(false),
  })
  .strict()
  .refine((o) => o.email !== undefined || o["postal-address"] !== undefined, {
    path: ["email"],
    message: "give --email or --postal-address: the answer must reach the person",
  });

// Where each field of the request comes from on the command line.
const FLAG_OF = {
  type: "--type",
  channel: "--channel",
  receivedAt: "--received-at",
  "requester.email": "--email",
  "requester.postalAddress": "--postal-address",
  "requester.name": "--name",
  "requester.phone": "--phone",
  "requester.customerId": "--customer-id",
  "requester.message": "--message",
  "requester.representative": "--representative",
  activityRefs: "--activity",
  lang: "--lang",
  role: "--role",
};

const IDENTITY_NOTE = {
  not_needed: "",
  // The server's scheduler drains the outbox: a command does not send another organisation's mail.
  mail_queued: "The identity link is queued for the requester's e-mail; the server sends it.\n",
  awaiting_staff:
    "No e-mail address: check the person's identity yourselves and record it (POST …/requests/ID/identity/verify).\n",
};

export const requestsCreateCommand: CliCommand<typeof Options> = {
  path: ["requests", "create"],
  usage:
    "requests create --org SLUG --type T --channel email|letter|phone|in_person --received-at DATE|DATETIME (--email E|--postal-address A) [--name N] [--phone P] [--customer-id C] [--message M] [--activity REF,...] [--lang fr|en] [--identity-verified] [--json]",
  summary:
    "Enter a request received by e-mail, letter, phone or in person (the date of receipt starts the month)",
  flags: {
    org: { type: "string" },
    type: { type: "string" },
    channel: { type: "string" },
    "received-at": { type: "string" },
    email: { type: "string" },
    "postal-address": { type: "string" },
    name: { type: "string" },
    phone: { type: "string" },
    "customer-id": { type: "string" },
    message: { type: "string" },
    representative: { type: "string" },
    activity: { type: "string" },
    lang: { type: "string" },
    role: { type: "string" },
    "identity-verified": { type: "boolean" },
    json: { type: "boolean" },
  },
  schema: Options,
  async run({ options, io, openContext }) {
    const ctx = await openContext();
    const orgId = await organisationIdOf(ctx, options.org);
    const requester = Object.fromEntries(
      Object.entries({
        name: options.name,
        email: options.email,
        phone: options.phone,
        postalAddress: options["postal-address"],
        customerId: options["customer-id"],
        message: options.message,
        representative: options.representative,
      }).filter(([, v]) => v !== undefined),
    );
    const { request, identityCheck } = await withFlagNames(FLAG_OF, () =>
      enterRequest(ctx, {
        orgId,
        actor: "cli",
        input: {
          type: options.type,
          channel: options.channel,
          receivedAt: options["received-at"],
          requester,
          activityRefs: options.activity,
          identityVerified: options["identity-verified"],
          ...(options.lang !== undefined ? { lang: options.lang } : {}),
          ...(options.role !== undefined ? { role: options.role } : {}),
        },
      }),
    );
    const summary = { ...toRequestSummary(request, await organisationToday(ctx, orgId)), identityCheck };
    if (options.json) {
      io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
      return 0;
    }
    io.stdout(`${summary.id}\n`);
    io.stderr(
      `${summary.reference}: ${summary.type}, ${summary.status}, received ${summary.receivedOn}, due ${summary.dueOn}${
        summary.duplicateOf ? ` (duplicate of ${summary.duplicateOf}, closed)` : ""
      }\n${IDENTITY_NOTE[identityCheck]}`,
    );
    return 0;
  },
};
