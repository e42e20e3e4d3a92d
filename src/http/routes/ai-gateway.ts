/**
 * The AI gateway: `POST /ai/v1/chat/completions`, the OpenAI-compatible chat completions protocol
 * (Mistral's too), so an existing client only changes its base URL to `<gardien>/ai/v1` and its key
 * to a Gardien token. The decisions:
 *
 * - A Gardien token is required (`Authorization: Bearer`), as on /api/v1. The organisation is the
 *   token's own. An admin token must name one with `X-Gardien-Organisation: <slug>` (400 naming the
 *   header without it); a scoped token may send the header, and gets 403 if it names another.
 * - Every message is pseudonymised before it leaves, in one conversation scope per call; the answer is
 *   re-identified, streamed or not. The upstream gets the organisation's key, never the caller's token
 *   nor any other of its headers.
 * - Errors keep Gardien's shape `{code, message, details, requestId}`: 409 NOT_CONFIGURED without
 *   settings, 502 UPSTREAM_ERROR / UPSTREAM_UNAVAILABLE, 504 UPSTREAM_TIMEOUT. Once a stream has begun,
 *   a failure is sent as a last event `data: {"error": {code, message}}`.
 * - Messages are never logged: the request log keeps the route pattern, errors name fields, not values.
 */
import { Readable } from "node:stream";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ChatCompletionRequest } from "../../ai-gateway/chat-completion.schema.ts";
import { completeChat, GATEWAY_VAULT_TTL_MS } from "../../ai-gateway/complete-chat.ts";
import type { GatewayOrg } from "../../ai-gateway/gateway-settings-row.ts";
import type { AppContext } from "../../app/app-context.ts";
import { deriveUseKey, loadKeyring } from "../../crypto/keyring.ts";
import { notFound, validationError } from "../../errors/app-error.ts";
import { type BatchDetector, createVault } from "../../pii/index.ts";
import { Slug } from "../../register/model/common.schema.ts";
import { SECURED, uncheckedResponse, withErrors } from "../api-schemas.ts";
import { organisationFor, principalOf, requireToken } from "../auth.ts";

/** Conversations can be long: a request body may carry 10 MiB. */
export const GATEWAY_BODY_LIMIT = 10 * 1024 * 1024;
export const ORGANISATION_HEADER = "x-gardien-organisation";

const Headers = z.looseObject({
  [ORGANISATION_HEADER]: Slug.optional().describe("Required with an admin token: the organisation's slug"),
});

/** The organisation a gateway call acts for (see the decisions above). */
async function gatewayOrganisation(ctx: AppContext, request: FastifyRequest, named: string | undefined) {
  const principal = principalOf(request);
  if (named !== undefined) {
    const { org } = await organisationFor(ctx, request, named);
    // An archived organisation processes nothing more (its own tokens already stopped working).
    if (org.archivedAt !== null) throw notFound("organisation", named);
    return org;
  }
  if (principal.admin || principal.orgId === null) {
    throw validationError([
      {
        path: `headers.${ORGANISATION_HEADER}`,
        rule: "required",
        message: "an admin token must name the organisation it calls the gateway for",
      },
    ]);
  }
  const org = await ctx.db
    .selectFrom("organisations")
    .select(["id", "slug"])
    .where("id", "=", principal.orgId)
    .executeTakeFirstOrThrow();
  return org satisfies GatewayOrg;
}

/** Mounted under /ai/v1, with its own token check (an encapsulated plugin, like /api/v1). */
export const aiGatewayRoutes: FastifyPluginAsyncZod<{ ctx: AppContext; detector: BatchDetector }> = async (
  app,
  { ctx, detector },
) => {
  requireToken(app, ctx);
  const now = () => ctx.now().getTime();
  const vault = createVault({ ttlMs: GATEWAY_VAULT_TTL_MS, now });
  let nextSweep = 0;
  // Its own use, so it is not the /pii/redact hash key (derived and cached by the keyring).
  const hashKeyOf = () => new Uint8Array(deriveUseKey(loadKeyring(ctx.config).current, "ai-gateway-hash"));

  app.post(
    "/chat/completions",
    {
      bodyLimit: GATEWAY_BODY_LIMIT,
      schema: {
        ...SECURED,
        tags: ["ai gateway"],
        summary:
          "OpenAI-compatible chat completions, pseudonymised on the way out, re-identified on the way back",
        description:
          "Forwards to the organisation's upstream (`<upstreamUrl>/chat/completions`) with its key. Unknown " +
          "fields pass through. Only text content parts are accepted. `stream: true` answers with Server-Sent " +
          "Events, re-identified as they come.",
        headers: Headers,
        body: ChatCompletionRequest,
        response: withErrors({
          200: uncheckedResponse(
            z.unknown().describe("The upstream's chat completion (JSON) or event stream, re-identified"),
          ),
        }),
      },
    },
    async (request, reply) => {
      const org = await gatewayOrganisation(ctx, request, request.headers[ORGANISATION_HEADER]);
      // Calls forget their tokens when done; this sweeps what a crashed call left, at most once a minute.
      if (now() >= nextSweep) {
        nextSweep = now() + 60_000;
        await vault.store.purge(now());
      }
      const answer = await completeChat(ctx, {
        org,
        request: request.body,
        vault,
        hashKey: hashKeyOf,
        detector,
      });
      if (answer.kind === "json") return answer.body;
      reply.raw.on("close", () => void answer.close());
      return reply
        .header("content-type", "text/event-stream; charset=utf-8")
        .header("cache-control", "no-cache")
        .header("x-accel-buffering", "no")
        .send(Readable.from(answer.events, { objectMode: false }));
    },
  );
};
