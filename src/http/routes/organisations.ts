import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app/app-context.ts";
import { Organisation } from "../../register/model/organisation.schema.ts";
import { archiveOrganisation } from "../../register/organisations/archive-organisation.ts";
import { createOrganisation } from "../../register/organisations/create-organisation.ts";
import { getOrganisation } from "../../register/organisations/get-organisation.ts";
import { listOrganisations } from "../../register/organisations/list-organisations.ts";
import type { StoredOrganisation } from "../../register/organisations/organisation-record.ts";
import { updateOrganisation } from "../../register/organisations/update-organisation.ts";
import {
  etagOf,
  IfMatchHeaders,
  OrgRevisionParams,
  QueryBool,
  revisionFromIfMatch,
  SECURED,
  SlugParams,
  StoredOrganisationBody,
  uncheckedResponse,
  withErrors,
} from "../api-schemas.ts";
import { organisationFor, principalOf, requireAdmin } from "../auth.ts";
import { registerHistoryRoutes } from "./history.ts";

const TAG = "organisations";

function organisationBody(org: StoredOrganisation) {
  return {
    slug: org.slug,
    revision: org.revision,
    archivedAt: org.archivedAt,
    createdAt: org.createdAt,
    updatedAt: org.updatedAt,
    data: org.data,
  };
}

/** Organisations: the controllers (and processors) whose registers Gardien keeps. */
export const organisationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const locationOf = (slug: string) => `${app.prefix}/organisations/${slug}`;

  app.get(
    "/organisations",
    {
      schema: {
        ...SECURED,
        tags: [TAG],
        summary: "List the organisations this token may see (a scoped token sees its own only)",
        querystring: z.object({ includeArchived: QueryBool.optional() }),
        response: withErrors({
          200: uncheckedResponse(z.object({ items: z.array(StoredOrganisationBody) })),
        }),
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const orgs = await listOrganisations(ctx, {
        ...(request.query.includeArchived !== undefined
          ? { includeArchived: request.query.includeArchived }
          : {}),
        ...(principal.admin ? {} : { onlyIds: principal.orgId ? [principal.orgId] : [] }),
      });
      return { items: orgs.map(organisationBody) };
    },
  );

  app.post(
    "/organisations",
    {
      schema: {
        ...SECURED,
        tags: [TAG],
        summary: "Create an organisation (admin token)",
        body: Organisation,
        response: withErrors({ 201: StoredOrganisationBody }),
      },
    },
    async (request, reply) => {
      const principal = requireAdmin(request);
      const org = await createOrganisation(ctx, { body: request.body, actor: principal.actor });
      return reply
        .status(201)
        .header("location", locationOf(org.slug))
        .header("etag", etagOf(org.revision))
        .send(organisationBody(org));
    },
  );

  app.get(
    "/organisations/:slug",
    {
      schema: {
        ...SECURED,
        tags: [TAG],
        summary: "Read an organisation",
        params: SlugParams,
        response: withErrors({ 200: StoredOrganisationBody }),
      },
    },
    async (request, reply) => {
      const { org: ref } = await organisationFor(ctx, request, request.params.slug);
      const org = await getOrganisation(ctx, { slug: ref.slug });
      return reply.header("etag", etagOf(org.revision)).send(organisationBody(org));
    },
  );

  app.put(
    "/organisations/:slug",
    {
      schema: {
        ...SECURED,
        tags: [TAG],
        summary: "Replace an organisation (a different slug in the body renames it)",
        description:
          'With `If-Match: "<revision>"`, the write is refused with 409 unless that is the stored revision.',
        params: SlugParams,
        headers: IfMatchHeaders,
        body: Organisation,
        response: withErrors({ 200: StoredOrganisationBody }),
      },
    },
    async (request, reply) => {
      const { org, principal } = await organisationFor(ctx, request, request.params.slug);
      const expectedRevision = revisionFromIfMatch(request.headers["if-match"]);
      const result = await updateOrganisation(ctx, {
        slug: org.slug,
        body: request.body,
        actor: principal.actor,
        ...(expectedRevision !== undefined ? { expectedRevision } : {}),
      });
      if (result.organisation.slug !== org.slug)
        reply.header("location", locationOf(result.organisation.slug));
      return reply
        .header("etag", etagOf(result.organisation.revision))
        .send(organisationBody(result.organisation));
    },
  );

  app.post(
    "/organisations/:slug/archive",
    {
      schema: {
        ...SECURED,
        tags: [TAG],
        summary: "Archive an organisation (admin token); its register and history stay",
        params: SlugParams,
        response: withErrors({ 200: StoredOrganisationBody }),
      },
    },
    async (request, reply) => {
      const principal = requireAdmin(request);
      const result = await archiveOrganisation(ctx, { slug: request.params.slug, actor: principal.actor });
      return reply
        .header("etag", etagOf(result.organisation.revision))
        .send(organisationBody(result.organisation));
    },
  );

  registerHistoryRoutes(app, ctx, {
    entityType: "organisation",
    path: "/organisations/:slug",
    tag: TAG,
    label: "the organisation",
    params: SlugParams,
    revisionParams: OrgRevisionParams,
  });
};
