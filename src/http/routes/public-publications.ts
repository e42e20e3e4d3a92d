/**
 * The API side of publishing (token required, under /api/v1): publish the register, list its versions,
 * read one. What is published is then served without a token by public-pages.ts.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app/app-context.ts";
import { getPublication } from "../../publication/get-publication.ts";
import { listPublications } from "../../publication/list-publications.ts";
import { MATERIAL_CHANGE_KINDS } from "../../publication/publication-types.ts";
import { publishRegister } from "../../publication/publish-register.ts";
import { RegisterFile } from "../../register/model/register-file.schema.ts";
import { SECURED, SlugParams, uncheckedResponse, withErrors } from "../api-schemas.ts";
import { organisationFor } from "../auth.ts";

const TAG = "publications";
const Line = z.object({ fr: z.string(), en: z.string() });
const PublicationBody = z.object({
  number: z.number().int().describe("1, 2, … in order of publication"),
  publishedAt: z.string().describe("ISO 8601 UTC"),
  author: z.string().describe("token:<id>, cli or system"),
  note: z.string().nullable(),
  summary: z.array(Line).describe("What changed since the previous version, one line per change"),
  material: z
    .array(Line.extend({ kind: z.enum(MATERIAL_CHANGE_KINDS), activity: z.string() }))
    .describe("The changes that affect people's rights; subscribers are e-mailed when there is any"),
});
const PublishBody = z.object({ note: z.string().trim().min(1).max(2000).optional() }).strict();

export const publicationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    "/organisations/:slug/publications",
    {
      schema: {
        ...SECURED,
        tags: [TAG],
        summary: "Publish the register: freeze the current version",
        description:
          "Freezes the whole register as the next version, with a summary of changes and the material changes. " +
          "409 when nothing changed since the latest version. Confirmed subscribers are e-mailed on a material change.",
        params: SlugParams,
        body: PublishBody.optional(),
        response: withErrors({
          201: uncheckedResponse(
            z.object({
              publication: PublicationBody,
              notification: z.object({ sent: z.number(), failed: z.number() }).nullable(),
            }),
          ),
        }),
      },
    },
    async (request, reply) => {
      const { org, principal } = await organisationFor(ctx, request, request.params.slug);
      const result = await publishRegister(ctx, {
        slug: org.slug,
        actor: principal.actor,
        note: request.body?.note,
      });
      return reply.status(201).header("location", `${request.url}/${result.publication.number}`).send(result);
    },
  );

  app.get(
    "/organisations/:slug/publications",
    {
      schema: {
        ...SECURED,
        tags: [TAG],
        summary: "List the published versions, newest first (without snapshots)",
        params: SlugParams,
        response: withErrors({ 200: uncheckedResponse(z.object({ items: z.array(PublicationBody) })) }),
      },
    },
    async (request) => {
      const { org } = await organisationFor(ctx, request, request.params.slug);
      return { items: await listPublications(ctx, { slug: org.slug }) };
    },
  );

  app.get(
    "/organisations/:slug/publications/:number",
    {
      schema: {
        ...SECURED,
        tags: [TAG],
        summary: "One published version, with its frozen register",
        params: SlugParams.extend({ number: z.coerce.number().int().min(1) }),
        response: withErrors({
          200: uncheckedResponse(PublicationBody.extend({ snapshot: RegisterFile })),
        }),
      },
    },
    async (request) => {
      const { org } = await organisationFor(ctx, request, request.params.slug);
      const { orgId: _orgId, ...publication } = await getPublication(ctx, {
        slug: org.slug,
        number: request.params.number,
      });
      return publication;
    },
  );
};
