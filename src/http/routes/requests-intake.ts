import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app/app-context.ts";
import { validationError } from "../../errors/app-error.ts";
import { Slug } from "../../register/model/common.schema.ts";
import type { OrganisationRef } from "../../register/organisations/resolve-organisation.ts";
import { scheduleMailDelivery } from "../../rights/intake/schedule-mail-delivery.ts";
import { loadOrganisationCalendar } from "../../rights/requests/organisation-calendar.ts";
import { createSystemRequest, SystemRequestInput } from "../../rights/staff/create-system-request.ts";
import { organisationToday } from "../../rights/staff/organisation-today.ts";
import { CreatedRequest, toRequestSummary } from "../../rights/staff/request-views.ts";
import { etagOf, SECURED, withErrors } from "../api-schemas.ts";
import { organisationFor, principalOf } from "../auth.ts";
import { requestLocation, TAG } from "./requests-schemas.ts";

export const ORGANISATION_HEADER = "x-gardien-organisation";

const IntakeHeaders = z.looseObject({
  [ORGANISATION_HEADER]: Slug.optional().describe(
    "The organisation's slug: required with an admin token, optional (and must be its own) with a scoped one",
  ),
});

/**
 * Whose request it is. A scoped token posts for its own organisation; an admin token serves every
 * organisation, so it must say which one — guessing would file a person's request with the wrong controller.
 */
async function intakeOrganisation(
  ctx: AppContext,
  request: FastifyRequest,
): Promise<{ org: Pick<OrganisationRef, "id" | "slug">; actor: string }> {
  const principal = principalOf(request);
  const named = request.headers[ORGANISATION_HEADER];
  const slug = typeof named === "string" && named !== "" ? named : undefined;
  if (slug !== undefined) {
    const { org } = await organisationFor(ctx, request, slug);
    return { org, actor: principal.actor };
  }
  if (principal.admin || principal.orgId === null) {
    throw validationError([
      {
        path: `headers.${ORGANISATION_HEADER}`,
        rule: "required",
        message: "an admin token must name the organisation: send X-Gardien-Organisation: <slug>",
      },
    ]);
  }
  const calendar = await loadOrganisationCalendar(ctx.db, principal.orgId);
  return { org: { id: principal.orgId, slug: calendar.slug }, actor: principal.actor };
}

/** `POST /api/v1/requests`: the organisation's own systems (its site, app, CRM, call centre) file requests. */
export const requestIntakeRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    "/requests",
    {
      schema: {
        ...SECURED,
        tags: [TAG],
        summary: "File a data subject request from one of the organisation's systems",
        description:
          "A scoped token files for its organisation; an admin token must send `X-Gardien-Organisation: <slug>`. " +
          "The due date is one month from receipt (Art. 12(3)). Without `identityVerified: true` the request waits " +
          "for the person to confirm their identity. A request of the same person and type while one is open is " +
          "linked to it (`duplicateOf`) and closed. The Location header is the staff URL of the request.",
        headers: IntakeHeaders,
        body: SystemRequestInput,
        response: withErrors({ 201: CreatedRequest }),
      },
    },
    async (request, reply) => {
      const { org, actor } = await intakeOrganisation(ctx, request);
      const { request: created, identityCheck } = await createSystemRequest(ctx, {
        orgId: org.id,
        actor,
        input: request.body,
      });
      // After the commit, off the response's path: a slow SMTP server never delays the caller.
      if (identityCheck === "mail_queued") void scheduleMailDelivery(ctx);
      return reply
        .status(201)
        .header("location", requestLocation(app.prefix, org.slug, created.id))
        .header("etag", etagOf(created.revision))
        .send({ ...toRequestSummary(created, await organisationToday(ctx, org.id)), identityCheck });
    },
  );
};
