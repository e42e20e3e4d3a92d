import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestContext } from "../testing/test-context.ts";
import { buildServer } from "./build-server.ts";
import { type ApiKit, bearer, startApi } from "./testing/api-test-kit.ts";

describe("server: public routes", () => {
  let kit: ApiKit;
  before(async () => {
    kit = await startApi("http-server-public");
  });
  after(() => kit.close());

  test("GET /healthz checks the store and names the dialect", async () => {
    const res = await kit.call({ method: "GET", url: "/healthz" });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: "ok", db: kit.ctx.dialect });
  });

  test("GET /api/v1/schema/register returns the register JSON Schema without a token", async () => {
    const res = await kit.call({ method: "GET", url: "/api/v1/schema/register" });
    assert.equal(res.statusCode, 200);
    const schema = res.json() as Record<string, unknown>;
    assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
    assert.equal(schema.$id, "https://gardien.dev/schema/register/v1.json");
    // The API's component ids must not leak into the published schema as $refs.
    assert.equal(JSON.stringify(schema).includes("#/components/"), false);
  });

  test("GET /api/openapi.json is an OpenAPI 3.1 document listing every route, from the Zod schemas", async () => {
    const res = await kit.call({ method: "GET", url: "/api/openapi.json" });
    assert.equal(res.statusCode, 200);
    const doc = res.json() as {
      openapi: string;
      paths: Record<string, Record<string, { security?: unknown; requestBody?: unknown }>>;
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
    };
    assert.match(doc.openapi, /^3\.1\./);
    const expected: Array<[string, string]> = [
      ["get", "/api/v1/organisations"],
      ["post", "/api/v1/organisations"],
      ["get", "/api/v1/organisations/{slug}"],
      ["put", "/api/v1/organisations/{slug}"],
      ["post", "/api/v1/organisations/{slug}/archive"],
      ["get", "/api/v1/organisations/{slug}/history"],
      ["get", "/api/v1/organisations/{slug}/history/{revision}"],
      ["post", "/api/v1/organisations/{slug}/history/{revision}/restore"],
      ["get", "/api/v1/organisations/{slug}/lint"],
      ["get", "/api/v1/organisations/{slug}/export"],
      ["post", "/api/v1/organisations/{slug}/import"],
      ["get", "/api/v1/schema/register"],
      ["get", "/healthz"],
    ];
    for (const segment of ["activities", "processors", "processor-register"]) {
      const base = `/api/v1/organisations/{slug}/${segment}`;
      expected.push(
        ["get", base],
        ["post", base],
        ["get", `${base}/{ref}`],
        ["put", `${base}/{ref}`],
        ["post", `${base}/{ref}/archive`],
        ["get", `${base}/{ref}/history`],
        ["get", `${base}/{ref}/history/{revision}`],
        ["post", `${base}/{ref}/history/{revision}/restore`],
      );
    }
    for (const [method, path] of expected)
      assert.ok(doc.paths[path]?.[method], `${method.toUpperCase()} ${path}`);
    assert.equal(doc.paths["/api/openapi.json"], undefined);
    assert.equal(res.body.includes("PLACEHOLDER"), false, "every component reference was resolved");
    for (const id of ["Activity", "Processor", "ProcessorEntry", "Organisation", "RegisterFile", "Error"]) {
      assert.ok(doc.components.schemas[id], `component ${id}`);
    }
    assert.ok(doc.components.securitySchemes.bearerAuth);
    const put = doc.paths["/api/v1/organisations/{slug}/activities/{ref}"]?.put;
    assert.deepEqual(put?.security, [{ bearerAuth: [] }]);
    assert.match(JSON.stringify(put?.requestBody), /#\/components\/schemas\/ActivityInput/);
    // Field descriptions written with .describe() in the model reach the document.
    assert.match(JSON.stringify(doc.components.schemas.Activity), /Local key: retention rules/);
  });
});

