import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { z } from "zod";
import type { AppContext } from "../../app/app-context.ts";
import type { EntityType } from "../../register/documents/document-kinds.ts";
import { getRevision } from "../../register/history/get-revision.ts";
import { listHistory } from "../../register/history/list-history.ts";
import { restoreRevision } from "../../register/history/restore-revision.ts";
import { HistoryBody, RestoreBody, RevisionBody, SECURED, withErrors } from "../api-schemas.ts";
import { organisationFor } from "../auth.ts";

export type ZodApp = Parameters<FastifyPluginAsyncZod>[0];

export type HistoryTarget = {
  entityType: EntityType;
  /** The entity's own path, e.g. `/organisations/:slug/activities/:ref`. */
  path: string;
  tag: string;
  /** The entity as summaries name it: "an activity", "the organisation"... */
  label: string;
  params: z.ZodType<{ slug: string; ref?: string }>;
  revisionParams: z.ZodType<{ slug: string; ref?: string; revision: number }>;
};

/**
 * The three history routes of an entity: list its revisions (newest first, each with its field-level
 * diff), read one revision, and restore one (which writes a new revision pointing at the old one).
 * Written once for the organisation and the three document kinds.
 */
export function registerHistoryRoutes(app: ZodApp, ctx: AppContext, target: HistoryTarget): void {
  const scope = (params: { slug: string; ref?: string }) => params.ref ?? params.slug;

  app.get(
    `${target.path}/history`,
    {
      schema: {
        ...SECURED,
        tags: [target.tag],
        summary: `Revisions of ${target.label}, newest first, with field-level diffs`,
        params: target.params,
        response: withErrors({ 200: HistoryBody }),
      },
    },
    async (request) => {
      const { org } = await organisationFor(ctx, request, request.params.slug);
      const items = await listHistory(ctx, {
        orgId: org.id,
        entityType: target.entityType,
        ref: scope(request.params),
      });
      return { items };
    },
  );

  app.get(
    `${target.path}/history/:revision`,
    {
      schema: {
        ...SECURED,
        tags: [target.tag],
        summary: `One revision of ${target.label}, with the document as it was`,
        params: target.revisionParams,
        response: withErrors({ 200: RevisionBody }),
      },
    },
    async (request) => {
      const { org } = await organisationFor(ctx, request, request.params.slug);
      return getRevision(ctx, {
        orgId: org.id,
        entityType: target.entityType,
        ref: scope(request.params),
        revision: request.params.revision,
      });
    },
  );

  app.post(
    `${target.path}/history/:revision/restore`,
    {
      schema: {
        ...SECURED,
        tags: [target.tag],
        summary: `Restore a revision of ${target.label} as a new revision`,
        params: target.revisionParams,
        response: withErrors({ 200: RestoreBody }),
      },
    },
    async (request) => {
      const { org, principal } = await organisationFor(ctx, request, request.params.slug);
      return restoreRevision(ctx, {
        orgId: org.id,
        entityType: target.entityType,
        ref: scope(request.params),
        revision: request.params.revision,
        actor: principal.actor,
      });
    },
  );
}
