/**
 * OpenDSR 2.0 over HTTP. Two plugins:
 *
 * - `opendsrRoutes` (root, no token): the OpenDSR endpoints peers call. `/opendsr/v1/discovery?org={slug}`,
 *   `/requests`, `/requests/{id}` and `/callbacks` are host-wide: the organisation is the one that
 *   registered the signing peer (its key id), or, when several did, the one whose key the peer names.
 *   Every body is read as raw bytes (a content-type parser for these routes only), the signature is checked
 *   on those bytes, and only then is the JSON parsed and validated: an unsigned or unknown peer gets 401, a
 *   bad signature 403, whatever the body holds.
 * - `opendsrPeerRoutes` (under /api/v1, token): staff register peers and read their own key.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app/app-context.ts";
import { notFound } from "../../errors/app-error.ts";
import { cancelOpenDsrRequest } from "../../opendsr/cancel-opendsr-request.ts";
import { describeOpenDsrEndpoint, describeOpenDsrIdentity } from "../../opendsr/describe-opendsr-endpoint.ts";
import { KEY_ID_HEADER, SIGNATURE_HEADER, signBytes } from "../../opendsr/opendsr-signature.ts";
import { archivePeer } from "../../opendsr/peers/archive-peer.ts";
import { createPeer } from "../../opendsr/peers/create-peer.ts";
import { getPeer } from "../../opendsr/peers/get-peer.ts";
import { listPeers } from "../../opendsr/peers/list-peers.ts";
import { PeerInput, PeerView } from "../../opendsr/peers/peer.schema.ts";
import { toPeerView } from "../../opendsr/peers/peer-record.ts";
import { updatePeer } from "../../opendsr/peers/update-peer.ts";
import { readOpenDsrStatus } from "../../opendsr/read-opendsr-status.ts";
import { receiveOpenDsrCallback } from "../../opendsr/receive-opendsr-callback.ts";
import { receiveOpenDsrRequest } from "../../opendsr/receive-opendsr-request.ts";
import { findPublicKey, getSigningKey } from "../../opendsr/signing-key.ts";
import type { SignedMessage } from "../../opendsr/verify-signed-message.ts";
import { Ref, Slug } from "../../register/model/common.schema.ts";
import { resolveOrganisation } from "../../register/organisations/resolve-organisation.ts";
import { scheduleForwardingDelivery } from "../../rights/forwarding/run-forwarding-tick.ts";
import { scheduleMailDelivery } from "../../rights/intake/schedule-mail-delivery.ts";
import { QueryBool, SECURED, SlugParams, withErrors } from "../api-schemas.ts";
import { organisationFor } from "../auth.ts";

/** An OpenDSR request is a few identities: 64 KiB is generous, and caps what an unsigned caller makes us read. */
export const OPENDSR_BODY_LIMIT = 64 * 1024;
const TAG = "opendsr";
const IdParams = z.object({ id: z.string().min(1).max(100).describe("The subject_request_id") });

function signedMessage(request: FastifyRequest): SignedMessage {
  return {
    method: request.method,
    path: request.url,
    headers: request.headers,
    rawBody: Buffer.isBuffer(request.body) ? request.body : undefined,
  };
}

export const opendsrRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Raw bytes for every content type, on these routes only: the signature covers the bytes as sent, and
  // nothing may parse them before it is checked.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    "*",
    { parseAs: "buffer", bodyLimit: OPENDSR_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );
  app.addHook("onSend", async (_request, reply, payload) => {
    reply.header("cache-control", "no-store");
    // The API's 401 names the Bearer scheme; here the credential is a signature.
    if (reply.statusCode === 401) reply.header("www-authenticate", 'Signature realm="opendsr"');
    return payload;
  });

  /** OpenDSR §7.4, §8.3: answers carry the organisation's signature over the exact bytes sent. */
  async function sendSigned(reply: FastifyReply, orgId: string, status: number, body: unknown) {
    const key = await getSigningKey(ctx, orgId);
    const bytes = Buffer.from(JSON.stringify(body), "utf8");
    return reply
      .status(status)
      .type("application/json; charset=utf-8")
      .header(SIGNATURE_HEADER, signBytes(key.privateKey, bytes))
      .header(KEY_ID_HEADER, key.keyId)
      .send(bytes);
  }

  const signedDescription =
    "Signed: `X-OpenDSR-Signature` (RSA-SHA256, base64) over the raw body and `X-OpenDSR-Key-Id` (the peer's " +
    "key id); checked before the body is parsed. 401 unknown signer, 403 bad signature.";

  app.get(
    "/opendsr/v1/discovery",
    {
      schema: {
        tags: [TAG],
        summary: "OpenDSR discovery (§6) for one organisation",
        querystring: z.object({ org: Slug.describe("The organisation's slug") }),
      },
    },
    async (request, reply) => {
      const org = await resolveOrganisation(ctx.db, request.query.org);
      if (!org || org.archivedAt !== null) throw notFound("organisation", request.query.org);
      return reply.send(await describeOpenDsrEndpoint(ctx, org.id));
    },
  );

  app.get(
    "/opendsr/v1/keys/:keyId",
    {
      schema: {
        tags: [TAG],
        summary: "An organisation's public signing key (PEM)",
        params: z.object({ keyId: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "must be a key id") }),
      },
    },
    async (request, reply) => {
      const key = await findPublicKey(ctx, request.params.keyId);
      if (!key) throw notFound("OpenDSR key", request.params.keyId);
      return reply.type("application/x-pem-file").send(key.publicKeyPem);
    },
  );

  app.post(
    "/opendsr/v1/requests",
    {
      schema: { tags: [TAG], summary: "Submit an OpenDSR request (§7); 201", description: signedDescription },
    },
    async (request, reply) => {
      const received = await receiveOpenDsrRequest(ctx, signedMessage(request));
      return sendSigned(reply, received.orgId, 201, received.body);
    },
  );

  app.get(
    "/opendsr/v1/requests/:id",
    {
      schema: {
        tags: [TAG],
        summary: "Status of an OpenDSR request (§8)",
        description:
          "Signed without a body: the signature covers `METHOD\\nPATH\\nX-OpenDSR-Timestamp\\nX-OpenDSR-Recipient`.",
        params: IdParams,
      },
    },
    async (request, reply) => {
      const status = await readOpenDsrStatus(ctx, signedMessage(request), request.params.id);
      return sendSigned(reply, status.orgId, 200, status.body);
    },
  );

  app.delete(
    "/opendsr/v1/requests/:id",
    {
      schema: {
        tags: [TAG],
        summary: "Cancel a pending OpenDSR request (§9); 202",
        description: "Signed like the status request. 409 once the request is no longer pending.",
        params: IdParams,
      },
    },
    async (request, reply) => {
      const cancelled = await cancelOpenDsrRequest(ctx, signedMessage(request), request.params.id);
      void scheduleForwardingDelivery(ctx);
      return sendSigned(reply, cancelled.orgId, 202, cancelled.body);
    },
  );

  app.post(
    "/opendsr/v1/callbacks",
    {
      schema: {
        tags: [TAG],
        summary: "Status callback from a peer (§8.6); 202",
        description: signedDescription,
      },
    },
    async (request, reply) => {
      const received = await receiveOpenDsrCallback(ctx, signedMessage(request));
      // A decision or an answer may have moved requests: their own callbacks and mails go out now.
      void scheduleForwardingDelivery(ctx);
      void scheduleMailDelivery(ctx);
      return reply.status(202).send({ accepted: true, applied: received.applied });
    },
  );
};

