import { z } from "zod";
import type { AppContext } from "../../app/app-context.ts";
import { archiveDocument } from "../../register/documents/archive-document.ts";
import { createDocument } from "../../register/documents/create-document.ts";
import {
  DOCUMENT_KINDS,
  type DocumentKind,
  type StoredDocument,
} from "../../register/documents/document-kinds.ts";
import { getDocument } from "../../register/documents/get-document.ts";
import { listDocuments } from "../../register/documents/list-documents.ts";
import { updateDocument } from "../../register/documents/update-document.ts";
import {
  etagOf,
  IfMatchHeaders,
  QueryBool,
  RefParams,
  RefRevisionParams,
  revisionFromIfMatch,
  SECURED,
  SlugParams,
  storedDocumentSchema,
  uncheckedResponse,
  withErrors,
} from "../api-schemas.ts";
import { organisationFor } from "../auth.ts";
import { registerHistoryRoutes, type ZodApp } from "./history.ts";

export type DocumentRoutesOptions = {
  kind: DocumentKind;
  /** The collection's path segment under the organisation: `activities`, `processors`, `processor-register`. */
  segment: string;
  tag: string;
  /** The document as summaries name it, with its article: "an activity". */
  label: string;
};

/** What the API shows of a stored document: its internal id stays inside. */
/**
 * The response body as JSON text. `data` is the stored text itself, already validated on read, so a
 * read costs no serialisation of the document (the register-api benchmark measures exactly this).
 */
function documentText<T>(doc: StoredDocument<T>): string {
  const head = JSON.stringify({
    ref: doc.ref,
    revision: doc.revision,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  });
  return `${head.slice(0, -1)},"data":${doc.json}}`;
}

// A body never changes for a given (document, revision): keep it encoded, ready for the socket.
const encodedBodies = new Map<string, { json: string; body: Buffer }>();
const ENCODED_BODIES_LIMIT = 2000;

function documentBody<T>(doc: StoredDocument<T>): Buffer {
  const key = `${doc.id}:${doc.revision}`;
  const hit = encodedBodies.get(key);
  if (hit && hit.json === doc.json) return hit.body;
  const body = Buffer.from(documentText(doc));
  if (encodedBodies.size >= ENCODED_BODIES_LIMIT)
    encodedBodies.delete(encodedBodies.keys().next().value as string);
  encodedBodies.set(key, { json: doc.json, body });
  return body;
}

const JSON_TYPE = "application/json; charset=utf-8";

/** Typed replies expect the response object; this JSON text has exactly that shape (see documentBody). */
function asJson(payload: string | Buffer): never {
  return payload as never;
}

/**
 * The routes of one kind of register document (activities, processors, processor-register entries),
 * written once: list, create, read, replace, archive, and history. Each handler resolves the
 * organisation the caller may act on and calls the operation; the rules live in the operations.
 */
export function registerDocumentRoutes(app: ZodApp, ctx: AppContext, options: DocumentRoutesOptions): void {
  const { kind, segment, tag, label } = options;
  const schema: z.ZodType = DOCUMENT_KINDS[kind].schema;
  const statusEnum = (DOCUMENT_KINDS[kind].schema.shape.status as z.ZodDefault<z.ZodEnum>).unwrap();
  const Body = storedDocumentSchema(schema);
  const ListBody = uncheckedResponse(z.object({ items: z.array(Body) }));
  const collection = `/organisations/:slug/${segment}`;
  const item = `${collection}/:ref`;
  const locationOf = (slug: string, ref: string) => `${app.prefix}/organisations/${slug}/${segment}/${ref}`;

  app.get(
    collection,
    {
      schema: {
        ...SECURED,
        tags: [tag],
        summary: `List the organisation's ${segment}`,
        params: SlugParams,
        querystring: z.object({
          status: statusEnum.optional().describe("Only this status (archived included when asked for)"),
          includeArchived: QueryBool.optional().describe("Also list archived documents (default false)"),
        }),
        response: withErrors({ 200: ListBody }),
      },
    },
    async (request, reply) => {
      const { org } = await organisationFor(ctx, request, request.params.slug);
      const { status, includeArchived } = request.query;
      const docs = await listDocuments(ctx, {
        kind,
        orgId: org.id,
        ...(status !== undefined ? { status: String(status) } : {}),
        ...(includeArchived !== undefined ? { includeArchived } : {}),
      });
      return reply.type(JSON_TYPE).send(asJson(`{"items":[${docs.map(documentText).join(",")}]}`));
    },
  );

  app.post(
    collection,
    {
      schema: {
        ...SECURED,
        tags: [tag],
        summary: `Create ${label}`,
        params: SlugParams,
        body: schema,
        response: withErrors({ 201: Body }),
      },
    },
    async (request, reply) => {
      const { org, principal } = await organisationFor(ctx, request, request.params.slug);
      const doc = await createDocument(ctx, {
        kind,
        orgId: org.id,
        body: request.body,
        actor: principal.actor,
      });
      return reply
        .status(201)
        .header("location", locationOf(org.slug, doc.ref))
        .header("etag", etagOf(doc.revision))
        .type(JSON_TYPE)
        .send(asJson(documentBody(doc)));
    },
  );

  app.get(
    item,
    {
      schema: {
        ...SECURED,
        tags: [tag],
        summary: `Read ${label}`,
        params: RefParams,
        response: withErrors({ 200: Body }),
      },
    },
    async (request, reply) => {
      const { org } = await organisationFor(ctx, request, request.params.slug);
      const doc = await getDocument(ctx, { kind, orgId: org.id, ref: request.params.ref });
      return reply
        .header("etag", etagOf(doc.revision))
        .type(JSON_TYPE)
        .send(asJson(documentBody(doc)));
    },
  );

  app.put(
    item,
    {
      schema: {
        ...SECURED,
        tags: [tag],
        summary: `Replace ${label} (send the whole document)`,
        description:
          'With `If-Match: "<revision>"`, the write is refused with 409 unless that is the stored revision.',
        params: RefParams,
        headers: IfMatchHeaders,
        body: schema,
        response: withErrors({ 200: Body }),
      },
    },
    async (request, reply) => {
      const { org, principal } = await organisationFor(ctx, request, request.params.slug);
      const expectedRevision = revisionFromIfMatch(request.headers["if-match"]);
      const result = await updateDocument(ctx, {
        kind,
        orgId: org.id,
        ref: request.params.ref,
        body: request.body,
        actor: principal.actor,
        ...(expectedRevision !== undefined ? { expectedRevision } : {}),
      });
      return reply
        .header("etag", etagOf(result.document.revision))
        .type(JSON_TYPE)
        .send(asJson(documentBody(result.document)));
    },
  );

  app.post(
    `${item}/archive`,
    {
      schema: {
        ...SECURED,
        tags: [tag],
        summary: `Archive ${label} (it stays in the register's history)`,
        params: RefParams,
        response: withErrors({ 200: Body }),
      },
    },
    async (request, reply) => {
      const { org, principal } = await organisationFor(ctx, request, request.params.slug);
      const result = await archiveDocument(ctx, {
        kind,
        orgId: org.id,
        ref: request.params.ref,
        actor: principal.actor,
      });
      return reply
        .header("etag", etagOf(result.document.revision))
        .type(JSON_TYPE)
        .send(asJson(documentBody(result.document)));
    },
  );

  registerHistoryRoutes(app, ctx, {
    entityType: DOCUMENT_KINDS[kind].entityType,
    path: item,
    tag,
    label,
    params: RefParams,
    revisionParams: RefRevisionParams,
  });
}
