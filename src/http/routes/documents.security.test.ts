import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createToken } from "../../auth/create-token.ts";
import { revokeToken } from "../../auth/revoke-token.ts";
import { type ApiKit, bearer, type Headers, startApi } from "../testing/api-test-kit.ts";
import { DOCUMENT_KIND_SPECS } from "../testing/document-kind-specs.ts";

/** Who may not call the document routes: the unkey-style "security" third of their tests. */
for (const [name, spec] of Object.entries(DOCUMENT_KIND_SPECS)) {
  const base = (slug: string) => `/api/v1/organisations/${slug}/${spec.segment}`;

  describe(`${name}: security`, () => {
    let kit: ApiKit;
    let tokenA: Headers;
    let tokenB: Headers;
    before(async () => {
      kit = await startApi(`http-${name}-security`);
      tokenA = await kit.organisation("org-a");
      tokenB = await kit.organisation("org-b");
      // Both organisations hold a document with the same ref.
      await kit.call({ method: "POST", url: base("org-a"), headers: tokenA, payload: spec.valid("shared") });
      await kit.call({
        method: "POST",
        url: base("org-b"),
        headers: tokenB,
        payload: spec.change(spec.valid("shared")),
      });
    });
    after(() => kit.close());

    test("without a token, or with a bad one, every route is 401", async () => {
      for (const headers of [{}, bearer("gdn_not-a-real-token"), { authorization: "Basic dXNlcjpwYXNz" }]) {
        for (const call of [
          { method: "GET", url: base("org-a") },
          { method: "GET", url: `${base("org-a")}/shared` },
          { method: "GET", url: `${base("org-a")}/shared/history` },
          { method: "POST", url: base("org-a"), payload: spec.valid("new") },
          { method: "PUT", url: `${base("org-a")}/shared`, payload: spec.valid("shared") },
        ] as const) {
          const res = await kit.call({ ...call, headers });
          assert.equal(res.statusCode, 401, `${call.method} ${call.url}`);
          assert.equal(res.json().code, "UNAUTHENTICATED");
        }
      }
    });

    test("a revoked token is a 401", async () => {
      const token = await createToken(kit.ctx, { orgSlug: "org-a", name: "short-lived", actor: "test" });
      const ok = await kit.call({ method: "GET", url: base("org-a"), headers: bearer(token.token) });
      assert.equal(ok.statusCode, 200);
      await revokeToken(kit.ctx, { id: token.id, actor: "test" });
      const res = await kit.call({ method: "GET", url: base("org-a"), headers: bearer(token.token) });
      assert.equal(res.statusCode, 401);
    });

    test("a token of org A cannot write to org B, and org B is untouched", async () => {
      const before = await kit.call({ method: "GET", url: `${base("org-b")}/shared`, headers: tokenB });
      const writes = [
        { method: "POST", url: base("org-b"), payload: spec.valid("intruder") },
        { method: "PUT", url: `${base("org-b")}/shared`, payload: spec.valid("shared") },
        { method: "POST", url: `${base("org-b")}/shared/archive` },
        { method: "POST", url: `${base("org-b")}/shared/history/1/restore` },
      ] as const;
      for (const call of writes) {
        const res = await kit.call({ ...call, headers: tokenA });
        assert.equal(res.statusCode, 403, `${call.method} ${call.url}`);
        assert.equal(res.json().code, "FORBIDDEN");
      }
      const after = await kit.call({ method: "GET", url: `${base("org-b")}/shared`, headers: tokenB });
      assert.deepEqual(after.json(), before.json());
      const list = await kit.call({
        method: "GET",
        url: `${base("org-b")}?includeArchived=true`,
        headers: tokenB,
      });
      assert.deepEqual(
        list.json().items.map((d: { ref: string }) => d.ref),
        ["shared"],
      );
      const history = await kit.call({
        method: "GET",
        url: `${base("org-b")}/shared/history`,
        headers: tokenB,
      });
      assert.equal(history.json().items.length, 1);
    });

    test("a token of org A cannot read org B's documents, even one with the same ref as its own", async () => {
      for (const url of [
        base("org-b"),
        `${base("org-b")}/shared`,
        `${base("org-b")}/shared/history`,
        `${base("org-b")}/shared/history/1`,
      ]) {
        const res = await kit.call({ method: "GET", url, headers: tokenA });
        assert.equal(res.statusCode, 403, url);
        assert.equal(res.body.includes("Client SAS"), false);
      }
      const own = await kit.call({ method: "GET", url: `${base("org-a")}/shared`, headers: tokenA });
      assert.equal(own.statusCode, 200);
      const ofB = await kit.call({ method: "GET", url: `${base("org-b")}/shared`, headers: kit.admin });
      assert.notDeepEqual(own.json().data, ofB.json().data);
    });

    test("a scoped token gets 403 for an organisation that does not exist: no probing of slugs", async () => {
      const res = await kit.call({ method: "GET", url: base("no-such-org"), headers: tokenA });
      assert.equal(res.statusCode, 403);
      const admin = await kit.call({ method: "GET", url: base("no-such-org"), headers: kit.admin });
      assert.equal(admin.statusCode, 404);
    });

    test("an admin token reads and writes every organisation", async () => {
      for (const slug of ["org-a", "org-b"]) {
        const read = await kit.call({ method: "GET", url: `${base(slug)}/shared`, headers: kit.admin });
        assert.equal(read.statusCode, 200);
        const created = await kit.call({
          method: "POST",
          url: base(slug),
          headers: kit.admin,
          payload: spec.valid("by-admin"),
        });
        assert.equal(created.statusCode, 201);
      }
      const history = await kit.call({
        method: "GET",
        url: `${base("org-a")}/by-admin/history`,
        headers: kit.admin,
      });
      assert.match(history.json().items[0].author, /^token:/);
    });
  });
}
