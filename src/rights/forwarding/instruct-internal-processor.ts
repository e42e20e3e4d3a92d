import type { RequestPartyRow } from "../../db/schema.ts";
import { createRequest } from "../requests/create-request.ts";
import { recordRequestEvent } from "../requests/record-request-event.ts";
import type { InstructContext } from "./instruct-context.ts";
import { insertParty, updateParty } from "./party.ts";
import { partyHome } from "./party-home.ts";
import type { ProcessorRoute } from "./resolve-processor-route.ts";

/** Another organisation of this Gardien gets its own copy of the request, as a processor, already instructed. */
export async function instructInternalProcessor(
  c: InstructContext,
  party: RequestPartyRow,
  route: Extract<ProcessorRoute, { channel: "internal" }>,
): Promise<void> {
  const { ctx, request } = c;
  const actor = `organisation:${c.slug}`;
  await createRequest(
    ctx,
    {
      orgId: route.targetOrgId,
      actor,
      input: {
        type: request.type,
        requester: request.requester,
        channel: "forwarded",
        receivedAt: request.receivedAt,
        lang: request.lang,
        role: "processor",
        external: {
          source: "internal",
          counterpartOrgId: c.orgId,
          counterpartName: c.controllerName,
          parentRequestId: c.requestId,
        },
      },
    },
    {
      lockAlso: c.orgId,
      within: async (trx, created) => {
        const at = ctx.now().toISOString();
        // On the processor's open request when the copy is its duplicate (closed at once): a closed copy
        // would read as "answered" to the controller, who would record work nobody did.
        const home = await partyHome(trx, created, { role: "controller", ref: route.reversePeer.ref });
        // The processor's side: its controller, already decided — the instruction is the request itself.
        const controller = await insertParty(trx, at, {
          orgId: route.targetOrgId,
          requestId: home.requestId,
          role: "controller",
          ref: home.ref,
          name: route.reversePeer.name,
          channel: "internal",
          status: "confirmed",
          targetOrgId: c.orgId,
          remoteRequestId: c.requestId,
          data: { peerRef: route.reversePeer.ref, decision: "confirm" },
          sentAt: at,
          answeredAt: at,
        });
        await recordRequestEvent(ctx, trx, {
          orgId: route.targetOrgId,
          requestId: home.requestId,
          kind: "controller_instruction",
          actor,
          data: {
            party: controller.id,
            partyRef: controller.party_ref,
            decision: "confirm",
            via: "internal",
          },
          ...(c.instruction ? { sealed: c.instruction } : {}),
        });
        await updateParty(trx, party, at, {
          status: "sent",
          sentAt: at,
          targetOrgId: route.targetOrgId,
          remoteRequestId: home.requestId,
        });
        await recordRequestEvent(ctx, trx, {
          orgId: c.orgId,
          requestId: c.requestId,
          kind: "processor_instructed",
          actor: c.actor,
          data: { party: party.id, partyRef: party.party_ref, channel: "internal", sent: true },
          ...(c.instruction ? { sealed: c.instruction } : {}),
        });
      },
    },
  );
}
