import { z } from "zod";
import type { Actor, AppContext } from "../../app/app-context.ts";
import { parseOrThrow } from "../../errors/from-zod.ts";
import { CreateRequestInput } from "../model/request.schema.ts";
import { type CreateRequestResult, createRequest } from "../requests/create-request.ts";
import { loadOrganisationCalendar } from "../requests/organisation-calendar.ts";
import { type IdentityCheck, queueIdentityCheck } from "./queue-identity-check.ts";
import { ReceivedAt, receivedInstant } from "./received-at.ts";

/** The channels by which a request reaches staff by hand. */
export const MANUAL_CHANNELS = ["email", "letter", "phone", "in_person"] as const;

/**
 * A request received by letter, e-mail, phone or in person, typed in by staff. The date of receipt is
 * required: the Art. 12(3) month runs from it, not from the day it was typed in.
 */
export const ManualRequestInput = CreateRequestInput.omit({
  channel: true,
  receivedAt: true,
  external: true,
}).extend({
  channel: z.enum(MANUAL_CHANNELS).describe("How the request arrived"),
  receivedAt: ReceivedAt.describe(
    "Date of receipt (YYYY-MM-DD: the start of that day where the organisation is established) or the instant with its offset",
  ),
  identityVerified: z
    .boolean()
    .default(false)
    .describe("true when staff know the person (a signed letter from a known customer)"),
});
export type ManualRequestInput = z.input<typeof ManualRequestInput>;

/**
 * Records a request staff received outside Gardien.
 *
 * @example
 * await enterRequest(ctx, { orgId, actor: "cli", input: { type: "access", channel: "letter",
 *   receivedAt: "2026-11-20", requester: { name: "Jeanne Martin", postalAddress: "12 rue des Lilas, Paris" } } });
 */
export async function enterRequest(
  ctx: AppContext,
  args: { orgId: string; actor: Actor; input: unknown },
): Promise<CreateRequestResult & { identityCheck: IdentityCheck }> {
  const input = parseOrThrow(ManualRequestInput, args.input);
  const { timeZone } = await loadOrganisationCalendar(ctx.db, args.orgId);
  let identityCheck: IdentityCheck = "not_needed";
  const result = await createRequest(
    ctx,
    {
      orgId: args.orgId,
      actor: args.actor,
      input: { ...input, receivedAt: receivedInstant(input.receivedAt, timeZone) },
    },
    {
      within: async (trx, created) => {
        identityCheck = await queueIdentityCheck(ctx, trx, created);
      },
    },
  );
  return { ...result, identityCheck };
}
