import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app/app-context.ts";
import { scheduleMailDelivery } from "../../rights/intake/schedule-mail-delivery.ts";
import { RequestStatus, RequestType } from "../../rights/model/request.schema.ts";
import { enterRequest, ManualRequestInput } from "../../rights/staff/enter-request.ts";
import { getRequestDetails, RequestDetails } from "../../rights/staff/get-request-details.ts";
import { listStaffRequests } from "../../rights/staff/list-staff-requests.ts";
import { organisationToday } from "../../rights/staff/organisation-today.ts";
import { CreatedRequest, RequestSummary, toRequestSummary } from "../../rights/staff/request-views.ts";
import { etagOf, QueryBool, SECURED, SlugParams, withErrors } from "../api-schemas.ts";
import { organisationFor } from "../auth.ts";
import { requestAnswerRoutes } from "./request-answers.ts";
import { requestIdentityRoutes } from "./request-identity.ts";
import { requestPartyRoutes } from "./request-parties.ts";
import { requestAttachmentRoutes } from "./requests-attachments.ts";
import { requestIntakeRoutes } from "./requests-intake.ts";
import { NO_STORE, RequestParams, requestLocation, TAG } from "./requests-schemas.ts";
import { rightsSettingsRoutes } from "./requests-settings.ts";
import { requestWorkflowRoutes } from "./requests-workflow.ts";

const ListQuery = z
  .object({
    status: z
      .union([RequestStatus, z.literal("open")])
      .optional()
      .describe(
        "A status, or open (received, awaiting identity, in progress, awaiting controller/processors)",
      ),
    type: RequestType.optional(),
    overdue: QueryBool.optional().describe("Only open requests past their due date"),
    dueBefore: z.iso.date().optional().describe("Only requests due on or before this date"),
    includeDuplicates: QueryBool.optional().describe("Also list duplicates linked to a first request"),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

const ListBody = z.object({
  items: z.array(RequestSummary),
  total: z.number().int().describe("Matching requests, all pages"),
  limit: z.number().int(),
  offset: z.number().int(),
  today: z.string().describe("The organisation's date that decided `overdue`"),
});

/**
 * Data subject requests, for the organisation's staff (a token scoped to it, or admin): enter one received
 * by hand, list, read one with its timeline; the workflow, attachments and settings routes are registered
 * here too, with identity checks, forwarding parties and answers. Every response is
 * `Cache-Control: no-store`: they hold personal data or lead to it.
 */
export const requestRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook("onSend", async (_request, reply, payload) => {
    reply.header("cache-control", NO_STORE);
    return payload;
  });
  const collection = "/organisations/:slug/requests";

  app.post(
    collection,
    {
      schema: {
        ...SECURED,
        tags: [TAG],
        summary: "Enter a request received by e-mail, letter, phone or in person",
        description:
          "`receivedAt` is the date of receipt (the Art. 12(3) month runs from it); a date alone means the " +
          "start of that day in the organisation's time zone. Without `identityVerified: true` the request waits " +
          "for identity.",
        params: SlugParams,
        body: ManualRequestInput,
        response: withErrors({ 201: CreatedRequest }),
      },
    },
    async (request, reply) => {
      const { org, principal } = await organisationFor(ctx, request, request.params.slug);
      const { request: created, identityCheck } = await enterRequest(ctx, {
        orgId: org.id,
        actor: principal.actor,
        input: request.body,
      });
      if (identityCheck === "mail_queued") void scheduleMailDelivery(ctx);
      return reply
        .status(201)
        .header("location", requestLocation(app.prefix, org.slug, created.id))
        .header("etag", etagOf(created.revision))
        .send({ ...toRequestSummary(created, await organisationToday(ctx, org.id)), identityCheck });
    },
  );

  app.get(
    collection,
    {
      schema: {
        ...SECURED,
        tags: [TAG],
        summary: "List the organisation's requests, soonest due first (nothing of the requester)",
        params: SlugParams,
        querystring: ListQuery,
        response: withErrors({ 200: ListBody }),
      },
    },
    async (request) => {
      const { org } = await organisationFor(ctx, request, request.params.slug);
      return listStaffRequests(ctx, { orgId: org.id, query: request.query });
    },
  );

  app.get(
    `${collection}/:id`,
    {
      schema: {
        ...SECURED,
        tags: [TAG],
        summary: "Read a request: who asked, its timeline, attachments and the other parties",
        description:
          "The ETag is the request's revision: send it as If-Match to transitions and assignment. Notes and " +
          "attachments add to the timeline without changing it.",
        params: RequestParams,
        response: withErrors({ 200: RequestDetails }),
      },
    },
    async (request, reply) => {
      const { org } = await organisationFor(ctx, request, request.params.slug);
      const details = await getRequestDetails(ctx, { orgId: org.id, requestId: request.params.id });
      return reply.header("etag", etagOf(details.request.revision)).send(details);
    },
  );

  await app.register(requestIntakeRoutes, { ctx });
  await app.register(requestWorkflowRoutes, { ctx });
  await app.register(requestAttachmentRoutes, { ctx });
  await app.register(rightsSettingsRoutes, { ctx });
  await app.register(requestIdentityRoutes, { ctx });
  await app.register(requestPartyRoutes, { ctx });
  await app.register(requestAnswerRoutes, { ctx });
};
