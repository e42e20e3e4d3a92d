/**
 * Who may NOT call the answer routes: without a token (401), with another organisation's token (403), with
 * this organisation's token on another organisation's request (404, the same as an unknown id). Nothing is
 * written by any refused call.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import type { InjectOptions } from "fastify";
import { type AnswersKit, answersOf, LEA_SECRETS, startAnswersApi } from "./request-answers-test-kit.ts";

type Endpoint = { name: string; method: "GET" | "POST"; path: string; payload?: object };

const ENDPOINTS: Endpoint[] = [
  { name: "data", method: "POST", path: "data", payload: { source: "crm", records: [{ a: 1 }] } },
  { name: "letter", method: "GET", path: "letter?format=md" },
  { name: "extension", method: "POST", path: "extension", payload: { extraMonths: 1, reason: "charge" } },
  { name: "answer", method: "POST", path: "answer", payload: { outcome: "granted" } },
];

describe("request-answers routes: who may not call them", () => {
  let kit: AnswersKit;
  let alpha: { id: string; headers: Record<string, string> };
  let beta: { id: string; headers: Record<string, string> };
  let alphaRequest: string;
  let betaRequest: string;
  before(async () => {
    kit = await startAnswersApi("http-request-answers-security");
    alpha = await kit.organisation("alpha");
    beta = await kit.organisation("beta");
    alphaRequest = await kit.request(alpha.id);
    betaRequest = await kit.request(beta.id);
  });
  after(() => kit.close());

  const written = async () =>
    JSON.stringify([
      await kit.ctx.db.selectFrom("request_events").select(["id"]).execute(),
      await kit.ctx.db.selectFrom("request_attachments").select(["id"]).execute(),
      await kit.ctx.db
        .selectFrom("requests")
        .select(["id", "revision", "status", "due_on"])
        .orderBy("id")
        .execute(),
    ]);

  for (const e of ENDPOINTS) {
    const call = (slug: string, id: string, headers: Record<string, string>) =>
      kit.call({
        method: e.method,
        url: `${answersOf(slug, id)}/${e.path}`,
        headers,
        ...(e.payload ? { payload: e.payload } : {}),
      } as InjectOptions);

    test(`${e.name}: 401 without a token or with an unknown one`, async () => {
      const before = await written();
      const attempts: Record<string, string>[] = [
        {},
        { authorization: "Bearer gdn_not-a-token" },
        { authorization: "Basic eDp5" },
      ];
      for (const headers of attempts) {
        const res = await call("alpha", alphaRequest, headers);
        assert.equal(res.statusCode, 401, `${JSON.stringify(headers)}: ${res.body}`);
        assert.equal(res.json().code, "UNAUTHENTICATED");
      }
      assert.equal(await written(), before);
    });

    test(`${e.name}: 403 with another organisation's token, whether the slug exists or not`, async () => {
      const before = await written();
      for (const slug of ["alpha", "no-such-org"]) {
        const res = await call(slug, alphaRequest, beta.headers);
        assert.equal(res.statusCode, 403, res.body);
        assert.equal(res.json().code, "FORBIDDEN");
      }
      assert.equal(await written(), before);
    });

    test(`${e.name}: another organisation's request is not found, exactly like an unknown one`, async () => {
      const before = await written();
      const other = await call("alpha", betaRequest, alpha.headers);
      const unknown = await call("alpha", randomUUID(), alpha.headers);
      for (const res of [other, unknown]) {
        assert.equal(res.statusCode, 404, res.body);
        assert.equal(res.json().code, "NOT_FOUND");
        assert.deepEqual(Object.keys(res.json().details), ["entity", "key"]);
      }
      // The admin sees the same: a request is found only under its own organisation.
      const viaAdmin = await call("alpha", betaRequest, kit.admin);
      assert.equal(viaAdmin.statusCode, 404);
      const unknownOrg = await call("no-such-org", alphaRequest, kit.admin);
      assert.equal(unknownOrg.statusCode, 404);
      for (const res of [other, unknown, viaAdmin]) {
        for (const secret of LEA_SECRETS) assert.ok(!res.body.includes(secret), secret);
      }
      assert.equal(await written(), before);
    });
  }

  test("a malformed request id is a 400 naming the parameter, never a lookup", async () => {
    const res = await kit.call({
      method: "GET",
      url: `${answersOf("alpha", "1 OR 1=1")}/letter`,
      headers: alpha.headers,
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().details.issues[0].path, "params.id");
  });
});
