import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import {
  ACTIVITY_REF,
  bearer,
  type GatewayKit,
  type Headers,
  startGatewayKit,
  UPSTREAM_KEY,
} from "../../ai-gateway/testing/gateway-kit.ts";
import { createToken } from "../../auth/create-token.ts";
import { revokeToken } from "../../auth/revoke-token.ts";

const EMAIL = "jean.dupont@example.com";
const CHAT = "/ai/v1/chat/completions";
const settings = (slug: string) => `/api/v1/organisations/${slug}/ai-gateway`;
const ask = { messages: [{ role: "user", content: `Écrivez à ${EMAIL}` }] };

/** Who may not call the gateway and its settings: the security third of their tests. */
describe("AI gateway: security", () => {
  let kit: GatewayKit;
  let tokenA: Headers;
  let tokenB: Headers;
  let tokenC: Headers;
  const responses: LightMyRequestResponse[] = [];
  const call = async (options: InjectOptions) => {
    const res = await kit.call(options);
    responses.push(res);
    return res;
  };
  const routes = (slug: string) =>
    [
      { method: "PUT", url: settings(slug), payload: { upstreamUrl: "https://evil.example/v1" } },
      { method: "GET", url: settings(slug) },
      { method: "DELETE", url: settings(slug) },
      { method: "GET", url: `${settings(slug)}/usage` },
      { method: "GET", url: `${settings(slug)}/report` },
      { method: "POST", url: `${settings(slug)}/sync-activity` },
    ] as const;

  before(async () => {
    kit = await startGatewayKit("ai-gateway-security");
    tokenA = await kit.organisation("org-a");
    tokenB = await kit.organisation("org-b");
    tokenC = await kit.organisation("org-c"); // never configured
    assert.equal((await kit.configure("org-a", tokenA, { activityRef: ACTIVITY_REF })).statusCode, 201);
    assert.equal((await kit.configure("org-b", tokenB, { apiKey: "sk-org-b-key" })).statusCode, 201);
  });
  after(async () => {
    // Whatever happened above, no response ever carried an upstream key.
    for (const res of responses) {
      const text = res.body + JSON.stringify(res.headers);
      assert.equal(text.includes(UPSTREAM_KEY) || text.includes("sk-org-b-key"), false, res.body);
    }
    assert.equal(kit.logs.join("\n").includes(EMAIL), false, "no message reached the logs");
    await kit.close();
  });

  test("without a token, or with a bad one, every route is 401 and nothing reaches the upstream", async () => {
    kit.upstream.requests.length = 0;
    for (const headers of [{}, bearer("gdn_not-a-real-token"), { authorization: "Basic dXNlcjpwYXNz" }]) {
      for (const route of [...routes("org-a"), { method: "POST", url: CHAT, payload: ask }] as const) {
        const res = await call({ ...route, headers });
        assert.equal(res.statusCode, 401, `${route.method} ${route.url}`);
        assert.equal(res.json().code, "UNAUTHENTICATED");
      }
    }
    assert.equal(kit.upstream.requests.length, 0);
  });

  test("a revoked token is a 401 at the gateway", async () => {
    const token = await createToken(kit.ctx, { orgSlug: "org-a", name: "short-lived", actor: "test" });
    const ok = await call({ method: "POST", url: CHAT, headers: bearer(token.token), payload: ask });
    assert.equal(ok.statusCode, 200, ok.body);
    await revokeToken(kit.ctx, { id: token.id, actor: "test" });
    const res = await call({ method: "POST", url: CHAT, headers: bearer(token.token), payload: ask });
    assert.equal(res.statusCode, 401);
  });

  test("a token of org A gets 403 on every settings route of org B (or of one that does not exist); B is untouched", async () => {
    const before = await call({ method: "GET", url: settings("org-b"), headers: tokenB });
    for (const slug of ["org-b", "no-such-org"]) {
      for (const route of routes(slug)) {
        const res = await call({ ...route, headers: tokenA });
        assert.equal(res.statusCode, 403, `${route.method} ${route.url}`);
        assert.equal(res.json().code, "FORBIDDEN");
      }
    }
    const afterRes = await call({ method: "GET", url: settings("org-b"), headers: tokenB });
    assert.deepEqual(afterRes.json(), before.json());
  });

  test("the gateway acts for the token's organisation: naming another one is a 403", async () => {
    kit.upstream.requests.length = 0;
    const own = await call({ method: "POST", url: CHAT, headers: tokenA, payload: ask });
    assert.equal(own.statusCode, 200, own.body);
    assert.equal(kit.upstream.requests[0]!.headers.authorization, `Bearer ${UPSTREAM_KEY}`);
    const named = await call({
      method: "POST",
      url: CHAT,
      headers: { ...tokenA, "x-gardien-organisation": "org-a" },
      payload: ask,
    });
    assert.equal(named.statusCode, 200);
    const other = await call({
      method: "POST",
      url: CHAT,
      headers: { ...tokenA, "x-gardien-organisation": "org-b" },
      payload: ask,
    });
    assert.equal(other.statusCode, 403);
    assert.equal(kit.upstream.requests.length, 2, "the 403 sent nothing upstream");
  });

  test("an admin token must name the organisation; it then uses that organisation's key", async () => {
    const missing = await call({ method: "POST", url: CHAT, headers: kit.admin, payload: ask });
    assert.equal(missing.statusCode, 400, missing.body);
    assert.deepEqual(missing.json().details.issues, [
      {
        path: "headers.x-gardien-organisation",
        rule: "required",
        message: "an admin token must name the organisation it calls the gateway for",
      },
    ]);
    const badSlug = await call({
      method: "POST",
      url: CHAT,
      headers: { ...kit.admin, "x-gardien-organisation": "Not A Slug" },
      payload: ask,
    });
    assert.equal(badSlug.statusCode, 400);
    assert.equal(badSlug.json().details.issues[0].path, "headers.x-gardien-organisation");
    const unknown = await call({
      method: "POST",
      url: CHAT,
      headers: { ...kit.admin, "x-gardien-organisation": "nobody" },
      payload: ask,
    });
    assert.equal(unknown.statusCode, 404);

    kit.upstream.requests.length = 0;
    const ok = await call({
      method: "POST",
      url: CHAT,
      headers: { ...kit.admin, "x-gardien-organisation": "org-b" },
      payload: ask,
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(kit.upstream.requests[0]!.headers.authorization, "Bearer sk-org-b-key");
    assert.equal(ok.json().choices[0].message.content, `Reçu : ${EMAIL}`);
  });

  test("an organisation without gateway settings gets a 409 NOT_CONFIGURED naming what to set", async () => {
    const res = await call({ method: "POST", url: CHAT, headers: tokenC, payload: ask });
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json().code, "NOT_CONFIGURED");
    assert.deepEqual(res.json().details, { feature: "ai-gateway", field: "upstreamUrl" });
    assert.match(res.json().message, /PUT \/api\/v1\/organisations\/org-c\/ai-gateway/);
    const sync = await call({ method: "POST", url: `${settings("org-c")}/sync-activity`, headers: tokenC });
    assert.equal(sync.statusCode, 409);
  });

  test("a bad body is a 400 naming the field, never quoting the messages, and nothing is sent", async () => {
    kit.upstream.requests.length = 0;
    const cases: Array<[unknown, string]> = [
      [{}, "messages"],
      [{ messages: [] }, "messages"],
      [{ messages: [{ role: "boss", content: `Écrivez à ${EMAIL}` }] }, "messages[0].role"],
      [{ messages: [{ role: "user", content: 42 }] }, "messages[0].content"],
      [
        {
          messages: [
            { role: "user", content: `Écrivez à ${EMAIL}` },
            {
              role: "user",
              content: [
                { type: "text", text: EMAIL },
                { type: "image_url", image_url: { url: "data:image/png;base64,AAAA" } },
              ],
            },
          ],
        },
        "messages[1].content[1].type",
      ],
      [{ ...ask, stream: "yes" }, "stream"],
      [{ ...ask, model: "" }, "model"],
    ];
    for (const [payload, path] of cases) {
      const res = await call({ method: "POST", url: CHAT, headers: tokenA, payload: payload as object });
      assert.equal(res.statusCode, 400, `${JSON.stringify(payload)}: ${res.body}`);
      const issues = res.json().details.issues as Array<{ path: string }>;
      assert.ok(
        issues.some((i) => i.path === path),
        `${path}: ${JSON.stringify(issues)}`,
      );
      assert.equal(res.body.includes(EMAIL), false);
    }
    const image = await call({
      method: "POST",
      url: CHAT,
      headers: tokenA,
      payload: { messages: [{ role: "user", content: [{ type: "input_audio", input_audio: {} }] }] },
    });
    assert.match(image.json().message, /only text parts are accepted/);
    const invalidJson = await call({
      method: "POST",
      url: CHAT,
      headers: { ...tokenA, "content-type": "application/json" },
      payload: `{"messages": [{"role": "user", "content": "${EMAIL}"`,
    });
    assert.equal(invalidJson.statusCode, 400);
    assert.equal(invalidJson.body.includes(EMAIL), false);
    assert.equal(kit.upstream.requests.length, 0);
  });

  test("without a model and without a defaultModel, the 400 names model", async () => {
    await kit.configure("org-b", tokenB, { defaultModel: undefined });
    const res = await call({ method: "POST", url: CHAT, headers: tokenB, payload: ask });
    assert.equal(res.statusCode, 400, res.body);
    assert.deepEqual(res.json().details.issues[0], {
      path: "model",
      rule: "required",
      message: "is required: the organisation's gateway has no defaultModel",
    });
  });
});
