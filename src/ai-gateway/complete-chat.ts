import { randomUUID } from "node:crypto";
import type { AppContext } from "../app/app-context.ts";
import { loggableError } from "../app/loggable-error.ts";
import { isAppError, validationError } from "../errors/app-error.ts";
import type { Vault } from "../pii/index.ts";
import { assertPublicUpstream, publicUpstreamAgent } from "./assert-public-upstream.ts";
import type { ChatCompletionRequest } from "./chat-completion.schema.ts";
import { createStreamReidentifier } from "./create-stream-reidentifier.ts";
import { forwardChatCompletion } from "./forward-chat-completion.ts";
import type { GatewayOrg } from "./gateway-settings-row.ts";
import { loadGatewayUpstream } from "./load-gateway-upstream.ts";
import { type PseudonymiseChatOptions, pseudonymiseChatRequest } from "./pseudonymise-chat-request.ts";
import { type ReplacementCounts, recordGatewayUsage } from "./record-gateway-usage.ts";
import { reidentifyChatResponse } from "./reidentify-chat-response.ts";
import { createReveal } from "./reveal-tokens.ts";

/**
 * How long a call's tokens may live in the vault. Each call forgets its own as soon as its answer is
 * done; this only bounds what a call that never finishes (a crash mid-stream) leaves behind.
 */
export const GATEWAY_VAULT_TTL_MS = 15 * 60 * 1000;

export type ChatAnswer =
  | { kind: "json"; body: unknown }
  | {
      kind: "stream";
      /** SSE text, re-identified, to send as it comes. */
      events: AsyncGenerator<string, void, undefined>;
      /** Stops the upstream and forgets the call's tokens; safe to call more than once. */
      close: () => Promise<void>;
    };

/**
 * One gateway call: pseudonymise every message of the request in one conversation scope, forward it to
 * the organisation's upstream, count what was replaced, and give the answer back re-identified, whole
 * (JSON) or as it streams (SSE). The scope is forgotten when the answer is done: nothing of the
 * conversation outlives the call ("without retention").
 *
 * Usage is counted once the request has left (whatever the upstream answered), not when the upstream
 * could not be reached at all. A failure to count is logged, not thrown: the answer matters more.
 *
 * @example
 * const answer = await completeChat(ctx, { org, request, vault });
 * if (answer.kind === "json") reply.send(answer.body);
 */
export async function completeChat(
  ctx: AppContext,
  input: {
    org: GatewayOrg;
    request: ChatCompletionRequest;
    vault: Vault;
    hashKey?: () => Uint8Array;
    /** Detects in all the request's texts at once (see pseudonymiseChatRequest). */
    detector?: PseudonymiseChatOptions["detector"];
  },
): Promise<ChatAnswer> {
  const upstream = await loadGatewayUpstream(ctx, { org: input.org });
  await assertPublicUpstream(ctx.config, upstream.baseUrl, "call");
  const model = input.request.model ?? upstream.defaultModel;
  if (model === null || model === undefined) {
    throw validationError([
      {
        path: "model",
        rule: "required",
        message: "is required: the organisation's gateway has no defaultModel",
      },
    ]);
  }
  const { vault } = input;
  const scope = `ai-gateway\0${input.org.id}\0${randomUUID()}`;
  const forget = () => vault.forget(scope).catch(() => undefined);
  const hashes = Object.values(upstream.plan.byType ?? {}).some((op) => op.kind === "hash");

  let answer: Awaited<ReturnType<typeof forwardChatCompletion>>;
  try {
    const { body, counts } = await pseudonymiseChatRequest(
      { ...input.request, model },
      {
        vault,
        scope,
        plan: upstream.plan,
        ...(hashes && input.hashKey ? { hashKey: input.hashKey() } : {}),
        detector: input.detector,
      },
    );
    try {
      answer = await forwardChatCompletion({ upstream, body, dispatcher: publicUpstreamAgent(ctx.config) });
    } catch (error) {
      // Counted when the text may have left: not when the upstream could not be reached, nor when the
      // connection was refused because its address turned out private.
      const neverSent =
        isAppError(error) && (error.code === "UPSTREAM_UNAVAILABLE" || error.code === "NOT_CONFIGURED");
      if (!neverSent) await countSafely(ctx, input.org, counts);
      throw error;
    }
    await countSafely(ctx, input.org, counts);
  } catch (error) {
    await forget();
    throw error;
  }

  const reveal = createReveal(vault, scope);
  if (answer.kind === "json") {
    try {
      return { kind: "json", body: await reidentifyChatResponse(answer.body, reveal) };
    } finally {
      await forget();
    }
  }

  const { chunks, cancel } = answer;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    cancel(); // a read in progress fails at once instead of waiting for the next chunk
    await forget();
  };
  async function* events(): AsyncGenerator<string, void, undefined> {
    const reidentifier = createStreamReidentifier({ reveal });
    try {
      for await (const chunk of chunks) {
        const out = await reidentifier.push(chunk);
        if (out !== "") yield out;
      }
      const rest = await reidentifier.end();
      if (rest !== "") yield rest;
    } catch (error) {
      if (closed) return; // the client went away: nobody to tell
      // The status line is gone: the failure is told in the stream's own terms, then the stream ends.
      ctx.log.warn({ error: loggableError(error) }, "ai gateway stream failed");
      yield errorEvent(error);
    } finally {
      await close();
    }
  }
  return { kind: "stream", events: events(), close };
}

async function countSafely(ctx: AppContext, org: GatewayOrg, counts: ReplacementCounts): Promise<void> {
  try {
    await recordGatewayUsage(ctx, { orgId: org.id, counts });
  } catch (error) {
    ctx.log.error({ error: loggableError(error), org: org.slug }, "ai gateway usage not recorded");
  }
}

/** An OpenAI-style error event: code and message, never the upstream's words. */
function errorEvent(error: unknown): string {
  const code = isAppError(error) ? error.code : "UPSTREAM_ERROR";
  const message = isAppError(error) ? error.userMessage.en : "The AI model provider's stream failed.";
  return `data: ${JSON.stringify({ error: { code, message, type: "gateway_error" } })}\n\n`;
}
