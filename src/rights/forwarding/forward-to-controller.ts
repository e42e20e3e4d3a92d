import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { Actor, AppContext } from "../../app/app-context.ts";
import { sealText } from "../../crypto/seal.ts";
import type { Database, RequestPartyRow } from "../../db/schema.ts";
import { organisationName } from "../../documents/format-identity.ts";
import { AppError, notFound, validationError } from "../../errors/app-error.ts";
import { parseOrThrow } from "../../errors/from-zod.ts";
import { queueOutboundRequestIn } from "../../opendsr/outbox/queue-outbound-request.ts";
import { readDocumentRow } from "../../register/documents/read-document-row.ts";
import type { ProcessorEntry } from "../../register/model/processor-entry.schema.ts";
import { enqueueRequestMail } from "../mail/enqueue-request-mail.ts";
import type { DataSubjectRequest, RequestStatus } from "../model/request.schema.ts";
import { createRequest } from "../requests/create-request.ts";
import { getRequest, readRequestRow } from "../requests/get-request.ts";
import { loadOrganisationCalendar } from "../requests/organisation-calendar.ts";
import { recordRequestEvent } from "../requests/record-request-event.ts";
import { toDataSubjectRequest } from "../requests/request-record.ts";
import { transitionRequestIn } from "../requests/transition-request.ts";
import { lockRequestTimeline } from "../staff/lock-request-timeline.ts";
import { ForwardInput } from "./forwarding.types.ts";
import { forwardToControllerMail } from "./forwarding-mails.ts";
import { insertParty, type PartyView, toPartyView } from "./party.ts";
import { partyHome } from "./party-home.ts";
import { partyPageUrl, signPartyLink } from "./party-links.ts";
import { type ControllerRoute, emailPartyRefs, resolveControllerRoute } from "./resolve-controller-route.ts";

/** A request can be forwarded until work on it starts on the controller's instruction. */
const FORWARDABLE: readonly RequestStatus[] = [
  "received",
  "awaiting_identity",
  "in_progress",
  "awaiting_controller",
];

function cannotForward(rule: string, en: string, fr: string): AppError {
  return new AppError("CONFLICT", en, { userMessage: { fr, en }, details: { rule } });
}

export type ForwardResult = { party: PartyView; request: DataSubjectRequest };

/**
 * Processor side (Art. 28(3)(e), Art. 29): a request that concerns a client controller's data goes to that
 * controller, and nothing is done with the data before its instruction — the request waits in
 * `awaiting_controller` until `recordControllerDecision`. Three ways, found by `resolveControllerRoute`:
 * - internal: the controller is another organisation of this Gardien (both registered each other as
 *   local peers): the request is created there (channel `forwarded`, `external.parentRequestId`) with this
 *   organisation as the processor awaiting its instruction;
 * - e-mail: the controller's contact gets the request and a signed link to confirm or refuse it;
 * - OpenDSR: the request goes to the controller's OpenDSR endpoint; its decision comes back by callback.
 *
 * @example await forwardToController(ctx, { orgId, requestId, actor, body: { controllerRef: "slash-clients", peer: "acme" } })
 */
