import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the upstream received: everything, so a test can look for any personal value in it. */
export type RecordedRequest = { method: string; url: string; headers: IncomingHttpHeaders; body: string };
export type UpstreamReply = (request: RecordedRequest, res: ServerResponse) => void | Promise<void>;

export type Upstream = {
  /** The base URL to configure (`http://127.0.0.1:<port>/v1`). */
  url: string;
  requests: RecordedRequest[];
  /** Replaces how the upstream answers the next requests. */
  reply: (fn: UpstreamReply) => void;
  close: () => Promise<void>;
};

/**
 * A real HTTP server on 127.0.0.1 (port 0) standing for an OpenAI-compatible provider: it records every
 * request, headers and body as received on the wire, and answers with `reply` (by default the echo
 * assistant, `echoJson`).
 */
export async function startUpstream(reply: UpstreamReply = echoJson): Promise<Upstream> {
  const requests: RecordedRequest[] = [];
  let current = reply;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const recorded = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(recorded);
      Promise.resolve(current(recorded, res)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    reply: (fn) => {
      current = fn;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every token of the request body, in order of first appearance. */
export function tokensIn(body: string): string[] {
  return [...new Set(body.match(/<[A-Z][A-Z_]*?_\d+>/g) ?? [])];
}

/**
 * The echo assistant: answers "Reçu : <tokens…>" naming every token the request held, and a tool call
 * whose arguments hold them too (`{"who": [...]}`), as a model that reuses what it was told.
 */
export function echoJson(request: RecordedRequest, res: ServerResponse): void {
  const tokens = tokensIn(request.body);
  const model = (JSON.parse(request.body) as { model?: string }).model;
  res.writeHead(200, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      id: "chatcmpl-test",
      object: "chat.completion",
      created: 1,
      model,
      choices: [
        {
          index: 0,
          message: {
            role: "assistant",
            content: `Reçu : ${tokens.join(" ")}`,
            tool_calls: [
              {
                id: "call_1",
                type: "function",
                function: { name: "remember", arguments: JSON.stringify({ who: tokens }) },
              },
            ],
          },
          finish_reason: "stop",
        },
      ],
      usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
    }),
  );
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The echo assistant, streamed: "Reçu : <tokens…>" cut into events of 3 characters, so every token is
 * split across events; each event is itself written in two TCP writes (the cut falls inside its
 * `data:` line), with pauses so the writes leave as separate chunks. Ends with a finish_reason event and
 * `data: [DONE]`.
 */
export async function echoStream(request: RecordedRequest, res: ServerResponse): Promise<void> {
  await streamAnswer(`Reçu : ${tokensIn(request.body).join(" ")}`, res);
}

/** Streams `text` as echoStream does: events of 3 characters, each in two TCP writes. */
export async function streamAnswer(text: string, res: ServerResponse): Promise<void> {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  res.flushHeaders();
  const chunk = (delta: object, finish: string | null = null) =>
    `data: ${JSON.stringify({
      id: "chatcmpl-stream",
      object: "chat.completion.chunk",
      created: 1,
      model: "test-model",
      choices: [{ index: 0, delta, finish_reason: finish }],
    })}\n\n`;
  const events = [chunk({ role: "assistant", content: "" })];
  for (let i = 0; i < text.length; i += 3) events.push(chunk({ content: text.slice(i, i + 3) }));
  events.push(chunk({}, "stop"), "data: [DONE]\n\n");
  for (const event of events) {
    const cut = Math.floor(event.length / 2);
    res.write(event.slice(0, cut));
    await pause(2);
    res.write(event.slice(cut));
    await pause(2);
  }
  res.end();
}
