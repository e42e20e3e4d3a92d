import { z } from "zod";
import type { Actor, AppContext } from "../../app/app-context.ts";
import { parseOrThrow } from "../../errors/from-zod.ts";
import { CreateRequestInput } from "../model/request.schema.ts";
import { type CreateRequestResult, createRequest } from "../requests/create-request.ts";
import { type IdentityCheck, queueIdentityCheck } from "./queue-identity-check.ts";

/**
 * What the organisation's own systems post (`POST /api/v1/requests`): a request as their app, site or
 * call centre took it. `external` is left out: it is for requests from another controller or processor
 * (OpenDSR, forwarding), and it would waive the identity check.
 */
export const SystemRequestInput = CreateRequestInput.omit({ channel: true, external: true }).extend({
  channel: z
    .enum(["api", "web_form", "email", "letter", "phone", "in_person"])
    .default("api")
    .describe("How the person reached the organisation's system; default api"),
  identityVerified: z
    .boolean()
    .default(false)
    .describe(
      "true when the system authenticated the person (a signed-in customer); otherwise the request waits for identity",
    ),
});
export type SystemRequestInput = z.input<typeof SystemRequestInput>;

/**
 * Records a request posted by one of the organisation's systems, with the identity check it needs.
 *
 * @example
 * await createSystemRequest(ctx, { orgId, actor: "token:abc", input: {
 *   type: "erasure", requester: { email: "jeanne@example.org", customerId: "C-1042" }, identityVerified: true } });
 */
export async function createSystemRequest(
  ctx: AppContext,
  args: { orgId: string; actor: Actor; input: unknown },
): Promise<CreateRequestResult & { identityCheck: IdentityCheck }> {
  const input = parseOrThrow(SystemRequestInput, args.input);
  let identityCheck: IdentityCheck = "not_needed";
  const result = await createRequest(
    ctx,
    { orgId: args.orgId, actor: args.actor, input },
    {
      within: async (trx, created) => {
        identityCheck = await queueIdentityCheck(ctx, trx, created);
      },
    },
  );
  return { ...result, identityCheck };
}
