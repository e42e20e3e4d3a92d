import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import {
  ACTIVITY_REF,
  type GatewayKit,
  type Headers,
  startGatewayKit,
  UPSTREAM_KEY,
} from "../../ai-gateway/testing/gateway-kit.ts";
import {
  echoJson,
  echoStream,
  type RecordedRequest,
  streamAnswer,
  tokensIn,
} from "../../ai-gateway/testing/start-upstream.ts";

// Personal values of several types, each of which the engine detects (the NIR's key is valid).
const PERSON = "Jean Dupont";
const EMAIL = "jean.dupont@example.com";
const PHONE = "06 12 34 56 78";
const IBAN = "FR76 3000 6000 0112 3456 7890 189";
const NIR = "185057800608491";
const OTHER = "Marie Martin";
const ADDRESS = "12 rue de la Paix, 75002 Paris";
const VALUES = [PERSON, EMAIL, PHONE, IBAN, NIR, OTHER, ADDRESS];

const URL = "/ai/v1/chat/completions";

function conversation() {
  return {
    model: "mistral-small-latest",
    temperature: 0.2,
    tools: [{ type: "function", function: { name: "remember", parameters: { type: "object" } } }],
    messages: [
      { role: "system", content: `Tu assistes ${PERSON}. Son e-mail : ${EMAIL}.` },
      {
        role: "user",
        name: "Jean",
        content: `Je suis ${PERSON}, appelez-moi au ${PHONE}. Mon NIR : ${NIR}.`,
      },
      {
        role: "assistant",
        content: null,
        tool_calls: [
          {
            id: "call_0",
            type: "function",
            // As Python's json.dumps writes it: the accent escaped.
            function: {
              name: "lookup",
              arguments: '{"name":"Marie Martin","iban":"FR76 3000 6000 0112 3456 7890 189"}',
            },
          },
        ],
      },
      { role: "tool", tool_call_id: "call_0", content: `Trouvé : ${OTHER}, ${ADDRESS}` },
      {
        role: "user",
        content: [
          { type: "text", text: `Et écrivez à ${EMAIL} pour ${OTHER}.` },
          { type: "text", text: "Merci." },
        ],
      },
    ],
  };
}

/** No personal value, in any form the wire could carry it (as is, JSON-escaped, without spaces). */
function assertNoValue(text: string, where: string): void {
  for (const value of VALUES) {
    for (const form of [value, JSON.stringify(value).slice(1, -1), value.replaceAll(" ", "")]) {
      assert.equal(text.includes(form), false, `${where} holds "${value}"`);
    }
  }
}