const PeerParams = SlugParams.extend({ ref: Ref });
const IdentityBody = z.object({
  keyId: z.string(),
  algorithm: z.string(),
  publicKey: z.string(),
  baseUrl: z.string(),
  discoveryUrl: z.string(),
  callbackUrl: z.string(),
});

export const opendsrPeerRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const common = { ...SECURED, tags: [TAG] };
  const base = "/organisations/:slug/opendsr";

  app.get(
    `${base}/identity`,
    {
      schema: {
        ...common,
        summary: "The organisation's OpenDSR key and endpoints, to give to its peers",
        params: SlugParams,
        response: withErrors({ 200: IdentityBody }),
      },
    },
    async (request) => {
      const { org } = await organisationFor(ctx, request, request.params.slug);
      return describeOpenDsrIdentity(ctx, org);
    },
  );

  app.get(
    `${base}/peers`,
    {
      schema: {
        ...common,
        summary: "List the organisation's peers",
        params: SlugParams,
        querystring: z.object({ includeArchived: QueryBool.optional() }).strict(),
        response: withErrors({ 200: z.object({ items: z.array(PeerView) }) }),
      },
    },
    async (request) => {
      const { org } = await organisationFor(ctx, request, request.params.slug);
      const peers = await listPeers(ctx, {
        orgId: org.id,
        includeArchived: request.query.includeArchived ?? false,
      });
      return { items: await Promise.all(peers.map((p) => toPeerView(ctx.db, p))) };
    },
  );

  app.post(
    `${base}/peers`,
    {
      schema: {
        ...common,
        summary: "Register a peer: an OpenDSR server (base URL, public key) or another organisation here",
        params: SlugParams,
        body: PeerInput,
        response: withErrors({ 201: PeerView }),
      },
    },
    async (request, reply) => {
      const { org, principal } = await organisationFor(ctx, request, request.params.slug);
      const peer = await createPeer(ctx, { orgId: org.id, actor: principal.actor, body: request.body });
      return reply
        .status(201)
        .header("location", `${app.prefix}/organisations/${org.slug}/opendsr/peers/${peer.ref}`)
        .send(await toPeerView(ctx.db, peer));
    },
  );

  app.get(
    `${base}/peers/:ref`,
    {
      schema: { ...common, summary: "One peer", params: PeerParams, response: withErrors({ 200: PeerView }) },
    },
    async (request) => {
      const { org } = await organisationFor(ctx, request, request.params.slug);
      return toPeerView(ctx.db, await getPeer(ctx, { orgId: org.id, ref: request.params.ref }));
    },
  );

  app.put(
    `${base}/peers/:ref`,
    {
      schema: {
        ...common,
        summary: "Replace a peer (a new key, a new URL)",
        params: PeerParams,
        body: PeerInput,
        response: withErrors({ 200: PeerView }),
      },
    },
    async (request) => {
      const { org, principal } = await organisationFor(ctx, request, request.params.slug);
      const peer = await updatePeer(ctx, {
        orgId: org.id,
        ref: request.params.ref,
        actor: principal.actor,
        body: request.body,
      });
      return toPeerView(ctx.db, peer);
    },
  );

  app.delete(
    `${base}/peers/:ref`,
    {
      schema: {
        ...common,
        summary: "Archive a peer: its signatures are refused from now on",
        params: PeerParams,
        response: withErrors({ 200: PeerView }),
      },
    },
    async (request) => {
      const { org, principal } = await organisationFor(ctx, request, request.params.slug);
      return toPeerView(
        ctx.db,
        await archivePeer(ctx, { orgId: org.id, ref: request.params.ref, actor: principal.actor }),
      );
    },
  );
};
