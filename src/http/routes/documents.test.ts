import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type ApiKit, type Headers, issuesOf, startApi } from "../testing/api-test-kit.ts";
import { DOCUMENT_KIND_SPECS, EMAIL } from "../testing/document-kind-specs.ts";

for (const [name, spec] of Object.entries(DOCUMENT_KIND_SPECS)) {
  const base = (slug: string) => `/api/v1/organisations/${slug}/${spec.segment}`;

  describe(`${name}: happy path`, () => {
    let kit: ApiKit;
    let acme: Headers;
    before(async () => {
      kit = await startApi(`http-${name}-happy`);
      acme = await kit.organisation("acme");
    });
    after(() => kit.close());

    test("create → read → replace → history with field diff → restore as a new revision", async () => {
      const created = await kit.call({
        method: "POST",
        url: base("acme"),
        headers: acme,
        payload: spec.valid("doc-1"),
      });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.headers.location, `${base("acme")}/doc-1`);
      assert.equal(created.headers.etag, '"1"');
      const first = created.json();
      assert.equal(first.ref, "doc-1");
      assert.equal(first.revision, 1);
      assert.equal(first.data.ref, "doc-1");
      assert.equal(first.id, undefined, "the internal id stays inside");

      const read = await kit.call({ method: "GET", url: `${base("acme")}/doc-1`, headers: acme });
      assert.equal(read.statusCode, 200);
      assert.equal(read.headers.etag, '"1"');
      assert.deepEqual(read.json(), first);

      const updated = await kit.call({
        method: "PUT",
        url: `${base("acme")}/doc-1`,
        headers: { ...acme, "if-match": '"1"' },
        payload: spec.change(first.data),
      });
      assert.equal(updated.statusCode, 200, updated.body);
      assert.equal(updated.headers.etag, '"2"');
      assert.equal(updated.json().revision, 2);

      const history = await kit.call({ method: "GET", url: `${base("acme")}/doc-1/history`, headers: acme });
      assert.equal(history.statusCode, 200);
      const items = history.json().items as Array<{
        revision: number;
        action: string;
        changes: Array<{ path: string }>;
      }>;
      assert.deepEqual(
        items.map((r) => [r.revision, r.action]),
        [
          [2, "update"],
          [1, "create"],
        ],
      );
      assert.ok(
        items[0]!.changes.some((c) => c.path === spec.changedPath),
        `diff names ${spec.changedPath}: ${JSON.stringify(items[0]!.changes)}`,
      );

      const old = await kit.call({ method: "GET", url: `${base("acme")}/doc-1/history/1`, headers: acme });
      assert.equal(old.statusCode, 200);
      assert.deepEqual(old.json().data, first.data);

      const restored = await kit.call({
        method: "POST",
        url: `${base("acme")}/doc-1/history/1/restore`,
        headers: acme,
      });
      assert.equal(restored.statusCode, 200, restored.body);
      assert.deepEqual(restored.json(), { revision: 3, changed: true });
      const after = await kit.call({ method: "GET", url: `${base("acme")}/doc-1`, headers: acme });
      assert.equal(after.json().revision, 3);
      // updatedOn may have moved with the update; everything else is back.
      const { updatedOn: _a, ...restoredData } = after.json().data;
      const { updatedOn: _b, ...firstData } = first.data;
      assert.deepEqual(restoredData, firstData);
      const latest = (
        await kit.call({ method: "GET", url: `${base("acme")}/doc-1/history`, headers: acme })
      ).json().items[0];
      assert.equal(latest.action, "restore");
      assert.equal(latest.restoredFrom, 1);
    });

    test("list, archive, and list again with includeArchived and status", async () => {
      await kit.call({ method: "POST", url: base("acme"), headers: acme, payload: spec.valid("doc-2") });
      const listed = await kit.call({ method: "GET", url: base("acme"), headers: acme });
      assert.equal(listed.statusCode, 200);
      assert.ok(listed.json().items.some((d: { ref: string }) => d.ref === "doc-2"));

      const archived = await kit.call({
        method: "POST",
        url: `${base("acme")}/doc-2/archive`,
        headers: acme,
      });
      assert.equal(archived.statusCode, 200, archived.body);
      assert.equal(archived.json().data.status, "archived");

      const refs = async (query: string) =>
        (await kit.call({ method: "GET", url: `${base("acme")}${query}`, headers: acme }))
          .json()
          .items.map((d: { ref: string }) => d.ref);
      assert.equal((await refs("")).includes("doc-2"), false);
      assert.ok((await refs("?includeArchived=true")).includes("doc-2"));
      assert.deepEqual(await refs("?status=archived"), ["doc-2"]);
    });
  });

  describe(`${name}: errors`, () => {
    let kit: ApiKit;
    let acme: Headers;
    before(async () => {
      kit = await startApi(`http-${name}-errors`);
      acme = await kit.organisation("acme");
      await kit.call({ method: "POST", url: base("acme"), headers: acme, payload: spec.valid("kept") });
    });
    after(() => kit.close());

    test("an invalid body is a 400 naming the field and the rule, without echoing personal data", async () => {
      const res = await kit.call({
        method: "POST",
        url: base("acme"),
        headers: acme,
        payload: spec.invalid("bad"),
      });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().code, "VALIDATION_FAILED");
      assert.deepEqual(
        issuesOf(res).map((i) => [i.path, i.rule]),
        [[spec.invalidPath, spec.invalidRule]],
      );
      assert.equal(res.body.includes(EMAIL), false);
      assert.equal(res.body.includes("jean.dupont"), false);
      const stored = await kit.call({ method: "GET", url: `${base("acme")}/bad`, headers: acme });
      assert.equal(stored.statusCode, 404, "nothing was written");
    });

    test("an invalid replacement is a 400 and leaves the stored document as it was", async () => {
      const before = await kit.call({ method: "GET", url: `${base("acme")}/kept`, headers: acme });
      const res = await kit.call({
        method: "PUT",
        url: `${base("acme")}/kept`,
        headers: acme,
        payload: spec.invalid("kept"),
      });
      assert.equal(res.statusCode, 400);
      assert.equal(issuesOf(res)[0]!.path, spec.invalidPath);
      assert.equal(res.body.includes(EMAIL), false);
      const after = await kit.call({ method: "GET", url: `${base("acme")}/kept`, headers: acme });
      assert.deepEqual(after.json(), before.json());
    });

    test("unknown fields are named one by one", async () => {
      const res = await kit.call({
        method: "POST",
        url: base("acme"),
        headers: acme,
        payload: { ...spec.valid("extra"), contactEmail: EMAIL },
      });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(
        issuesOf(res).map((i) => [i.path, i.rule]),
        [["contactEmail", "unrecognized_keys"]],
      );
      assert.equal(res.body.includes(EMAIL), false);
    });

    test("an unknown ref is a 404 on read, replace, archive and history", async () => {
      const calls = [
        { method: "GET", url: `${base("acme")}/missing` },
        { method: "PUT", url: `${base("acme")}/missing`, payload: spec.valid("missing") },
        { method: "POST", url: `${base("acme")}/missing/archive` },
        { method: "GET", url: `${base("acme")}/missing/history` },
        { method: "GET", url: `${base("acme")}/kept/history/99` },
        { method: "POST", url: `${base("acme")}/kept/history/99/restore` },
      ] as const;
      for (const call of calls) {
        const res = await kit.call({ ...call, headers: acme });
        assert.equal(res.statusCode, 404, `${call.method} ${call.url}: ${res.body}`);
        assert.equal(res.json().code, "NOT_FOUND");
      }
    });

    test("an If-Match on an older revision is a 409 and changes nothing", async () => {
      const before = await kit.call({ method: "GET", url: `${base("acme")}/kept`, headers: acme });
      const res = await kit.call({
        method: "PUT",
        url: `${base("acme")}/kept`,
        headers: { ...acme, "if-match": '"7"' },
        payload: spec.change(before.json().data),
      });
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().code, "CONFLICT");
      const after = await kit.call({ method: "GET", url: `${base("acme")}/kept`, headers: acme });
      assert.deepEqual(after.json(), before.json());
    });

    test("If-Match: * replaces whatever the revision; a weak ETag is refused", async () => {
      const current = (await kit.call({ method: "GET", url: `${base("acme")}/kept`, headers: acme })).json();
      const weak = await kit.call({
        method: "PUT",
        url: `${base("acme")}/kept`,
        headers: { ...acme, "if-match": `W/"${current.revision}"` },
        payload: current.data,
      });
      assert.equal(weak.statusCode, 400);
      const any = await kit.call({
        method: "PUT",
        url: `${base("acme")}/kept`,
        headers: { ...acme, "if-match": "*" },
        payload: current.data,
      });
      assert.equal(any.statusCode, 200, any.body);
      assert.equal(any.json().revision, current.revision, "an identical document makes no new revision");
    });

    test("a malformed If-Match, ref or query is a 400 naming the request part", async () => {
      const badEtag = await kit.call({
        method: "PUT",
        url: `${base("acme")}/kept`,
        headers: { ...acme, "if-match": "yesterday" },
        payload: spec.valid("kept"),
      });
      assert.equal(badEtag.statusCode, 400);
      assert.equal(issuesOf(badEtag)[0]!.path, "headers.if-match");
      const badRef = await kit.call({ method: "GET", url: `${base("acme")}/Not%20A%20Ref`, headers: acme });
      assert.equal(badRef.statusCode, 400);
      assert.equal(issuesOf(badRef)[0]!.path, "params.ref");
      const badQuery = await kit.call({
        method: "GET",
        url: `${base("acme")}?includeArchived=yes`,
        headers: acme,
      });
      assert.equal(badQuery.statusCode, 400);
      assert.equal(issuesOf(badQuery)[0]!.path, "querystring.includeArchived");
    });

    test("creating an existing ref is a 409; a replacement cannot change the ref", async () => {
      const dup = await kit.call({
        method: "POST",
        url: base("acme"),
        headers: acme,
        payload: spec.valid("kept"),
      });
      assert.equal(dup.statusCode, 409);
      const renamed = await kit.call({
        method: "PUT",
        url: `${base("acme")}/kept`,
        headers: acme,
        payload: spec.valid("other"),
      });
      assert.equal(renamed.statusCode, 400);
      assert.deepEqual(
        issuesOf(renamed).map((i) => [i.path, i.rule]),
        [["ref", "immutable"]],
      );
    });
  });
}
