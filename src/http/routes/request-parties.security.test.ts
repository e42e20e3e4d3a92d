/** Who may not call the controller ⇄ processor routes. */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { createRequest } from "../../rights/requests/create-request.ts";
import { sampleActivity } from "../../testing/fixtures.ts";
import { type ApiKit, bearer, type Headers, startApi } from "../testing/api-test-kit.ts";

describe("request parties: security", () => {
  let kit: ApiKit;
  let tokenA: Headers;
  let tokenB: Headers;
  const ids = { a: "", b: "", party: "", partyB: "" };
  const url = (slug: string, id: string, rest: string) =>
    `/api/v1/organisations/${slug}/requests/${id}${rest}`;
  const routes = (slug: string, id: string, party: string) =>
    [
      { method: "POST", url: url(slug, id, "/forward"), payload: { controllerRef: "x" } },
      { method: "POST", url: url(slug, id, "/instruct-processors"), payload: {} },
      { method: "GET", url: url(slug, id, "/parties") },
      { method: "POST", url: url(slug, id, `/parties/${party}/answer`), payload: { result: "completed" } },
      { method: "POST", url: url(slug, id, `/parties/${party}/waive`), payload: { reason: "because" } },
    ] as const;

  async function setUp(slug: string, headers: Headers): Promise<{ request: string; party: string }> {
    await kit.call({
      method: "POST",
      url: `/api/v1/organisations/${slug}/processors`,
      headers,
      payload: { ref: "hoster", name: "Hoster", kind: "processor" },
    });
    await kit.call({
      method: "POST",
      url: `/api/v1/organisations/${slug}/activities`,
      headers,
      payload: sampleActivity("crm", {
        recipients: [{ kind: "processor", name: { fr: "Hébergeur", en: "Host" }, processorRef: "hoster" }],
      }),
    });
    const org = await kit.ctx.db
      .selectFrom("organisations")
      .select("id")
      .where("slug", "=", slug)
      .executeTakeFirstOrThrow();
    const { request } = await createRequest(kit.ctx, {
      orgId: org.id,
      actor: "test",
      input: {
        type: "erasure",
        channel: "email",
        identityVerified: true,
        requester: { email: `jo@${slug}.example` },
      },
    });
    const res = await kit.call({
      method: "POST",
      url: url(slug, request.id, "/instruct-processors"),
      headers,
      payload: {},
    });
    assert.equal(res.statusCode, 200, res.body);
    return { request: request.id, party: res.json().parties[0].id };
  }

  before(async () => {
    kit = await startApi("http-request-parties-security");
    tokenA = await kit.organisation("org-a");
    tokenB = await kit.organisation("org-b");
    const a = await setUp("org-a", tokenA);
    const b = await setUp("org-b", tokenB);
    ids.a = a.request;
    ids.party = a.party;
    ids.b = b.request;
    ids.partyB = b.party;
  });
  after(() => kit.close());

  test("without a token, or with a bad one, every route is 401", async () => {
    for (const headers of [{}, bearer("gdn_not-a-real-token")]) {
      for (const call of routes("org-a", ids.a, ids.party)) {
        const res = await kit.call({ ...call, headers });
        assert.equal(res.statusCode, 401, `${call.method} ${call.url}`);
      }
    }
  });

  test("a token of org B cannot act on org A's request, and the party is untouched", async () => {
    for (const call of routes("org-a", ids.a, ids.party)) {
      const res = await kit.call({ ...call, headers: tokenB });
      assert.equal(res.statusCode, 403, `${call.method} ${call.url}`);
    }
    const parties = (
      await kit.call({ method: "GET", url: url("org-a", ids.a, "/parties"), headers: tokenA })
    ).json();
    assert.equal(parties.items[0].status, "pending");
  });

  test("another organisation's request id is not found, exactly like an unknown one", async () => {
    for (const [foreign, unknown] of [
      [routes("org-a", ids.b, ids.partyB), routes("org-a", randomUUID(), ids.partyB)],
    ] as const) {
      for (let i = 0; i < foreign.length; i++) {
        const f = await kit.call({ ...foreign[i]!, headers: tokenA });
        const u = await kit.call({ ...unknown[i]!, headers: tokenA });
        assert.equal(f.statusCode, 404, `${foreign[i]!.method} ${foreign[i]!.url}`);
        assert.equal(u.statusCode, 404);
        assert.equal(f.json().code, u.json().code);
        assert.equal(f.json().details.entity, u.json().details.entity);
      }
    }
  });

  test("another request's party, or an unknown party, is not found", async () => {
    for (const party of [ids.partyB, randomUUID()]) {
      for (const rest of [`/parties/${party}/answer`, `/parties/${party}/waive`]) {
        const res = await kit.call({
          method: "POST",
          url: url("org-a", ids.a, rest),
          headers: tokenA,
          payload: rest.endsWith("answer") ? { result: "completed" } : { reason: "because" },
        });
        assert.equal(res.statusCode, 404, rest);
        assert.equal(res.json().details.entity, "party");
      }
    }
    const partyB = (
      await kit.call({ method: "GET", url: url("org-b", ids.b, "/parties"), headers: tokenB })
    ).json();
    assert.equal(partyB.items[0].status, "pending");
  });
});
