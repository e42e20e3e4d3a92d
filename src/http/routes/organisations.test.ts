import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sampleOrganisation } from "../../testing/fixtures.ts";
import { type ApiKit, bearer, type Headers, issuesOf, startApi } from "../testing/api-test-kit.ts";

const EMAIL = "jean.dupont@example.com";
const ORGS = "/api/v1/organisations";

describe("organisations: happy path", () => {
  let kit: ApiKit;
  before(async () => {
    kit = await startApi("http-organisations-happy");
  });
  after(() => kit.close());

  test("create → read → replace → history with field diff → restore as a new revision", async () => {
    const created = await kit.call({
      method: "POST",
      url: ORGS,
      headers: kit.admin,
      payload: sampleOrganisation("acme"),
    });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.headers.location, `${ORGS}/acme`);
    assert.equal(created.headers.etag, '"1"');
    const first = created.json();
    assert.equal(first.slug, "acme");
    assert.equal(first.archivedAt, null);
    assert.equal(first.id, undefined);

    const read = await kit.call({ method: "GET", url: `${ORGS}/acme`, headers: kit.admin });
    assert.deepEqual(read.json(), first);

    const updated = await kit.call({
      method: "PUT",
      url: `${ORGS}/acme`,
      headers: { ...kit.admin, "if-match": '"1"' },
      payload: { ...first.data, dpo: { kind: "external", email: "dpo@example.org" } },
    });
    assert.equal(updated.statusCode, 200, updated.body);
    assert.equal(updated.headers.etag, '"2"');

    const history = (
      await kit.call({ method: "GET", url: `${ORGS}/acme/history`, headers: kit.admin })
    ).json();
    assert.deepEqual(
      history.items.map((r: { revision: number; action: string }) => [r.revision, r.action]),
      [
        [2, "update"],
        [1, "create"],
      ],
    );
    assert.ok(
      history.items[0].changes.some(
        (c: { path: string; op: string }) => c.path === "dpo" && c.op === "added",
      ),
    );

    const rev1 = await kit.call({ method: "GET", url: `${ORGS}/acme/history/1`, headers: kit.admin });
    assert.deepEqual(rev1.json().data, first.data);

    const restored = await kit.call({
      method: "POST",
      url: `${ORGS}/acme/history/1/restore`,
      headers: kit.admin,
    });
    assert.deepEqual(restored.json(), { revision: 3, changed: true });
    const after = (await kit.call({ method: "GET", url: `${ORGS}/acme`, headers: kit.admin })).json();
    assert.equal(after.revision, 3);
    assert.deepEqual(after.data, first.data);
  });

  test("a replacement with another slug renames the organisation and points to its new URL", async () => {
    await kit.organisation("old-name");
    const current = (await kit.call({ method: "GET", url: `${ORGS}/old-name`, headers: kit.admin })).json();
    const res = await kit.call({
      method: "PUT",
      url: `${ORGS}/old-name`,
      headers: kit.admin,
      payload: { ...current.data, slug: "new-name" },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers.location, `${ORGS}/new-name`);
    assert.equal(
      (await kit.call({ method: "GET", url: `${ORGS}/new-name`, headers: kit.admin })).statusCode,
      200,
    );
    assert.equal(
      (await kit.call({ method: "GET", url: `${ORGS}/old-name`, headers: kit.admin })).statusCode,
      404,
    );
  });

  test("archive hides the organisation from the list unless includeArchived=true", async () => {
    await kit.organisation("to-archive");
    const archived = await kit.call({
      method: "POST",
      url: `${ORGS}/to-archive/archive`,
      headers: kit.admin,
    });
    assert.equal(archived.statusCode, 200, archived.body);
    assert.notEqual(archived.json().archivedAt, null);
    const slugs = async (query: string) =>
      (await kit.call({ method: "GET", url: `${ORGS}${query}`, headers: kit.admin }))
        .json()
        .items.map((o: { slug: string }) => o.slug);
    assert.equal((await slugs("")).includes("to-archive"), false);
    assert.ok((await slugs("?includeArchived=true")).includes("to-archive"));
  });
});