describe("AI gateway: happy path", () => {
  let kit: GatewayKit;
  let acme: Headers;
  const post = (payload: object, headers = acme) => kit.call({ method: "POST", url: URL, headers, payload });
  before(async () => {
    kit = await startGatewayKit("ai-gateway-happy");
    acme = await kit.organisation("acme");
    const res = await kit.configure("acme", acme, { activityRef: ACTIVITY_REF });
    assert.equal(res.statusCode, 201, res.body);
  });
  after(() => kit.close());

  test("JSON: no original value reaches the upstream, which gets the org's key; the client gets them back", async () => {
    kit.upstream.requests.length = 0;
    const res = await post(conversation());
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(kit.upstream.requests.length, 1);
    const sent = kit.upstream.requests[0]!;
    assert.equal(sent.method, "POST");
    assert.equal(sent.url, "/v1/chat/completions");
    assert.equal(
      sent.headers.authorization,
      `Bearer ${UPSTREAM_KEY}`,
      "the organisation's key, not the token",
    );
    assertNoValue(sent.body, "the upstream request");
    assertNoValue(JSON.stringify(sent.headers), "the upstream headers");

    const body = JSON.parse(sent.body);
    // One scope per call: the same person is the same token in every message.
    assert.match(body.messages[0].content, /^Tu assistes <PERSON_1>\. Son e-mail : <EMAIL_1>\.$/);
    assert.match(
      body.messages[1].content,
      /^Je suis <PERSON_1>, appelez-moi au <PHONE_1>\. Mon NIR : <FR_NIR_1>\.$/,
    );
    assert.match(body.messages[1].name, /^PERSON_\d+$/, "a name becomes a bare token");
    assert.deepEqual(JSON.parse(body.messages[2].tool_calls[0].function.arguments), {
      name: "<PERSON_3>",
      iban: "<IBAN_1>",
    });
    assert.equal(body.messages[3].tool_call_id, "call_0");
    assert.equal(body.messages[3].content, "Trouvé : <PERSON_3>, <POSTAL_ADDRESS_1>");
    assert.equal(body.messages[4].content[0].text, "Et écrivez à <EMAIL_1> pour <PERSON_3>.");
    // Unknown fields pass through untouched.
    assert.equal(body.model, "mistral-small-latest");
    assert.equal(body.temperature, 0.2);
    assert.deepEqual(body.tools, conversation().tools);

    const answer = res.json();
    const { content, tool_calls } = answer.choices[0].message;
    for (const value of [PERSON, EMAIL, PHONE, NIR, IBAN, OTHER, ADDRESS]) {
      assert.ok(content.includes(value), `the answer holds ${value} again: ${content}`);
    }
    assert.doesNotMatch(content, /<[A-Z_]+_\d+>/);
    const who = JSON.parse(tool_calls[0].function.arguments).who as string[];
    assert.ok(who.includes(PERSON) && who.includes(EMAIL) && who.includes(ADDRESS));
    assert.equal(answer.usage.total_tokens, 15, "the upstream's other fields are kept");
  });

  test("without a model, the organisation's defaultModel is sent", async () => {
    kit.upstream.requests.length = 0;
    const res = await post({ messages: [{ role: "user", content: "Bonjour" }] });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(JSON.parse(kit.upstream.requests[0]!.body).model, "test-model");
  });

  test("streaming: tokens split across events and TCP writes come back whole", async () => {
    kit.upstream.reply(echoStream);
    try {
      const res = await post({ ...conversation(), stream: true });
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers["content-type"]), /^text\/event-stream/);
      const events = res.body.split("\n\n").filter((e) => e !== "");
      assert.equal(events.at(-1), "data: [DONE]");
      let text = "";
      for (const e of events.slice(0, -1)) text += JSON.parse(e.slice(6)).choices[0]?.delta?.content ?? "";
      assert.doesNotMatch(text, /<[A-Z_]+_\d+>|<[A-Z_]*$/);
      for (const value of VALUES) assert.ok(text.includes(value), `the stream holds ${value}: ${text}`);
      assertNoValue(kit.upstream.requests.at(-1)!.body, "the upstream request");
    } finally {
      kit.upstream.reply((await import("../../ai-gateway/testing/start-upstream.ts")).echoJson);
    }
  });

  test("streaming over a real connection: the client reads the events as they come", async () => {
    kit.upstream.reply(echoStream);
    await kit.app.listen({ host: "127.0.0.1", port: 0 });
    try {
      const { port } = kit.app.server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}${URL}`, {
        method: "POST",
        headers: { ...acme, "content-type": "application/json" },
        body: JSON.stringify({ ...conversation(), stream: true }),
      });
      assert.equal(res.status, 200);
      let reads = 0;
      let sse = "";
      const decoder = new TextDecoder();
      for await (const chunk of res.body!) {
        reads++;
        sse += decoder.decode(chunk, { stream: true });
      }
      assert.ok(reads > 3, `the answer arrived in ${reads} reads`);
      const text = sse
        .split("\n\n")
        .filter((e) => e.startsWith("data: {"))
        .map((e) => JSON.parse(e.slice(6)).choices[0]?.delta?.content ?? "")
        .join("");
      for (const value of VALUES) assert.ok(text.includes(value), `the stream holds ${value}`);
    } finally {
      kit.upstream.reply((await import("../../ai-gateway/testing/start-upstream.ts")).echoJson);
    }
  });

  test("each call is its own conversation: a token of an earlier call is not re-identified", async () => {
    const first = await post({ messages: [{ role: "user", content: `Je suis ${PERSON}` }] });
    assert.ok(first.json().choices[0].message.content.includes(PERSON));
    kit.upstream.reply((_req: RecordedRequest, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({ choices: [{ index: 0, message: { role: "assistant", content: "Re <PERSON_1>" } }] }),
      );
    });
    try {
      const second = await post({ messages: [{ role: "user", content: "Qui suis-je ?" }] });
      assert.equal(second.json().choices[0].message.content, "Re <PERSON_1>");
    } finally {
      kit.upstream.reply((await import("../../ai-gateway/testing/start-upstream.ts")).echoJson);
    }
  });

  test("a model that rewrites the tokens (bare, HTML- or Markdown-escaped) still gives the values back, streamed too", async () => {
    // Each token in turn as "PERSON_1", "&lt;PERSON_1&gt;" and "\\<PERSON\\_1\\>".
    const rewritten = (req: RecordedRequest) =>
      `Reçu : ${tokensIn(req.body)
        .map((token, i) => {
          const bare = token.slice(1, -1);
          return [bare, `&lt;${bare}&gt;`, `\\<${bare.replaceAll("_", "\\_")}\\>`][i % 3];
        })
        .join(" ; ")}`;
    const check = (text: string) => {
      for (const value of VALUES) assert.ok(text.includes(value), `the answer holds ${value}: ${text}`);
      assert.doesNotMatch(text, /[A-Z]\\?_\d|&lt;|\\</, "no token is left, in any form");
    };
    kit.upstream.reply((req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({ choices: [{ index: 0, message: { role: "assistant", content: rewritten(req) } }] }),
      );
    });
    try {
      const res = await post(conversation());
      assert.equal(res.statusCode, 200, res.body);
      check(res.json().choices[0].message.content);
      kit.upstream.reply((req, res) => streamAnswer(rewritten(req), res));
      const streamed = await post({ ...conversation(), stream: true });
      let text = "";
      for (const e of streamed.body.split("\n\n").filter((e) => e.startsWith("data: {")))
        text += JSON.parse(e.slice(6)).choices[0]?.delta?.content ?? "";
      check(text);
    } finally {
      kit.upstream.reply(echoJson);
    }
  });

  test("usage counts replacements per type and day, never values; the logs hold none either", async () => {
    const res = await kit.call({
      method: "GET",
      url: "/api/v1/organisations/acme/ai-gateway/usage",
      headers: acme,
    });
    assert.equal(res.statusCode, 200, res.body);
    const usage = res.json();
    assert.equal(usage.to, "2026-11-24");
    assert.equal(usage.days.length, 1);
    assert.equal(usage.totals.requests, 8, "every call is counted, with or without personal data");
    assert.ok(usage.totals.byType.PERSON.replacements >= 5);
    // The conversation went five times (JSON, streamed twice, then JSON and streamed to the model that
    // rewrites tokens), with the NIR once in it.
    assert.equal(usage.totals.byType.FR_NIR.replacements, 5);
    assert.equal(usage.totals.byType.FR_NIR.requests, 5);
    assert.equal(usage.totals.byType.IBAN.replacements, 5);
    assert.equal(usage.totals.byType.CREDIT_CARD, undefined);

    const rows = await kit.ctx.db.selectFrom("ai_gateway_usage").selectAll().execute();
    assert.ok(rows.length > 0);
    assertNoValue(JSON.stringify(rows), "the usage table");
    const settings = await kit.ctx.db.selectFrom("ai_gateway_settings").selectAll().execute();
    assert.equal(JSON.stringify(settings).includes(UPSTREAM_KEY), false, "the key is sealed at rest");
    const audit = await kit.ctx.db.selectFrom("audit_entries").selectAll().execute();
    assert.equal(JSON.stringify(audit).includes(UPSTREAM_KEY), false);
    assertNoValue(JSON.stringify(audit), "the audit trail");
    assertNoValue(kit.logs.join("\n"), "the logs");
    assert.equal(kit.logs.join("\n").includes(UPSTREAM_KEY), false);
  });

  test("per-type operators: an e-mail set to redact never leaves, not even as a token", async () => {
    const res = await kit.configure("acme", acme, {
      activityRef: ACTIVITY_REF,
      operators: { EMAIL: "redact" },
    });
    assert.equal(res.statusCode, 200, res.body);
    kit.upstream.requests.length = 0;
    const call = await post({ messages: [{ role: "user", content: `Écrivez à ${EMAIL}, ${PERSON}` }] });
    assert.equal(call.statusCode, 200, call.body);
    assert.equal(JSON.parse(kit.upstream.requests[0]!.body).messages[0].content, "Écrivez à , <PERSON_1>");
    await kit.configure("acme", acme, { activityRef: ACTIVITY_REF });
  });
});

describe("AI gateway: upstream failures", () => {
  let kit: GatewayKit;
  let acme: Headers;
  const post = (payload: object) => kit.call({ method: "POST", url: URL, headers: acme, payload });
  const ask = { messages: [{ role: "user", content: `Je suis ${PERSON}, ${EMAIL}` }] };
  before(async () => {
    kit = await startGatewayKit("ai-gateway-failures");
    acme = await kit.organisation("acme");
    await kit.configure("acme", acme, { timeoutMs: 1000 });
  });
  after(() => kit.close());

  test("a non-2xx answer is a 502 naming the status and code, never echoing what the upstream said", async () => {
    kit.upstream.reply((req, res) => {
      res.writeHead(429, { "content-type": "application/json" });
      res.end(
        JSON.stringify({ error: { message: `Quota exceeded for ${req.body}`, code: "rate_limit_exceeded" } }),
      );
    });
    const res = await post(ask);
    assert.equal(res.statusCode, 502, res.body);
    assert.equal(res.json().code, "UPSTREAM_ERROR");
    assert.deepEqual(res.json().details, { upstreamStatus: 429, upstreamCode: "rate_limit_exceeded" });
    assert.equal(res.body.includes("Quota"), false);
    assert.equal(res.body.includes("PERSON"), false);
  });

  test("an answer that is not JSON is a 502", async () => {
    kit.upstream.reply((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end("<html>proxy error</html>");
    });
    const res = await post(ask);
    assert.equal(res.statusCode, 502);
    assert.equal(res.json().code, "UPSTREAM_ERROR");
  });

  test("an upstream that does not answer in time is a 504", async () => {
    kit.upstream.reply(() => undefined); // never answers
    const started = Date.now();
    const res = await post(ask);
    assert.equal(res.statusCode, 504, res.body);
    assert.equal(res.json().code, "UPSTREAM_TIMEOUT");
    assert.deepEqual(res.json().details, { timeoutMs: 1000 });
    assert.ok(Date.now() - started < 5000);
  });

  test("a stream that stops mid-way ends with an error event; what came before is re-identified", async () => {
    kit.upstream.reply(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(
        `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: "Bonjour <PERSON_1>, <EMA" } }] })}\n\n`,
      );
      // Long enough for the gateway to have read the chunk on a loaded machine: a stream that errors
      // drops what its reader had not taken yet (WHATWG streams), which is not what this test is about.
      await new Promise((r) => setTimeout(r, 200));
      res.destroy();
    });
    const res = await post({ ...ask, stream: true });
    assert.equal(res.statusCode, 200);
    const events = res.body.split("\n\n").filter((e) => e !== "");
    assert.equal(JSON.parse(events[0]!.slice(6)).choices[0].delta.content, `Bonjour ${PERSON}, `);
    const last = JSON.parse(events.at(-1)!.slice(6));
    assert.equal(last.error.code, "UPSTREAM_UNAVAILABLE");
  });

  test("an upstream that refuses connections is a 502 UPSTREAM_UNAVAILABLE, and is not counted", async () => {
    const before = await kit.ctx.db.selectFrom("ai_gateway_usage").selectAll().execute();
    // A port that was just free: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    await kit.configure("acme", acme, { upstreamUrl: `http://127.0.0.1:${port}/v1` });
    const res = await post(ask);
    assert.equal(res.statusCode, 502, res.body);
    assert.equal(res.json().code, "UPSTREAM_UNAVAILABLE");
    assert.deepEqual(res.json().details, { reason: "ECONNREFUSED" });
    const afterRows = await kit.ctx.db.selectFrom("ai_gateway_usage").selectAll().execute();
    assert.deepEqual(afterRows, before);
  });
});