describe("server: error model", () => {
  let kit: ApiKit;
  before(async () => {
    kit = await startApi("http-server-errors");
    await kit.organisation("acme");
  });
  after(() => kit.close());

  test("every response carries a fresh x-request-id; an error body repeats it", async () => {
    const a = await kit.call({ method: "GET", url: "/healthz" });
    const b = await kit.call({ method: "GET", url: "/healthz" });
    assert.match(String(a.headers["x-request-id"]), /^[A-Za-z0-9_-]{8}-[0-9a-z]+$/);
    assert.notEqual(a.headers["x-request-id"], b.headers["x-request-id"]);
    const res = await kit.call({ method: "GET", url: "/api/v1/organisations/nope", headers: kit.admin });
    assert.equal(res.json().requestId, res.headers["x-request-id"]);
  });

  test("an unknown route is a 404 in the error shape", async () => {
    const res = await kit.call({ method: "GET", url: "/api/v1/nothing-here?email=jean.dupont@example.com" });
    assert.equal(res.statusCode, 404);
    const body = res.json();
    assert.deepEqual(Object.keys(body).sort(), ["code", "details", "message", "requestId"]);
    assert.equal(body.code, "NOT_FOUND");
    assert.equal(body.requestId, res.headers["x-request-id"]);
    assert.equal(res.body.includes("jean.dupont"), false);
  });

  test("a body over the limit is a 413 that states the limit", async () => {
    const res = await kit.call({
      method: "POST",
      url: "/api/v1/organisations/acme/activities",
      headers: { ...kit.admin, "content-type": "application/json" },
      payload: JSON.stringify({ ref: "big", name: { fr: "x".repeat(1024 * 1024 + 10) } }),
    });
    assert.equal(res.statusCode, 413);
    const body = res.json();
    assert.equal(body.code, "PAYLOAD_TOO_LARGE");
    assert.match(body.message, /1048576 bytes/);
    assert.deepEqual(body.details, { limitBytes: 1048576 });
  });

  test("malformed JSON is a 400 that does not quote the body", async () => {
    const res = await kit.call({
      method: "POST",
      url: "/api/v1/organisations/acme/activities",
      headers: { ...kit.admin, "content-type": "application/json" },
      payload: '{"ref": "crm", "notes": {"fr": "jean.dupont@example.com"',
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, "BAD_REQUEST");
    assert.equal(res.body.includes("jean.dupont"), false);
  });

  test("messages follow Accept-Language (French), English by default", async () => {
    const url = "/api/v1/organisations/acme/activities/missing";
    const en = await kit.call({ method: "GET", url, headers: kit.admin });
    const fr = await kit.call({
      method: "GET",
      url,
      headers: { ...kit.admin, "accept-language": "fr-FR,fr;q=0.9,en;q=0.5" },
    });
    assert.equal(en.json().message, 'Not found: activity "missing"');
    assert.equal(fr.json().message, "Introuvable : activité « missing »");
  });

  test("a 401 names the Bearer scheme", async () => {
    const res = await kit.call({ method: "GET", url: "/api/v1/organisations" });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().code, "UNAUTHENTICATED");
    assert.match(String(res.headers["www-authenticate"]), /^Bearer/);
  });
});

test("server: an unexpected error is a generic 500, logged with the request id", async () => {
  const ctx = await createTestContext("http-server-internal");
  const lines: string[] = [];
  const log = (await import("pino")).default(
    { level: "error" },
    {
      write: (line: string) => {
        lines.push(line);
      },
    },
  );
  const app = await buildServer({ ...ctx, log });
  app.get("/boom", async () => {
    throw new Error("secret detail: jean.dupont@example.com");
  });
  try {
    const res = await app.inject({ method: "GET", url: "/boom", headers: bearer("irrelevant") });
    assert.equal(res.statusCode, 500);
    const body = res.json();
    assert.equal(body.code, "INTERNAL");
    assert.equal(res.body.includes("secret detail"), false);
    assert.equal(res.body.includes("jean.dupont"), false);
    const logged = lines.map((l) => JSON.parse(l) as { reqId?: string; error?: { message?: string } });
    assert.ok(logged.some((l) => l.reqId === body.requestId && l.error?.message?.includes("secret detail")));
    assert.equal(
      lines.join("").includes("jean.dupont"),
      false,
      "the e-mail address in the message is masked in the log",
    );
  } finally {
    await app.close();
    await ctx.close();
  }
});

