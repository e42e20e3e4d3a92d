import { randomBytes } from "node:crypto";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import {
  createJsonSchemaTransform,
  createJsonSchemaTransformObject,
  type FastifyPluginAsyncZod,
  validatorCompiler,
} from "fastify-type-provider-zod";
import type { AppContext } from "../app/app-context.ts";
import { assertSecretKeyAvailable } from "../app/load-secret-key.ts";
import { loggableError } from "../app/loggable-error.ts";
import { type BatchDetector, createBatchDetector } from "../pii/index.ts";
import { apiSchemaRegistry, apiSerializerCompiler } from "./api-schemas.ts";
import { requireToken } from "./auth.ts";
import { installErrorHandling } from "./error-handler.ts";
import { CompactRequestLog } from "./request-log.ts";
import { aiGatewayRoutes } from "./routes/ai-gateway.ts";
import { aiGatewaySettingsRoutes } from "./routes/ai-gateway-settings.ts";
import { registerDocumentRoutes } from "./routes/documents.ts";
import { lintRoutes } from "./routes/lint.ts";
import { metaRoutes } from "./routes/meta.ts";
import { opendsrPeerRoutes, opendsrRoutes } from "./routes/opendsr.ts";
import { organisationRoutes } from "./routes/organisations.ts";
import { piiRoutes } from "./routes/pii.ts";
import { publicControllerDecisionRoutes } from "./routes/public-controller-decision.ts";
import { publicPackageRoutes } from "./routes/public-packages.ts";
import { publicPageRoutes } from "./routes/public-pages.ts";
import { publicationRoutes } from "./routes/public-publications.ts";
import { publicRightsRoutes } from "./routes/public-rights.ts";
import { publicSubscriptionRoutes } from "./routes/public-subscriptions.ts";
import { registerIoRoutes } from "./routes/register-io.ts";
import { requestRoutes } from "./routes/requests.ts";

/** Fastify's default, stated so the 413 message and the OpenAPI description agree with the code. */
export const BODY_LIMIT = 1024 * 1024;

const API_VERSION = "0.1.0";

/** Every route of /api/v1 except the register schema: they all need a token (see auth.ts). */
const apiV1: FastifyPluginAsyncZod<{ ctx: AppContext; detector: BatchDetector }> = async (
  app,
  { ctx, detector },
) => {
  requireToken(app, ctx);
  await app.register(organisationRoutes, { ctx });
  registerDocumentRoutes(app, ctx, {
    kind: "activity",
    segment: "activities",
    tag: "activities",
    label: "an activity",
  });
  registerDocumentRoutes(app, ctx, {
    kind: "processor",
    segment: "processors",
    tag: "processors",
    label: "a processor",
  });
  registerDocumentRoutes(app, ctx, {
    kind: "processorEntry",
    segment: "processor-register",
    tag: "processor register",
    label: "an entry of the processor register",
  });
  await app.register(lintRoutes, { ctx });
  await app.register(registerIoRoutes, { ctx });
  await app.register(publicationRoutes, { ctx });
  await app.register(piiRoutes, { ctx, detector });
  await app.register(requestRoutes, { ctx });
  await app.register(aiGatewaySettingsRoutes, { ctx });
  await app.register(opendsrPeerRoutes, { ctx });
};

// Request ids only need to be unique in the logs: a random prefix per process and a counter do that
// without drawing 16 random bytes per request (a visible cost on the public pages' hot path).
const REQUEST_ID_PREFIX = randomBytes(6).toString("base64url");
let requestCounter = 0;
function nextRequestId(): string {
  requestCounter = (requestCounter + 1) % Number.MAX_SAFE_INTEGER;
  return `${REQUEST_ID_PREFIX}-${requestCounter.toString(36)}`;
}

declare module "fastify" {
  interface FastifyInstance {
    /** The server's one detector for large batches (its pool's state, for tests and diagnostics). */
    readonly piiDetector: BatchDetector;
  }
}

/**
 * The HTTP API over the register operations. Returns the instance without listening: the CLI's
 * `serve` listens, tests use `inject()`. Request bodies are never logged (the logger is the app's
 * pino instance, whose request serializer keeps method, url and ids only).
 *
 * @example
 * const app = await buildServer(ctx);
 * await app.listen({ host: ctx.config.host, port: ctx.config.port });
 */
export async function buildServer(ctx: AppContext): Promise<FastifyInstance> {
  // Refuse to start rather than fail at the first subscription: on PostgreSQL the key must be configured.
  assertSecretKeyAvailable(ctx.config);
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    genReqId: nextRequestId,
    logController: new CompactRequestLog(),
    bodyLimit: BODY_LIMIT,
    trustProxy: ctx.config.trustProxy,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(apiSerializerCompiler);
  installErrorHandling(app);
  app.addHook("onRequest", (request, reply, done) => {
    reply.header("x-request-id", request.id);
    done();
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Gardien API",
        version: API_VERSION,
        description:
          "GDPR Art. 30 register of processing activities. Errors are `{code, message, details, requestId}`; " +
          `request bodies are limited to ${BODY_LIMIT} bytes (register import: more).`,
      },
      components: {
        securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "gdn_… API token" } },
      },
    },
    transform: createJsonSchemaTransform({ schemaRegistry: apiSchemaRegistry }),
    transformObject: createJsonSchemaTransformObject({ schemaRegistry: apiSchemaRegistry }),
  });

  // Large texts of the personal-data API and of the AI gateway are scanned off the event loop.
  const detector = createBatchDetector({
    workers: ctx.config.piiWorkers,
    onPoolFailure: (error) =>
      ctx.log.error(
        { error: loggableError(error) },
        "pii worker pool failed: batch scanned on the main thread",
      ),
  });
  app.decorate("piiDetector", detector);
  app.addHook("onClose", () => detector.close());
  // Once listening, not before: a process that only builds the app (a test, `gardien` commands) starts no thread.
  if (ctx.config.piiWarmup) {
    app.addHook("onListen", async () => {
      void detector.warm();
    });
  }

  await app.register(metaRoutes, { ctx });
  await app.register(apiV1, { ctx, detector, prefix: "/api/v1" });
  // The AI gateway (OpenAI-compatible): its own token check, like /api/v1 (see routes/ai-gateway.ts).
  await app.register(aiGatewayRoutes, { ctx, detector, prefix: "/ai/v1" });
  // The public site: published documents and subscriptions, no token (see public-pages.ts).
  await app.register(publicPageRoutes, { ctx });
  await app.register(publicSubscriptionRoutes, { ctx });
  await app.register(publicRightsRoutes, { ctx });
  // OpenDSR between organisations (signed, no token) and the counterparts' signed-link pages.
  await app.register(opendsrRoutes, { ctx });
  await app.register(publicControllerDecisionRoutes, { ctx });
  await app.register(publicPackageRoutes, { ctx });
  return app;
}
