import {
  type BatchDetector,
  type Entity,
  type OperatorPlan,
  pseudonymise,
  type Vault,
} from "../pii/index.ts";
import type { ChatCompletionRequest } from "./chat-completion.schema.ts";
import type { ReplacementCounts } from "./record-gateway-usage.ts";

export type PseudonymiseChatOptions = {
  vault: Vault;
  /** One scope per gateway call: the same person is the same token in every message of the call. */
  scope: string;
  plan: OperatorPlan;
  hashKey?: Uint8Array;
  /**
   * Detects in all the request's texts at once (the server's, which takes a large request off the event
   * loop); without it each text is detected as it is reached.
   */
  detector?: Pick<BatchDetector, "detectAll">;
};

/** What the walk over a request does with a text, and with a message's name. */
type Visit = {
  text: (value: string) => Promise<string>;
  personName: (value: string) => Promise<string | undefined>;
};

/** Message fields that hold no free text: ids and enumerations, sent as they are. */
const UNTOUCHED = new Set(["role", "tool_call_id", "prefix"]);

/**
 * Replaces the personal data of every text a chat request carries before it leaves: each message's
 * content (a string, or its text and refusal parts), the arguments of its tool calls (read as JSON when
 * they parse, so `"Ren\u00e9e"` is found as well as `"Renée"`), any other string field of a message
 * (reasoning, refusal…), and the top-level `user`, `prediction.content` and `metadata` values. Other
 * fields (tools, response_format…) are the developer's, not the person's, and pass as they are.
 *
 * A message's `name` (role system, developer, user or assistant) must match `^[A-Za-z0-9_-]+$`
 * upstream, so it becomes the bare token of the name as a person (`PERSON_2`), or is dropped when the
 * organisation does not pseudonymise persons. Returns the request to forward and, per type, how many
 * values were replaced.
 *
 * With a `detector`, the request is walked twice in the same order: once to gather its texts for one
 * detection, then to replace, the n-th text with the n-th result, so tokens are numbered as without it.
 */
export async function pseudonymiseChatRequest(
  request: ChatCompletionRequest,
  options: PseudonymiseChatOptions,
): Promise<{ body: ChatCompletionRequest; counts: ReplacementCounts }> {
  let found: Entity[][] | undefined;
  if (options.detector) {
    const texts: string[] = [];
    await walkRequest(request, {
      text: async (value) => {
        texts.push(value);
        return value;
      },
      personName: async () => undefined,
    });
    found = await options.detector.detectAll(texts.map((text) => ({ text, lang: "auto" })));
  }
  const counts: ReplacementCounts = {};
  let next = 0;
  const body = await walkRequest(request, {
    text: async (value) => {
      const { vault, scope, plan, hashKey } = options;
      const entities = found?.[next++];
      const out = await pseudonymise(value, { vault, scope, plan, hashKey, entities, lang: "auto" });
      for (const e of out.entities) counts[e.type] = (counts[e.type] ?? 0) + 1;
      return out.text;
    },
    personName: async (value) => {
      if ((options.plan.byType?.PERSON ?? options.plan.default).kind !== "pseudonymise") return undefined;
      const [token] = await options.vault.tokenise(options.scope, [{ type: "PERSON", value }]);
      counts.PERSON = (counts.PERSON ?? 0) + 1;
      return token!.slice(1, -1);
    },
  });
  return { body, counts };
}

/** The request with each of its texts, and each message's name, replaced as `visit` says, in one order. */
async function walkRequest(request: ChatCompletionRequest, visit: Visit): Promise<ChatCompletionRequest> {
  const { text, personName } = visit;
  const json = async (value: string): Promise<string> => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      return text(value);
    }
    return JSON.stringify(await mapStrings(parsed, text));
  };
  const content = async (value: ChatCompletionRequest["messages"][number]["content"]) => {
    if (typeof value === "string") return text(value);
    if (!Array.isArray(value)) return value;
    const parts = [];
    for (const part of value) {
      const out = { ...part };
      if (part.text !== undefined) out.text = await text(part.text);
      if (part.refusal !== undefined) out.refusal = await text(part.refusal);
      parts.push(out);
    }
    return parts;
  };
  const messages = [];
  for (const message of request.messages) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(message)) {
      if (UNTOUCHED.has(key) || value === undefined || value === null) out[key] = value;
      else if (key === "content") out[key] = await content(message.content);
      else if (key === "name" && typeof value === "string") {
        if (message.role === "tool" || message.role === "function")
          out[key] = value; // a function's name
        else if (value !== "") {
          const token = await personName(value);
          if (token !== undefined) out[key] = token;
        }
      } else if (key === "tool_calls" && Array.isArray(value)) {
        const calls = [];
        for (const call of message.tool_calls ?? []) {
          calls.push(
            call.function
              ? { ...call, function: { ...call.function, arguments: await json(call.function.arguments) } }
              : call,
          );
        }
        out[key] = calls;
      } else out[key] = await mapStrings(value, text);
    }
    messages.push(out as ChatCompletionRequest["messages"][number]);
  }

  const body: ChatCompletionRequest = { ...request, messages };
  if (request.user !== undefined) body.user = await text(request.user);
  if (request.prediction?.content !== undefined) {
    body.prediction = { ...request.prediction, content: await content(request.prediction.content) };
  }
  if (request.metadata !== undefined) {
    body.metadata = (await mapStrings(request.metadata, text)) as Record<string, string>;
  }
  return body;
}

/** A copy of `value` with every string (not object keys) passed through `f`, one after the other. */
export async function mapStrings(value: unknown, f: (s: string) => Promise<string>): Promise<unknown> {
  if (typeof value === "string") return f(value);
  if (Array.isArray(value)) {
    const out = [];
    for (const item of value) out.push(await mapStrings(item, f));
    return out;
  }
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = await mapStrings(v, f);
    return out;
  }
  return value;
}
