/**
 * Staff's side of the identity check: record that identity was established by other means, or ask the
 * person for more information (Art. 12(6)). Token scoped to the organisation (or admin); a request of
 * another organisation is "not found", exactly like an unknown id. Responses name no one: the request's
 * state and its identity timeline (when the link went, when more information was asked for and arrived).
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app/app-context.ts";
import { loadIdentityTimeline } from "../../rights/identity/identity-timeline.ts";
import { RequestMoreInfoBody, requestMoreInfo } from "../../rights/identity/request-more-info.ts";
import { VERIFICATION_METHODS, verifyIdentity } from "../../rights/identity/verify-identity.ts";
import { scheduleMailDelivery } from "../../rights/intake/schedule-mail-delivery.ts";
import type { DataSubjectRequest } from "../../rights/model/request.schema.ts";
import { etagOf, IfMatchHeaders, revisionFromIfMatch, SECURED, withErrors } from "../api-schemas.ts";
import { organisationFor } from "../auth.ts";
import { RequestParams as Params, TAG } from "./requests-schemas.ts";

/** Staff's own methods; `email_link` is the person's click and is recorded by the public page only. */
const STAFF_METHODS = VERIFICATION_METHODS.filter((m) => m !== "email_link") as [
  Exclude<(typeof VERIFICATION_METHODS)[number], "email_link">,
  ...Exclude<(typeof VERIFICATION_METHODS)[number], "email_link">[],
];

const VerifyBody = z
  .object({
    method: z.enum(STAFF_METHODS).describe("How identity was established"),
    note: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .optional()
      .describe("How it was checked, in staff's words; sealed on the timeline"),
  })
  .strict();

const MoreInfoExchange = z.object({
  ask: z.string(),
  requestedAt: z.string(),
  receivedAt: z.string().nullable(),
});

const IdentityBody = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.string(),
  identityStatus: z.string(),
  revision: z.number().int(),
  identity: z.object({
    linkSentAt: z.string().nullable(),
    linksSent: z.number().int(),
    verifiedAt: z.string().nullable(),
    verifiedMethod: z.string().nullable(),
    moreInfo: z.array(MoreInfoExchange),
    moreInfoRequestedAt: z
      .string()
      .nullable()
      .describe("When more information was last asked for (Art. 12(6))"),
    moreInfoReceivedAt: z.string().nullable().describe("When the answer to it arrived"),
  }),
});

const MoreInfoBody = IdentityBody.extend({
  ask: z.string().describe("Names this exchange; the person's answer carries it"),
  linkExpiresAt: z.string().describe("Until when the person's answer link works"),
});

export const requestIdentityRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  async function bodyOf(request: DataSubjectRequest) {
    return {
      id: request.id,
      reference: request.reference,
      status: request.status,
      identityStatus: request.identityStatus,
      revision: request.revision,
      identity: await loadIdentityTimeline(ctx.db, { orgId: request.orgId, requestId: request.id }),
    };
  }

  app.post(
    "/organisations/:slug/requests/:id/identity/verify",
    {
      schema: {
        ...SECURED,
        tags: [TAG],
        summary: "Record that the requester's identity was verified by staff, and how",
        description:
          "Sets the identity to verified and moves a request awaiting identity to in progress. Idempotent: an already verified request is returned unchanged.",
        params: Params,
        headers: IfMatchHeaders,
        body: VerifyBody,
        response: withErrors({ 200: IdentityBody }),
      },
    },
    async (request, reply) => {
      const { org, principal } = await organisationFor(ctx, request, request.params.slug);
      const { request: updated } = await verifyIdentity(ctx, {
        orgId: org.id,
        requestId: request.params.id,
        actor: principal.actor,
        method: request.body.method,
        note: request.body.note,
        expectedRevision: revisionFromIfMatch(request.headers["if-match"]),
      });
      reply.header("etag", etagOf(updated.revision));
      return bodyOf(updated);
    },
  );

  app.post(
    "/organisations/:slug/requests/:id/identity/request-more-info",
    {
      schema: {
        ...SECURED,
        tags: [TAG],
        summary: "Ask the requester for more information to confirm their identity (Art. 12(6))",
        description:
          "Only with a stated reason of reasonable doubt (sealed, not sent). Mails the question with a link to an answer page; the request waits in awaiting_identity.",
        params: Params,
        headers: IfMatchHeaders,
        body: RequestMoreInfoBody,
        response: withErrors({ 200: MoreInfoBody }),
      },
    },
    async (request, reply) => {
      const { org, principal } = await organisationFor(ctx, request, request.params.slug);
      const result = await requestMoreInfo(ctx, {
        orgId: org.id,
        requestId: request.params.id,
        actor: principal.actor,
        body: request.body,
        expectedRevision: revisionFromIfMatch(request.headers["if-match"]),
      });
      void scheduleMailDelivery(ctx);
      reply.header("etag", etagOf(result.request.revision));
      return { ...(await bodyOf(result.request)), ask: result.ask, linkExpiresAt: result.linkExpiresAt };
    },
  );
};
