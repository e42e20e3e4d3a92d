import type { Transaction } from "kysely";
import type { Database, RequestPartyRow } from "../../db/schema.ts";
import { queueOutboundRequestIn } from "../../opendsr/outbox/queue-outbound-request.ts";
import { enqueueRequestMail } from "../mail/enqueue-request-mail.ts";
import { recordRequestEvent } from "../requests/record-request-event.ts";
import { processorInstructionMail } from "./forwarding-mails.ts";
import type { InstructContext } from "./instruct-context.ts";
import { updateParty } from "./party.ts";
import { partyPageUrl, signPartyLink } from "./party-links.ts";
import type { ProcessorRoute } from "./resolve-processor-route.ts";

/** E-mail, OpenDSR and by-hand instructions, in the controller's transaction. */
export async function sendProcessorInstruction(
  c: InstructContext,
  trx: Transaction<Database>,
  party: RequestPartyRow,
  route: ProcessorRoute,
): Promise<void> {
  const at = c.ctx.now().toISOString();
  if (route.channel === "manual") {
    await updateParty(trx, party, at, { data: { reason: route.reason } });
  } else if (route.channel === "opendsr") {
    await queueOutboundRequestIn(c.ctx, trx, {
      orgId: c.orgId,
      peer: route.peer,
      request: c.request,
      partyId: party.id,
    });
    await updateParty(trx, party, at, { status: "sent", sentAt: at });
  } else if (route.channel === "email") {
    const link = signPartyLink(c.ctx.config, { requestId: c.requestId, partyId: party.id, now: c.ctx.now() });
    const mail = processorInstructionMail({
      lang: c.lang,
      controllerName: c.controllerName,
      processorName: party.name,
      request: c.request,
      instruction: c.instruction,
      answerUrl: partyPageUrl(c.ctx.config, {
        slug: c.slug,
        page: "processor-answer",
        token: link.token,
        lang: c.lang,
      }),
      expiresOn: new Date(link.expiresAt).toISOString().slice(0, 10),
    });
    await enqueueRequestMail(c.ctx, trx, {
      orgId: c.orgId,
      requestId: c.requestId,
      kind: "processor_instruction",
      dedupeKey: `instruct:${party.id}`,
      message: { to: route.email, subject: mail.subject, text: mail.text, lang: c.lang },
    });
    await updateParty(trx, party, at, { status: "sent", sentAt: at });
  }
  await recordRequestEvent(c.ctx, trx, {
    orgId: c.orgId,
    requestId: c.requestId,
    kind: "processor_instructed",
    actor: c.actor,
    data: {
      party: party.id,
      partyRef: party.party_ref,
      channel: route.channel,
      sent: route.channel !== "manual",
      ...(route.channel === "manual" ? { reason: route.reason } : {}),
    },
    ...(c.instruction && route.channel !== "manual" ? { sealed: c.instruction } : {}),
  });
}
