import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { verifyAudit } from "../../audit/verify-audit.ts";
import { type Headers, issuesOf } from "../testing/api-test-kit.ts";
import {
  api,
  assertError,
  assertNoLeak,
  JEANNE,
  type RequestsKit,
  requestsOf,
  startRequestsApi,
} from "./requests-test-kit.ts";

const INTAKE = `${api}/requests`;

describe("POST /api/v1/requests (the organisation's systems)", () => {
  let kit: RequestsKit;
  let acme: Headers;
  before(async () => {
    kit = await startRequestsApi("http-requests-intake");
    acme = await kit.organisation("acme");
    await kit.organisation("other");
  });
  after(() => kit.close());

  test("a scoped token files for its organisation; the channel defaults to api; identity is awaited", async () => {
    const res = await kit.call({
      method: "POST",
      url: INTAKE,
      headers: acme,
      payload: { type: "erasure", requester: JEANNE, activityRefs: ["crm"] },
    });
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.equal(res.headers.location, `${requestsOf("acme")}/${body.id}`);
    assert.equal(res.headers.etag, '"1"');
    assert.match(body.reference, /^DSR-2026-\d{4}$/);
    assert.equal(body.channel, "api");
    assert.equal(body.status, "awaiting_identity");
    assert.equal(body.identityStatus, "pending");
    // Received 24 November 2026 (Tuesday): due Thursday 24 December.
    assert.equal(body.dueOn, "2026-12-24");
    assert.equal(body.duplicateOf, null);
    assert.equal(body.identityCheck, "mail_queued");
    assertNoLeak(res.body, "the creation answer");
    const read = await kit.call({ method: "GET", url: res.headers.location as string, headers: acme });
    assert.deepEqual(read.json().request.requester, JEANNE);
  });

  test("a system that authenticated the person posts identityVerified: work starts at once", async () => {
    const res = await kit.call({
      method: "POST",
      url: INTAKE,
      headers: acme,
      payload: {
        type: "portability",
        channel: "web_form",
        requester: { email: "client.4410@example.net", customerId: "C-4410" },
        identityVerified: true,
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().status, "in_progress");
    assert.equal(res.json().identityStatus, "verified");
    assert.equal(res.json().identityCheck, "not_needed");
    assert.equal(res.json().channel, "web_form");
  });

  test("a second request of the same person and type is linked to the open one", async () => {
    const res = await kit.call({
      method: "POST",
      url: INTAKE,
      headers: acme,
      payload: { type: "erasure", requester: { email: ` ${JEANNE.email.toUpperCase()} ` } },
    });
    assert.equal(res.statusCode, 201, res.body);
    const first = (
      await kit.call({ method: "GET", url: `${requestsOf("acme")}?type=erasure`, headers: acme })
    ).json().items[0];
    assert.equal(res.json().duplicateOf, first.id);
    assert.equal(res.json().status, "closed");
  });

  test("an admin token names the organisation in X-Gardien-Organisation, or gets a 400 saying so", async () => {
    const payload = { type: "objection", requester: { email: "marc.vidal@example.net" } };
    const missing = await kit.call({ method: "POST", url: INTAKE, headers: kit.admin, payload });
    assertError(missing, 400, "VALIDATION_FAILED");
    assert.deepEqual(issuesOf(missing)[0], {
      path: "headers.x-gardien-organisation",
      rule: "required",
      message: "an admin token must name the organisation: send X-Gardien-Organisation: <slug>",
    });
    const bad = await kit.call({
      method: "POST",
      url: INTAKE,
      headers: { ...kit.admin, "x-gardien-organisation": "Not A Slug" },
      payload,
    });
    assertError(bad, 400, "VALIDATION_FAILED");
    assert.equal(issuesOf(bad)[0]!.path, "headers.x-gardien-organisation");
    const unknown = await kit.call({
      method: "POST",
      url: INTAKE,
      headers: { ...kit.admin, "x-gardien-organisation": "nobody" },
      payload,
    });
    assertError(unknown, 404, "NOT_FOUND");
    const ok = await kit.call({
      method: "POST",
      url: INTAKE,
      headers: { ...kit.admin, "x-gardien-organisation": "other" },
      payload,
    });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(ok.headers.location, `${requestsOf("other")}/${ok.json().id}`);
    assert.equal(ok.json().reference, "DSR-2026-0001", "numbered in the other organisation");
    // A scoped token may name its own organisation.
    const own = await kit.call({
      method: "POST",
      url: INTAKE,
      headers: { ...acme, "x-gardien-organisation": "acme" },
      payload,
    });
    assert.equal(own.statusCode, 201, own.body);
  });

  test("bad bodies are 400s naming the field; nothing is stored; nothing reaches the logs", async () => {
    const before = (await kit.ctx.db.selectFrom("requests").select("id").execute()).length;
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ type: "forget-me", requester: JEANNE }, "type", "invalid_value"],
      [{ type: "access", channel: "opendsr", requester: JEANNE }, "channel", "invalid_value"],
      [{ type: "access", requester: JEANNE, activityRefs: ["nope"] }, "activityRefs[0]", "known_activity"],
      [{ type: "access", requester: { name: JEANNE.name } }, "requester.email", "custom"],
      [{ type: "access", requester: JEANNE, identityVerified: "yes" }, "identityVerified", "invalid_type"],
      [
        { type: "access", requester: JEANNE, external: { source: "opendsr" } },
        "external",
        "unrecognized_keys",
      ],
    ];
    for (const [payload, path, rule] of cases) {
      const res = await kit.call({ method: "POST", url: INTAKE, headers: acme, payload });
      assertError(res, 400, "VALIDATION_FAILED");
      const issue = issuesOf(res)[0]!;
      assert.deepEqual([issue.path, issue.rule], [path, rule], JSON.stringify(issuesOf(res)));
    }
    const notJson = await kit.call({
      method: "POST",
      url: INTAKE,
      headers: { ...acme, "content-type": "application/json" },
      payload: `{"type":"access","requester":{"email":"${JEANNE.email}"`,
    });
    assertError(notJson, 400, "BAD_REQUEST");
    assert.equal((await kit.ctx.db.selectFrom("requests").select("id").execute()).length, before);
    assert.equal((await verifyAudit(kit.ctx.db)).valid, true);
    assert.ok(kit.logs.length > 0);
    assertNoLeak(kit.logs.join("\n"), "logs");
  });

  test("the OpenAPI document describes the request routes from their Zod schemas", async () => {
    const doc = (await kit.call({ method: "GET", url: "/api/openapi.json" })).json();
    const intake = doc.paths["/api/v1/requests"].post;
    assert.ok(
      intake.parameters.some(
        (p: { in: string; name: string }) => p.in === "header" && p.name === "x-gardien-organisation",
      ),
    );
    const body = intake.requestBody.content["application/json"].schema;
    assert.equal(body.properties.channel.default, "api");
    assert.equal(
      body.properties.external,
      undefined,
      "the OpenDSR fields are not for the organisation's systems",
    );
    for (const path of [
      "/api/v1/organisations/{slug}/requests",
      "/api/v1/organisations/{slug}/requests/{id}",
      "/api/v1/organisations/{slug}/requests/{id}/transitions",
      "/api/v1/organisations/{slug}/requests/{id}/assignee",
      "/api/v1/organisations/{slug}/requests/{id}/notes",
      "/api/v1/organisations/{slug}/requests/{id}/attachments",
      "/api/v1/organisations/{slug}/requests/{id}/attachments/{attId}",
      "/api/v1/organisations/{slug}/rights-settings",
    ]) {
      assert.ok(doc.paths[path], path);
    }
    const manual =
      doc.paths["/api/v1/organisations/{slug}/requests"].post.requestBody.content["application/json"].schema;
    assert.deepEqual(manual.properties.channel.enum, ["email", "letter", "phone", "in_person"]);
    assert.ok(manual.required.includes("receivedAt"));
    assert.ok(doc.components.schemas.DataSubjectRequest);
  });
});
