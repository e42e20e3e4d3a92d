/**
 * The one place where failures become HTTP responses. Every error — an AppError from an operation,
 * a request that fails its Zod schema, a body over the limit, an unknown route, a bug — leaves as
 * `{code, message, details, requestId}` with the status of `httpStatusFor(code)`.
 *
 * What a client sees is built from codes, field paths and rule names, never from the failing input:
 * an invalid body may hold a person's e-mail address, and JSON.parse messages quote the text they
 * choke on. Unexpected errors are logged here, with the request id, and answered with a generic message.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { loggableError } from "../app/loggable-error.ts";
import { AppError, isAppError, type ValidationIssue, validationError } from "../errors/app-error.ts";
import { httpStatusFor } from "../errors/error-codes.ts";
import { formatPath } from "../errors/from-zod.ts";
import { type Lang, languageOf } from "./language.ts";

export type ErrorResponseBody = { code: string; message: string; details: unknown; requestId: string };

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === "string";
}

/** `/purposes/0/legalBasis/code` → `purposes[0].legalBasis.code`, prefixed by the request part it is in. */
function pathFromInstancePath(instancePath: string, prefix: string): string {
  const parts = instancePath
    .split("/")
    .filter((p) => p !== "")
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  return formatPath(parts, prefix);
}

/**
 * Request validation issues. Body paths are the register's own paths (`purposes[0].legalBasis.code`),
 * exactly as the operations, the CLI and the importer report them; the other parts of a request are
 * prefixed with their name (`params.ref`, `querystring.status`, `headers.if-match`).
 */
function issuesFromValidation(error: FastifyError): ValidationIssue[] {
  const context = error.validationContext;
  const prefix = context === undefined || context === "body" ? "" : context;
  return (error.validation ?? []).flatMap((v) => {
    const path = pathFromInstancePath(v.instancePath, prefix);
    const keys = (v.params as { keys?: unknown }).keys;
    // Zod reports unknown fields on their parent object; name each field instead.
    if (v.keyword === "unrecognized_keys" && Array.isArray(keys) && keys.length > 0) {
      return keys.map((key) => ({
        path: formatPath([String(key)], path),
        rule: v.keyword,
        message: "is not a field of this document",
      }));
    }
    return [{ path, rule: v.keyword, message: v.message ?? "is invalid" }];
  });
}

function badRequest(message: string, fr: string, details?: unknown): AppError {
  return new AppError("BAD_REQUEST", message, { userMessage: { en: message, fr }, details });
}

/** Maps anything thrown while handling a request to an AppError. Unknown errors become INTERNAL. */
export function toAppError(error: unknown, request: FastifyRequest): AppError {
  if (isAppError(error)) return error;
  if (!isFastifyError(error)) return internal(error);
  if (error.validation) return validationError(issuesFromValidation(error));
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE": {
      const limit = request.routeOptions.bodyLimit;
      return new AppError("PAYLOAD_TOO_LARGE", `request body exceeds the limit of ${limit} bytes`, {
        userMessage: {
          en: `The request body exceeds the limit of ${limit} bytes.`,
          fr: `Le corps de la requête dépasse la limite de ${limit} octets.`,
        },
        details: { limitBytes: limit },
      });
    }
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return badRequest(
        "the request body is not valid JSON",
        "Le corps de la requête n'est pas du JSON valide.",
      );
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return badRequest(
        "the request body is empty but its content type is application/json",
        "Le corps de la requête est vide alors que son type est application/json.",
      );
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return badRequest(
        "unsupported content type: send application/json",
        "Type de contenu non pris en charge : envoyez du application/json.",
        { reason: "unsupported_media_type" },
      );
  }
  if (typeof error.statusCode === "number" && error.statusCode >= 400 && error.statusCode < 500) {
    // Other client errors from Fastify: name the Fastify code, not its message.
    return badRequest("the request could not be read", "La requête n'a pas pu être lue.", {
      reason: error.code,
    });
  }
  return internal(error);
}

function internal(cause: unknown): AppError {
  return new AppError("INTERNAL", "internal error", {
    userMessage: {
      en: "An internal error occurred. Quote the request id when reporting it.",
      fr: "Une erreur interne s'est produite. Citez l'identifiant de requête pour la signaler.",
    },
    cause,
  });
}

export function errorBody(error: AppError, requestId: string, lang: Lang): ErrorResponseBody {
  return { code: error.code, message: error.userMessage[lang], details: error.details ?? null, requestId };
}

function sendError(error: AppError, request: FastifyRequest, reply: FastifyReply) {
  const status = httpStatusFor(error.code);
  if (error.code === "INTERNAL") {
    request.log.error({ error: loggableError(error.cause ?? error) }, "request failed");
  }
  // RFC 6750 §3: a 401 names the scheme the client must use.
  if (error.code === "UNAUTHENTICATED") reply.header("www-authenticate", 'Bearer realm="gardien"');
  return reply
    .status(status)
    .header("x-request-id", request.id)
    .send(errorBody(error, request.id, languageOf(request)));
}

/** Installs the error handler and the not-found handler on the root instance. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => sendError(toAppError(error, request), request, reply));
  app.setNotFoundHandler((request, reply) =>
    sendError(
      new AppError("NOT_FOUND", "no route matches this method and path", {
        userMessage: {
          en: "No route matches this method and path.",
          fr: "Aucune route ne correspond à cette méthode et à ce chemin.",
        },
        details: { method: request.method },
      }),
      request,
      reply,
    ),
  );
}
