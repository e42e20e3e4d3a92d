import type { Dispatcher } from "undici";
import { PRIVATE_UPSTREAM_CODE, privateUpstreamRefused } from "./assert-public-upstream.ts";
import { upstreamError, upstreamInvalid, upstreamTimeout, upstreamUnavailable } from "./gateway-errors.ts";
import type { GatewayUpstream } from "./load-gateway-upstream.ts";

/** The largest non-streamed answer read from an upstream. */
export const MAX_ANSWER_BYTES = 32 * 1024 * 1024;

export type UpstreamAnswer =
  | { kind: "json"; body: unknown }
  /** Iterate to read; stopping early (return), or `cancel`, stops the upstream request. */
  | { kind: "stream"; chunks: AsyncGenerator<Uint8Array, void, undefined>; cancel: () => void };

/**
 * Posts a (pseudonymised) chat request to `<baseUrl>/chat/completions` with the organisation's key as
 * `Authorization: Bearer` — never the caller's Gardien token, and no other header of the caller.
 * Redirects are refused (a redirect could carry the request elsewhere). The timeout runs until the
 * whole answer is read; for an event stream, until the headers, then between two chunks.
 *
 * Throws UPSTREAM_TIMEOUT (504), UPSTREAM_UNAVAILABLE (502: refused, DNS, TLS) or UPSTREAM_ERROR (502:
 * a non-2xx status, named in details with the upstream's error code when it gives one, or an unreadable
 * body). A failure while a stream is read is thrown by the iteration.
 */
export async function forwardChatCompletion(input: {
  upstream: GatewayUpstream;
  body: unknown;
  /** The agent that checks the addresses it connects to (publicUpstreamAgent); the default otherwise. */
  dispatcher?: Dispatcher;
}): Promise<UpstreamAnswer> {
  const { upstream } = input;
  const controller = new AbortController();
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, upstream.timeoutMs);
  };
  const disarm = () => clearTimeout(timer);
  const failure = (error: unknown) =>
    timedOut ? upstreamTimeout(upstream.timeoutMs, error) : upstreamUnavailable(error);

  const stream = (input.body as { stream?: unknown }).stream === true;
  arm();
  let res: Response;
  try {
    res = await fetch(`${upstream.baseUrl}/chat/completions`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: stream ? "text/event-stream" : "application/json",
        "user-agent": "gardien-ai-gateway",
        ...(upstream.apiKey !== null ? { authorization: `Bearer ${upstream.apiKey}` } : {}),
      },
      body: JSON.stringify(input.body),
      redirect: "error",
      signal: controller.signal,
      ...(input.dispatcher ? { dispatcher: input.dispatcher } : {}),
    });
  } catch (error) {
    disarm();
    if ((error as { cause?: { code?: unknown } }).cause?.code === PRIVATE_UPSTREAM_CODE)
      throw privateUpstreamRefused();
    throw failure(error);
  }

  if (!res.ok) {
    const code = await errorCodeOf(res).catch(() => undefined);
    disarm();
    controller.abort(); // whatever is left of the error body is not needed
    throw upstreamError(res.status, code);
  }
  if (!res.body) {
    disarm();
    throw upstreamInvalid("empty body");
  }
  if ((res.headers.get("content-type") ?? "").toLowerCase().includes("text/event-stream")) {
    return {
      kind: "stream",
      chunks: readStream(res.body, { arm, disarm, failure }),
      cancel: () => {
        disarm();
        controller.abort();
      },
    };
  }
  let text: string;
  try {
    text = await readText(res.body, MAX_ANSWER_BYTES);
  } catch (error) {
    throw error instanceof RangeError ? upstreamInvalid("answer too large", error) : failure(error);
  } finally {
    disarm();
  }
  try {
    return { kind: "json", body: JSON.parse(text) };
  } catch (error) {
    throw upstreamInvalid("not JSON", error);
  }
}

async function* readStream(
  body: ReadableStream<Uint8Array>,
  timer: { arm: () => void; disarm: () => void; failure: (error: unknown) => Error },
): AsyncGenerator<Uint8Array, void, undefined> {
  const reader = body.getReader();
  let done = false;
  try {
    for (;;) {
      timer.arm();
      let next: Awaited<ReturnType<typeof reader.read>>;
      try {
        next = await reader.read();
      } catch (error) {
        done = true;
        throw timer.failure(error);
      }
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    timer.disarm();
    // Stopped early (the client went away, or a failure downstream): stop the upstream too.
    if (!done) await reader.cancel().catch(() => undefined);
  }
}

async function readText(body: ReadableStream<Uint8Array>, limit: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > limit) throw new RangeError("answer too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** `error.code` or `error.type` of an OpenAI-style error body, when it looks like a code (never a message). */
async function errorCodeOf(res: Response): Promise<string | undefined> {
  if (!res.body) return undefined;
  const text = await readText(res.body, 64 * 1024);
  const parsed = JSON.parse(text) as { error?: { code?: unknown; type?: unknown } };
  for (const candidate of [parsed.error?.code, parsed.error?.type]) {
    if (typeof candidate === "string" && /^[A-Za-z0-9_.-]{1,64}$/.test(candidate)) return candidate;
  }
  return undefined;
}