describe("organisations: errors", () => {
  let kit: ApiKit;
  before(async () => {
    kit = await startApi("http-organisations-errors");
    await kit.organisation("acme");
  });
  after(() => kit.close());

  test("an invalid body is a 400 naming the field and the rule, without echoing personal data", async () => {
    const res = await kit.call({
      method: "POST",
      url: ORGS,
      headers: kit.admin,
      payload: { ...sampleOrganisation("bad"), siren: "123456789", dpo: { kind: "internal", email: EMAIL } },
    });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(
      issuesOf(res).map((i) => [i.path, i.rule]),
      [["siren", "custom"]],
    );
    assert.equal(res.body.includes("jean.dupont"), false);
    assert.equal((await kit.call({ method: "GET", url: `${ORGS}/bad`, headers: kit.admin })).statusCode, 404);
  });

  test("an invalid replacement leaves the organisation as it was", async () => {
    const before = (await kit.call({ method: "GET", url: `${ORGS}/acme`, headers: kit.admin })).json();
    const res = await kit.call({
      method: "PUT",
      url: `${ORGS}/acme`,
      headers: kit.admin,
      payload: { ...before.data, email: `not an address ${EMAIL}` },
    });
    assert.equal(res.statusCode, 400);
    assert.equal(issuesOf(res)[0]!.path, "email");
    assert.equal(res.body.includes("jean.dupont"), false);
    assert.deepEqual(
      (await kit.call({ method: "GET", url: `${ORGS}/acme`, headers: kit.admin })).json(),
      before,
    );
  });

  test("unknown slug 404, existing slug 409, stale If-Match 409", async () => {
    for (const call of [
      { method: "GET", url: `${ORGS}/nope` },
      { method: "GET", url: `${ORGS}/nope/history` },
      { method: "POST", url: `${ORGS}/nope/archive` },
      { method: "GET", url: `${ORGS}/acme/history/42` },
    ] as const) {
      const res = await kit.call({ ...call, headers: kit.admin });
      assert.equal(res.statusCode, 404, `${call.method} ${call.url}`);
    }
    const dup = await kit.call({
      method: "POST",
      url: ORGS,
      headers: kit.admin,
      payload: sampleOrganisation("acme"),
    });
    assert.equal(dup.statusCode, 409);
    const before = (await kit.call({ method: "GET", url: `${ORGS}/acme`, headers: kit.admin })).json();
    const stale = await kit.call({
      method: "PUT",
      url: `${ORGS}/acme`,
      headers: { ...kit.admin, "if-match": '"9"' },
      payload: { ...before.data, legalName: "Changed" },
    });
    assert.equal(stale.statusCode, 409);
    assert.deepEqual(
      (await kit.call({ method: "GET", url: `${ORGS}/acme`, headers: kit.admin })).json(),
      before,
    );
  });
});

describe("organisations: security", () => {
  let kit: ApiKit;
  let tokenA: Headers;
  let tokenB: Headers;
  before(async () => {
    kit = await startApi("http-organisations-security");
    tokenA = await kit.organisation("org-a");
    tokenB = await kit.organisation("org-b");
  });
  after(() => kit.close());

  test("without a token, or with a bad one: 401", async () => {
    for (const headers of [{}, bearer("gdn_forged"), { authorization: "Bearer" }]) {
      for (const call of [
        { method: "GET", url: ORGS },
        { method: "GET", url: `${ORGS}/org-a` },
        { method: "POST", url: ORGS, payload: sampleOrganisation("new-org") },
        { method: "PUT", url: `${ORGS}/org-a`, payload: sampleOrganisation("org-a") },
      ] as const) {
        const res = await kit.call({ ...call, headers });
        assert.equal(res.statusCode, 401, `${call.method} ${call.url}`);
      }
    }
  });

  test("a scoped token lists and reads its own organisation only", async () => {
    const list = await kit.call({ method: "GET", url: ORGS, headers: tokenA });
    assert.deepEqual(
      list.json().items.map((o: { slug: string }) => o.slug),
      ["org-a"],
    );
    assert.equal((await kit.call({ method: "GET", url: `${ORGS}/org-a`, headers: tokenA })).statusCode, 200);
    for (const url of [`${ORGS}/org-b`, `${ORGS}/org-b/history`, `${ORGS}/org-b/history/1`]) {
      assert.equal((await kit.call({ method: "GET", url, headers: tokenA })).statusCode, 403, url);
    }
    const all = await kit.call({ method: "GET", url: ORGS, headers: kit.admin });
    assert.deepEqual(
      all.json().items.map((o: { slug: string }) => o.slug),
      ["org-a", "org-b"],
    );
  });

  test("a scoped token cannot create, archive, or change another organisation; org B stays untouched", async () => {
    const before = (await kit.call({ method: "GET", url: `${ORGS}/org-b`, headers: tokenB })).json();
    const calls = [
      { method: "POST", url: ORGS, payload: sampleOrganisation("new-org") },
      { method: "PUT", url: `${ORGS}/org-b`, payload: { ...before.data, legalName: "Hijacked" } },
      { method: "POST", url: `${ORGS}/org-b/archive` },
      { method: "POST", url: `${ORGS}/org-b/history/1/restore` },
      // Even its own organisation: archiving is for admins.
      { method: "POST", url: `${ORGS}/org-a/archive` },
    ] as const;
    for (const call of calls) {
      const res = await kit.call({ ...call, headers: tokenA });
      assert.equal(res.statusCode, 403, `${call.method} ${call.url}`);
      assert.equal(res.json().code, "FORBIDDEN");
    }
    assert.deepEqual(
      (await kit.call({ method: "GET", url: `${ORGS}/org-b`, headers: tokenB })).json(),
      before,
    );
    assert.equal(
      (await kit.call({ method: "GET", url: `${ORGS}/new-org`, headers: kit.admin })).statusCode,
      404,
    );
  });

  test("a scoped token may update its own organisation", async () => {
    const current = (await kit.call({ method: "GET", url: `${ORGS}/org-a`, headers: tokenA })).json();
    const res = await kit.call({
      method: "PUT",
      url: `${ORGS}/org-a`,
      headers: tokenA,
      payload: { ...current.data, tradeName: "A" },
    });
    assert.equal(res.statusCode, 200, res.body);
  });
});
