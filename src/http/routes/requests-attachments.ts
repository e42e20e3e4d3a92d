import type { FastifyError } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app/app-context.ts";
import {
  AttachmentInput,
  addRequestAttachment,
  attachmentTooLarge,
} from "../../rights/staff/add-request-attachment.ts";
import { ATTACHMENT_MAX_BYTES, AttachmentMeta } from "../../rights/staff/attachment-record.ts";
import { getRequestAttachment } from "../../rights/staff/get-request-attachment.ts";
import { removeRequestAttachment } from "../../rights/staff/remove-request-attachment.ts";
import { SECURED, withErrors } from "../api-schemas.ts";
import { organisationFor } from "../auth.ts";
import { AttachmentParams, RequestParams, TAG } from "./requests-schemas.ts";

/**
 * The JSON body of an upload: the file in base64 (4 characters per 3 bytes) and room for the other
 * fields. Past it Fastify stops reading; the refusal then states the file limit, like the operation's.
 */
export const ATTACHMENT_BODY_LIMIT = Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4 + 64 * 1024;

/** RFC 6266 / RFC 8187: an ASCII fallback and the exact UTF-8 name. */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const exact = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}

/** Attachments of a request: sealed at rest, downloaded opened, deleted for good. */
export const requestAttachmentRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const collection = "/organisations/:slug/requests/:id/attachments";
  const locationOf = (slug: string, id: string, attId: string) =>
    `${app.prefix}/organisations/${slug}/requests/${id}/attachments/${attId}`;

  app.post(
    collection,
    {
      bodyLimit: ATTACHMENT_BODY_LIMIT,
      // Fastify's own 413 would state the body limit in base64 characters; state the file limit instead.
      errorHandler: (error) => {
        if ((error as FastifyError).code === "FST_ERR_CTP_BODY_TOO_LARGE") throw attachmentTooLarge();
        throw error;
      },
      schema: {
        ...SECURED,
        tags: [TAG],
        summary: "Attach a file to a request (JSON with the file in base64)",
        description:
          `At most ${ATTACHMENT_MAX_BYTES} bytes once decoded (413 beyond, naming the limit). The file and its ` +
          "name are encrypted at rest (AES-256-GCM); its SHA-256 is returned and recorded on the timeline.",
        params: RequestParams,
        body: AttachmentInput,
        response: withErrors({ 201: AttachmentMeta }),
      },
    },
    async (request, reply) => {
      const { org, principal } = await organisationFor(ctx, request, request.params.slug);
      const meta = await addRequestAttachment(ctx, {
        orgId: org.id,
        requestId: request.params.id,
        actor: principal.actor,
        input: request.body,
      });
      return reply
        .status(201)
        .header("location", locationOf(org.slug, request.params.id, meta.id))
        .send(meta);
    },
  );

  app.get(
    `${collection}/:attId`,
    {
      schema: {
        ...SECURED,
        tags: [TAG],
        summary: "Download an attachment (decrypted)",
        params: AttachmentParams,
        response: withErrors({
          200: {
            description: "The file, with the media type it was attached with",
            content: { "application/octet-stream": { schema: z.string().describe("The file's bytes") } },
          },
        }),
      },
    },
    async (request, reply) => {
      const { org } = await organisationFor(ctx, request, request.params.slug);
      const { meta, content } = await getRequestAttachment(ctx, {
        orgId: org.id,
        requestId: request.params.id,
        attachmentId: request.params.attId,
      });
      // A file is never shown inline nor sniffed into something the browser would run.
      return reply
        .header("content-type", meta.mediaType)
        .header("content-disposition", contentDisposition(meta.name))
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "default-src 'none'; sandbox")
        .header("cache-control", "no-store")
        .send(content as never);
    },
  );

  app.delete(
    `${collection}/:attId`,
    {
      schema: {
        ...SECURED,
        tags: [TAG],
        summary: "Delete an attachment for good (the timeline records that it existed)",
        params: AttachmentParams,
        response: withErrors({ 204: z.null().describe("Deleted") }),
      },
    },
    async (request, reply) => {
      const { org, principal } = await organisationFor(ctx, request, request.params.slug);
      await removeRequestAttachment(ctx, {
        orgId: org.id,
        requestId: request.params.id,
        attachmentId: request.params.attId,
        actor: principal.actor,
      });
      return reply.status(204).send(null);
    },
  );
};
