/**
 * The Zod schemas of the HTTP API that are not the register model itself: envelopes, params, errors.
 * Routes declare these (and the model schemas) so that validation and the OpenAPI document come from
 * one source.
 */
import type { FastifySerializerCompiler } from "fastify";
import { serializerCompiler } from "fastify-type-provider-zod";
import { z } from "zod";
import { ERROR_CODES, type ErrorCode } from "../errors/error-codes.ts";
import { Activity } from "../register/model/activity.schema.ts";
import { Ref, Slug } from "../register/model/common.schema.ts";
import { Organisation } from "../register/model/organisation.schema.ts";
import { Processor } from "../register/model/processor.schema.ts";
import { ProcessorEntry } from "../register/model/processor-entry.schema.ts";
import { RegisterFile } from "../register/model/register-file.schema.ts";

type ApiMeta = { id?: string; description?: string };

/**
 * The registry naming the model schemas as OpenAPI components (`#/components/schemas/Activity`).
 * It is not Zod's global registry on purpose: an id there would also turn the published register
 * JSON Schema (`registerJsonSchema()`) into `$ref`s. Descriptions set with `.describe()` live in the
 * global registry, so lookups fall back to it and the OpenAPI document keeps them. The fallback
 * replaces the registry's `_map`, a Zod internal: the OpenAPI test checks that descriptions still arrive.
 */
export const apiSchemaRegistry = z.registry<ApiMeta>();
{
  const global = z.globalRegistry._map as WeakMap<object, unknown>;
  class FallbackToGlobal extends WeakMap<object, unknown> {
    override get(key: object): unknown {
      return super.get(key) ?? global.get(key);
    }
    override has(key: object): boolean {
      return super.has(key) || global.has(key);
    }
  }
  (apiSchemaRegistry as unknown as { _map: WeakMap<object, unknown> })._map = new FallbackToGlobal();
}
for (const [id, schema] of [
  ["Organisation", Organisation],
  ["Activity", Activity],
  ["Processor", Processor],
  ["ProcessorEntry", ProcessorEntry],
  ["RegisterFile", RegisterFile],
] as const) {
  apiSchemaRegistry.add(schema, { ...(z.globalRegistry.get(schema) ?? {}), id });
}

const unchecked = new WeakSet<object>();

/**
 * Marks a response schema as documentation only: the response is written with JSON.stringify instead
 * of being re-validated by Zod. Used for payloads the operations already validated on their way out of
 * the store (`toStoredDocument` parses every row), where a second pass would only cost time.
 */
export function uncheckedResponse<S extends z.ZodType>(schema: S): S {
  unchecked.add(schema);
  return schema;
}

function resolveZod(schema: unknown): unknown {
  if (schema && typeof schema === "object" && "properties" in schema && !(schema instanceof z.ZodType)) {
    return (schema as { properties: unknown }).properties;
  }
  return schema;
}

const stringify = (data: unknown) => JSON.stringify(data);

/** The package's serializer, except for schemas marked with `uncheckedResponse`. */
export const apiSerializerCompiler: FastifySerializerCompiler<z.ZodType | { properties: z.ZodType }> = (
  route,
) => {
  const schema = resolveZod(route.schema);
  if (schema && typeof schema === "object" && unchecked.has(schema)) return stringify;
  return serializerCompiler(route);
};

// --- errors ---------------------------------------------------------------------------------------

const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

export const ErrorBody = uncheckedResponse(
  z.object({
    code: z.enum(ERROR_CODE_LIST),
    message: z
      .string()
      .describe("In the language asked for by Accept-Language (fr or en), English by default"),
    details: z
      .unknown()
      .describe("Non-personal context: for VALIDATION_FAILED, `issues` [{path, rule, message}]"),
    requestId: z.string().describe("Also sent in the x-request-id header; quote it when reporting a problem"),
  }),
);
apiSchemaRegistry.add(ErrorBody, { id: "Error" });

/** Adds the error body to a route's responses, for every status the error handler may send. */
export function withErrors<R extends Record<number, unknown>>(responses: R) {
  return { ...responses, "4xx": ErrorBody, "5xx": ErrorBody };
}

// --- params and queries ---------------------------------------------------------------------------

export const SlugParams = z.object({ slug: Slug });
export const RefParams = z.object({ slug: Slug, ref: Ref });
const RevisionNumber = z.coerce.number().int().min(1).describe("Revision number, from 1");
export const OrgRevisionParams = z.object({ slug: Slug, revision: RevisionNumber });
export const RefRevisionParams = z.object({ slug: Slug, ref: Ref, revision: RevisionNumber });

/** Query-string booleans: `true`/`false` only, so a typo is an error rather than a silent false. */
export const QueryBool = z.enum(["true", "false"]).transform((v) => v === "true");

/**
 * `If-Match: "<revision>"` (the ETag of a read), or `*` (any revision: no check); other headers pass
 * through untouched. Our ETags are strong, so a weak one (`W/"3"`) is refused rather than half-honoured.
 */
export const IfMatchHeaders = z.looseObject({
  "if-match": z
    .string()
    .regex(/^\s*(\*|"\d+"|\d+)\s*$/, 'must be an ETag of this API, such as "3"')
    .optional()
    .describe("ETag of the revision the change is based on; a different stored revision gives 409"),
});

export function revisionFromIfMatch(header: string | undefined): number | undefined {
  const digits = header === undefined ? null : /\d+/.exec(header);
  return digits ? Number(digits[0]) : undefined;
}

export function etagOf(revision: number): string {
  return `"${revision}"`;
}

// --- responses ------------------------------------------------------------------------------------

const Timestamp = z.string().describe("ISO 8601 UTC");

/** A stored register document: its ref, its current revision, and the validated document. */
export function storedDocumentSchema<S extends z.ZodType>(data: S) {
  return uncheckedResponse(
    z.object({
      ref: Ref,
      revision: z.number().int(),
      createdAt: Timestamp,
      updatedAt: Timestamp,
      data,
    }),
  );
}

export const StoredOrganisationBody = uncheckedResponse(
  z.object({
    slug: Slug,
    revision: z.number().int(),
    archivedAt: Timestamp.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    data: Organisation,
  }),
);

export const FieldChangeBody = z.object({
  path: z.string().describe("Register notation, e.g. purposes[0].legalBasis.code"),
  op: z.enum(["added", "removed", "changed"]),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});

export const RevisionSummaryBody = z.object({
  revision: z.number().int(),
  action: z.string(),
  author: z.string().describe("token:<id>, cli or system: never a person's name"),
  createdAt: Timestamp,
  restoredFrom: z.number().int().nullable(),
  changes: z.array(FieldChangeBody),
});

export const HistoryBody = uncheckedResponse(z.object({ items: z.array(RevisionSummaryBody) }));
export const RevisionBody = uncheckedResponse(RevisionSummaryBody.extend({ data: z.unknown() }));
export const RestoreBody = z.object({
  revision: z
    .number()
    .int()
    .describe("The new revision the restore created (or the current one if nothing changed)"),
  changed: z.boolean(),
});

/** OpenAPI: the route needs `Authorization: Bearer <token>` (see auth.ts). */
export const SECURED = { security: [{ bearerAuth: [] }] };

const ImportCountsBody = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  archived: z.number().int().describe("Archived because the file no longer holds them (prune=true)"),
});

export const ImportSummaryBody = z.object({
  organisation: z.object({
    slug: Slug,
    id: z.string(),
    outcome: z.enum(["created", "updated", "unchanged"]),
  }),
  processors: ImportCountsBody,
  activities: ImportCountsBody,
  processorRegister: ImportCountsBody,
});