export async function forwardToController(
  ctx: AppContext,
  input: { orgId: string; requestId: string; actor: Actor; body: unknown },
): Promise<ForwardResult> {
  const body = parseOrThrow(ForwardInput, input.body);
  const row = await readRequestRow(ctx.db, input.orgId, input.requestId);
  if (!row) throw notFound("request", input.requestId);
  if (row.role !== "processor")
    throw cannotForward(
      "role_processor",
      "only a request the organisation holds as a processor goes to a controller",
      "Seule une demande reçue en tant que sous-traitant est transmise à un responsable du traitement.",
    );
  const request = toDataSubjectRequest(ctx.config, row);
  const found = await readDocumentRow(ctx.db, "processorEntry", input.orgId, body.controllerRef);
  if (!found || found.document.data.status === "archived")
    throw validationError([
      {
        path: "controllerRef",
        rule: "known_register_entry",
        message: "no such entry in the processor register",
      },
    ]);
  const entry = found.document.data as ProcessorEntry;
  const route = await resolveControllerRoute(ctx, {
    orgId: input.orgId,
    entry,
    peerRef: body.peer,
    email: body.email,
    type: request.type,
  });
  const calendar = await loadOrganisationCalendar(ctx.db, input.orgId);
  const processorName = organisationName(calendar.organisation);
  const at = ctx.now().toISOString();

  // The processor's own side, in whichever transaction also holds the channel's writes.
  const writeOwnSide = async (
    trx: Transaction<Database>,
    link: { targetOrgId?: string; remoteRequestId?: string },
  ): Promise<RequestPartyRow> => {
    await lockRequestTimeline(trx, input.orgId);
    const current = await readRequestRow(trx, input.orgId, input.requestId);
    if (!current || !FORWARDABLE.includes(current.status as RequestStatus))
      throw cannotForward(
        "status",
        `a request in status ${current?.status} cannot be forwarded`,
        `Une demande au statut « ${current?.status} » ne peut plus être transmise.`,
      );
    const twice = await trx
      .selectFrom("request_parties")
      .select("id")
      .where("request_id", "=", input.requestId)
      .where("role", "=", "controller")
      .where(
        "party_ref",
        "in",
        route.channel === "email" ? emailPartyRefs(ctx.config, route.email) : [route.ref],
      )
      .executeTakeFirst();
    if (twice)
      throw cannotForward(
        "already_forwarded",
        "the request was already forwarded to this controller",
        "La demande a déjà été transmise à ce responsable du traitement.",
      );
    const id = randomUUID();
    const party = await insertParty(trx, at, {
      id,
      orgId: input.orgId,
      requestId: input.requestId,
      role: "controller",
      ref: route.ref,
      name: route.name,
      channel: route.channel,
      status: "sent",
      targetOrgId: link.targetOrgId ?? null,
      remoteRequestId: link.remoteRequestId ?? null,
      data: { controllerRef: entry.ref, ...(route.channel !== "email" ? { peerRef: route.peer.ref } : {}) },
      sentAt: at,
      addressSealed:
        route.channel === "email"
          ? sealText(ctx.config, route.email, { use: "email-encryption", aad: `party:${id}` })
          : null,
    });
    await recordRequestEvent(ctx, trx, {
      orgId: input.orgId,
      requestId: input.requestId,
      kind: "forwarded_to_controller",
      actor: input.actor,
      data: { party: party.id, partyRef: route.ref, channel: route.channel, controllerRef: entry.ref },
      ...(body.note ? { sealed: body.note } : {}),
    });
    if (current.status !== "awaiting_controller") {
      await transitionRequestIn(ctx, trx, {
        orgId: input.orgId,
        requestId: input.requestId,
        to: "awaiting_controller",
        actor: input.actor,
        data: { reason: "forwarded_to_controller" },
      });
    }
    return party;
  };

  const party = await sendBy(route);
  return { party: toPartyView(party), request: await getRequest(ctx, input) };

  async function sendBy(r: ControllerRoute): Promise<RequestPartyRow> {
    if (r.channel === "internal") {
      let own: RequestPartyRow | undefined;
      await createRequest(
        ctx,
        {
          orgId: r.targetOrgId,
          actor: `organisation:${calendar.slug}`,
          input: {
            type: request.type,
            requester: request.requester,
            channel: "forwarded",
            // Conservative: the person's request reached the controller's processor on this date.
            receivedAt: request.receivedAt,
            lang: request.lang,
            role: "controller",
            external: {
              source: "internal",
              counterpartOrgId: input.orgId,
              counterpartName: processorName,
              parentRequestId: input.requestId,
            },
          },
        },
        {
          lockAlso: input.orgId,
          within: async (trx, created) => {
            const home = await partyHome(trx, created, {
              role: "processor",
              ref: r.reversePeer.registerRefs[0] ?? r.reversePeer.ref,
            });
            await insertParty(trx, at, {
              orgId: r.targetOrgId,
              requestId: home.requestId,
              role: "processor",
              ref: home.ref,
              name: r.reversePeer.name,
              channel: "internal",
              status: "pending",
              targetOrgId: input.orgId,
              remoteRequestId: input.requestId,
              data: { peerRef: r.reversePeer.ref, origin: true },
            });
            own = await writeOwnSide(trx, {
              targetOrgId: r.targetOrgId,
              remoteRequestId: home.requestId,
            });
          },
        },
      );
      if (!own) throw new Error("forwarding did not record its party");
      return own;
    }
    return ctx.db.transaction().execute(async (trx) => {
      const own = await writeOwnSide(trx, {});
      if (r.channel === "opendsr") {
        await queueOutboundRequestIn(ctx, trx, {
          orgId: input.orgId,
          peer: r.peer,
          request,
          partyId: own.id,
        });
        return own;
      }
      const lang = body.lang ?? calendar.defaultLanguage;
      const link = signPartyLink(ctx.config, { requestId: input.requestId, partyId: own.id, now: ctx.now() });
      const mail = forwardToControllerMail({
        lang,
        processorName,
        controllerName: r.name,
        request,
        note: body.note,
        decisionUrl: partyPageUrl(ctx.config, {
          slug: calendar.slug,
          page: "controller-decision",
          token: link.token,
          lang,
        }),
        expiresOn: new Date(link.expiresAt).toISOString().slice(0, 10),
      });
      await enqueueRequestMail(ctx, trx, {
        orgId: input.orgId,
        requestId: input.requestId,
        kind: "forward_to_controller",
        dedupeKey: `forward:${own.id}`,
        message: { to: r.email, subject: mail.subject, text: mail.text, lang },
      });
      return own;
    });
  }
}
