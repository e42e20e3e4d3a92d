import { createHash, randomUUID } from "node:crypto";
import type { AppContext } from "../app/app-context.ts";
import type { OpenDsrExchangeRow } from "../db/schema.ts";
import { AppError, conflict, validationError } from "../errors/app-error.ts";
import { insertParty } from "../rights/forwarding/party.ts";
import { partyHome } from "../rights/forwarding/party-home.ts";
import { createRequest } from "../rights/requests/create-request.ts";
import { readRequestRow } from "../rights/requests/get-request.ts";
import { loadOrganisationCalendar } from "../rights/requests/organisation-calendar.ts";
import { recordRequestEvent } from "../rights/requests/record-request-event.ts";
import { OPENDSR_API_VERSION, type OpenDsrCreatedBody, OpenDsrRequestBody } from "./opendsr.schema.ts";
import { requesterFromIdentities } from "./opendsr-identities.ts";
import { expectedCompletionTime, openDsrStatusOf } from "./opendsr-status.ts";
import type { Peer } from "./peers/peer.schema.ts";
import { readSignedJson } from "./read-signed-json.ts";
import { chooseRecipient, type SignedMessage, verifySignedMessage } from "./verify-signed-message.ts";

const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export type ReceivedRequest = { orgId: string; body: OpenDsrCreatedBody; replay: boolean };

/**
 * `POST /opendsr/v1/requests` (OpenDSR §7): a peer's request becomes a Gardien request of the organisation
 * that registered the peer. The signature is checked on the raw bytes first; only then is the body parsed
 * and validated. The peer's relation decides the organisation's role:
 * - the peer is its controller: the request is the controller's instruction (Art. 28(3)(a)); the request is
 *   held as a processor and work can start;
 * - the peer is its processor, forwarding a person's request (Art. 28(3)(e)): the request is held as the
 *   controller, with the processor as a party awaiting this organisation's instruction.
 * The same subject_request_id from the same peer is a replay: the first answer is given again and nothing
 * is created twice (a different body under the same id is a 409).
 */