test("server: request logs carry the request id, never the body or the token", async () => {
  const ctx = await createTestContext("http-server-logs");
  const lines: string[] = [];
  const log = (await import("pino")).default(
    { level: "trace" },
    {
      write: (line: string) => {
        lines.push(line);
      },
    },
  );
  const app = await buildServer({ ...ctx, log });
  try {
    const { createToken } = await import("../auth/create-token.ts");
    const admin = await createToken(ctx, { admin: true, name: "admin", actor: "test" });
    const ok = await app.inject({
      method: "POST",
      url: "/api/v1/organisations",
      headers: bearer(admin.token),
      payload: { slug: "acme", legalName: "ACME", country: "FR", email: "jean.dupont@example.com" },
    });
    assert.equal(ok.statusCode, 201);
    const bad = await app.inject({
      method: "POST",
      url: "/api/v1/organisations",
      headers: bearer(admin.token),
      payload: { slug: "Bad Slug", legalName: "ACME", country: "FR", email: "jean.dupont@example.com" },
    });
    assert.equal(bad.statusCode, 400);
    const all = lines.join("\n");
    assert.ok(all.includes(String(ok.headers["x-request-id"])), "log lines name the request id");
    assert.equal(all.includes("jean.dupont"), false);
    assert.equal(all.includes(admin.token), false);
  } finally {
    await app.close();
    await ctx.close();
  }
});

describe("trustProxy", () => {
  for (const [setting, expected] of [
    [false, "10.0.0.2"],
    [true, "203.0.113.9"],
    ["10.0.0.0/8", "203.0.113.9"],
    ["192.168.0.0/16", "10.0.0.2"],
  ] as const) {
    test(`${String(setting)}: the client address is ${expected}`, async () => {
      const ctx = await createTestContext(`http-trust-proxy-${String(setting)}`, { trustProxy: setting });
      const app = await buildServer(ctx);
      app.get("/__ip", async (request) => ({ ip: request.ip }));
      try {
        const res = await app.inject({
          url: "/__ip",
          remoteAddress: "10.0.0.2",
          headers: { "x-forwarded-for": "203.0.113.9" },
        });
        assert.equal(res.json().ip, expected);
      } finally {
        await app.close();
        await ctx.close();
      }
    });
  }
});

test("the request log line carries the request id once", async () => {
  const ctx = await createTestContext("http-request-log-line");
  const lines: string[] = [];
  const log = (await import("pino")).default(
    { level: "info" },
    { write: (line: string) => void lines.push(line) },
  );
  const app = await buildServer({ ...ctx, log });
  try {
    const res = await app.inject({ url: "/healthz" });
    const line = lines.find((l) => l.includes('"msg":"request"'));
    assert.ok(line, lines.join("\n"));
    // A duplicated key makes log tools keep one value and drop the other.
    assert.equal(line.match(/"reqId"/g)?.length, 1, line);
    assert.equal((JSON.parse(line) as { reqId: string }).reqId, res.headers["x-request-id"]);
  } finally {
    await app.close();
    await ctx.close();
  }
});

test("a listening server warms its pii worker pool (piiWarmup), and stops it on close; off, no thread starts", async () => {
  for (const piiWarmup of [true, false]) {
    const ctx = await createTestContext(`warmup-${piiWarmup}`, { piiWarmup, piiWorkers: 1 });
    const app = await buildServer(ctx);
    try {
      assert.equal(app.piiDetector.runningWorkers, 0, "not before listening");
      await app.listen({ host: "127.0.0.1", port: 0 });
      // onListen hooks run once the socket is bound; the pool starts in the first of them.
      const until = Date.now() + 5_000;
      while (piiWarmup && app.piiDetector.runningWorkers === 0 && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      assert.equal(app.piiDetector.runningWorkers, piiWarmup ? 1 : 0);
    } finally {
      // Closed while warming: the pool stops with the server.
      await app.close();
      await ctx.close();
    }
    assert.equal(app.piiDetector.runningWorkers, 0);
  }
});