export async function receiveOpenDsrRequest(
  ctx: AppContext,
  message: SignedMessage,
): Promise<ReceivedRequest> {
  const raw = message.rawBody ?? Buffer.alloc(0);
  const sender = await verifySignedMessage(ctx, { ...message, rawBody: raw });
  const body = readSignedJson(OpenDsrRequestBody, raw);
  const peer = await chooseRecipient(ctx, sender, body.extensions?.gardien?.recipient_key_id);
  const bodySha256 = createHash("sha256").update(raw).digest("hex");

  const earlier = await findExchange(ctx, peer, body.subject_request_id);
  if (earlier) return replay(ctx, peer, earlier, bodySha256, raw);

  // SSRF guard: callbacks go only to the host the peer was registered with.
  const origin = peer.baseUrl ? new URL(peer.baseUrl).origin : "";
  const issues = body.status_callback_urls.flatMap((url, i) =>
    new URL(url).origin === origin
      ? []
      : [
          {
            path: `status_callback_urls[${i}]`,
            rule: "peer_host",
            message: "must be on the peer's registered host",
          },
        ],
  );
  if (Date.parse(body.submitted_time) > ctx.now().getTime() + FUTURE_TOLERANCE_MS)
    issues.push({ path: "submitted_time", rule: "not_in_future", message: "must not be in the future" });
  if (issues.length > 0) throw validationError(issues);
  const requester = requesterFromIdentities(body.subject_identities);
  const role = peer.relation === "controller" ? "processor" : "controller";
  const actor = `opendsr:${peer.ref}`;
  try {
    await createRequest(
      ctx,
      {
        orgId: peer.orgId,
        actor,
        input: {
          type: body.subject_request_type,
          requester,
          channel: "opendsr",
          receivedAt: body.submitted_time,
          role,
          external: {
            source: "opendsr",
            remoteRequestId: body.subject_request_id,
            counterpartName: peer.name,
            ...(body.status_callback_urls.length > 0
              ? { statusCallbackUrls: body.status_callback_urls }
              : {}),
          },
        },
      },
      {
        within: async (trx, created) => {
          const at = ctx.now().toISOString();
          const partyRole = role === "processor" ? "controller" : "processor";
          // A duplicate is closed at once: the party and the peer's view follow the first request.
          const home = await partyHome(trx, created, {
            role: partyRole,
            ref: role === "processor" ? peer.ref : (peer.registerRefs[0] ?? peer.ref),
          });
          const handled = created.duplicateOf ?? created.request;
          const party = await insertParty(trx, at, {
            orgId: peer.orgId,
            requestId: home.requestId,
            role: partyRole,
            ref: home.ref,
            name: peer.name,
            channel: "opendsr",
            // A controller's request is its instruction; a forwarding processor waits for this one's.
            status: role === "processor" ? "confirmed" : "pending",
            remoteRequestId: body.subject_request_id,
            data:
              role === "processor"
                ? { peerRef: peer.ref, decision: "confirm" }
                : { peerRef: peer.ref, origin: true },
            ...(role === "processor" ? { sentAt: at, answeredAt: at } : {}),
          });
          if (role === "processor") {
            await recordRequestEvent(ctx, trx, {
              orgId: peer.orgId,
              requestId: home.requestId,
              kind: "controller_instruction",
              actor,
              data: { party: party.id, partyRef: home.ref, decision: "confirm", via: "opendsr" },
            });
          }
          const exchangeId = randomUUID();
          await trx
            .insertInto("opendsr_exchanges")
            .values({
              id: exchangeId,
              org_id: peer.orgId,
              peer_id: peer.id,
              direction: "inbound",
              subject_request_id: body.subject_request_id,
              request_id: home.requestId,
              party_id: party.id,
              body_sha256: bodySha256,
              // No copy of the identities: what the request needs of them is sealed on it
              // (requesterFromIdentities); a second copy would only be more to protect.
              callback_urls: JSON.stringify(body.status_callback_urls),
              remote_status: null,
              notified_status: openDsrStatusOf(handled),
              expected_completion_time: null,
              results_url: null,
              polled_at: null,
              created_at: at,
              updated_at: at,
            })
            .execute();
        },
      },
    );
  } catch (error) {
    // Two deliveries of the same request at once: the unique exchange lets one through; answer the other
    // as a replay.
    const raced = await findExchange(ctx, peer, body.subject_request_id);
    if (raced) return replay(ctx, peer, raced, bodySha256, raw);
    throw error;
  }
  const created = await findExchange(ctx, peer, body.subject_request_id);
  if (!created) throw new AppError("INTERNAL", "the OpenDSR exchange was not stored");
  return { orgId: peer.orgId, body: await createdBody(ctx, peer, created, raw), replay: false };
}

async function findExchange(
  ctx: AppContext,
  peer: Peer,
  subjectRequestId: string,
): Promise<OpenDsrExchangeRow | undefined> {
  return ctx.db
    .selectFrom("opendsr_exchanges")
    .selectAll()
    .where("org_id", "=", peer.orgId)
    .where("peer_id", "=", peer.id)
    .where("direction", "=", "inbound")
    .where("subject_request_id", "=", subjectRequestId)
    .executeTakeFirst();
}

async function replay(
  ctx: AppContext,
  peer: Peer,
  exchange: OpenDsrExchangeRow,
  bodySha256: string,
  raw: Buffer,
): Promise<ReceivedRequest> {
  if (exchange.body_sha256 !== bodySha256)
    throw conflict("this subject_request_id was already used with another body", {
      rule: "subject_request_id_reused",
    });
  return { orgId: peer.orgId, body: await createdBody(ctx, peer, exchange, raw), replay: true };
}

/** §7.3: the 201 body; `encoded_request` is the request as received (the peer must not store it). */
async function createdBody(
  ctx: AppContext,
  peer: Peer,
  exchange: OpenDsrExchangeRow,
  raw: Buffer,
): Promise<OpenDsrCreatedBody> {
  const request = await readRequestRow(ctx.db, peer.orgId, exchange.request_id);
  const calendar = await loadOrganisationCalendar(ctx.db, peer.orgId);
  return {
    controller_id: peer.ref,
    expected_completion_time: expectedCompletionTime(
      request?.due_on ?? exchange.created_at.slice(0, 10),
      calendar.timeZone,
    ),
    received_time: exchange.created_at.replace(/\.\d{3}Z$/, "Z"),
    encoded_request: raw.toString("base64"),
    subject_request_id: exchange.subject_request_id,
    api_version: OPENDSR_API_VERSION,
  };
}
