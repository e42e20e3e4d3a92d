import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type PublicKit, sampleActivity, startPublicKit } from "../../publication/testing/public-kit.ts";

describe("public pages: happy path", () => {
  let kit: PublicKit;
  before(async () => {
    kit = await startPublicKit("http-public-pages-happy");
    await kit.writeRegister("acme", [sampleActivity("crm")]);
    assert.equal((await kit.publish("acme")).statusCode, 201);
  });
  after(() => kit.close());

  test("every public document is served without a token, with links between them and a language link", async () => {
    for (const path of ["register", "privacy", "notice", "activities/crm"]) {
      const res = await kit.call(`/o/acme/${path}`);
      assert.equal(res.statusCode, 200, `${path}: ${res.body.slice(0, 200)}`);
      assert.match(String(res.headers["content-type"]), /^text\/html/);
      assert.match(res.body, /<html lang="fr">/);
      assert.match(res.body, /href="\/o\/acme\/privacy\?lang=fr"/);
      assert.match(res.body, /href="\/o\/acme\/subscribe\?lang=fr"/);
      assert.match(res.body, /hreflang="en"[^>]*>English</);
      assert.match(String(res.headers["content-security-policy"]), /default-src 'none'/);
    }
  });

  test("drafts are never served: a register change shows only after the next publication", async () => {
    const v1 = await kit.call("/o/acme/register?lang=en");
    assert.match(v1.body, /Customer management/);
    await kit.writeRegister("acme", [
      sampleActivity("crm", { name: { fr: "Clients v2", en: "Customers v2" } }),
    ]);
    const still = await kit.call("/o/acme/register?lang=en");
    assert.equal(still.body, v1.body, "the draft is not served");
    assert.equal((await kit.publish("acme")).statusCode, 201);
    const v2 = await kit.call("/o/acme/register?lang=en");
    assert.match(v2.body, /Customers v2/);
    assert.doesNotMatch(v2.body, /Customer management/);
    const old = await kit.call("/o/acme/register/versions/1?lang=en");
    assert.equal(old.statusCode, 200);
    assert.match(old.body, /Customer management/);
    assert.match(old.body, /Archived version 1/);
  });

  test("language: ?lang wins, then Accept-Language, then French; Vary only when negotiated", async () => {
    const query = await kit.call({ url: "/o/acme/privacy?lang=en", headers: { "accept-language": "fr" } });
    assert.match(query.body, /<html lang="en">/);
    assert.equal(query.headers.vary, undefined);
    const header = await kit.call({
      url: "/o/acme/privacy",
      headers: { "accept-language": "de, en;q=0.8, fr;q=0.5" },
    });
    assert.match(header.body, /<html lang="en">/);
    assert.equal(header.headers.vary, "Accept-Language");
    const none = await kit.call({ url: "/o/acme/privacy", headers: { "accept-language": "de" } });
    assert.match(none.body, /<html lang="fr">/);
    assert.equal(none.headers.vary, "Accept-Language");
  });

  test("formats: md, json and pdf, notice included", async () => {
    const md = await kit.call("/o/acme/privacy?format=md&lang=en");
    assert.equal(md.statusCode, 200);
    assert.match(String(md.headers["content-type"]), /^text\/markdown/);
    assert.match(md.body, /^# /);
    const json = await kit.call("/o/acme/activities/crm?format=json");
    assert.equal(json.json().kind, "sheet");
    for (const page of ["privacy", "notice", "register", "activities/crm"]) {
      const pdf = await kit.call(`/o/acme/${page}?format=pdf&lang=en`);
      assert.equal(pdf.statusCode, 200, page);
      assert.match(String(pdf.headers["content-type"]), /^application\/pdf/);
      assert.equal(pdf.rawPayload.subarray(0, 5).toString("latin1"), "%PDF-");
    }
  });

  test("ETag and cache policy: 304 on If-None-Match; versions are immutable", async () => {
    const first = await kit.call("/o/acme/privacy?lang=fr");
    const etag = String(first.headers.etag);
    assert.match(etag, /^"v2-privacy-fr-html"$/);
    assert.equal(first.headers["cache-control"], "public, max-age=300");
    const again = await kit.call({ url: "/o/acme/privacy?lang=fr", headers: { "if-none-match": etag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, "");
    const other = await kit.call({ url: "/o/acme/privacy?lang=en", headers: { "if-none-match": etag } });
    assert.equal(other.statusCode, 200, "another language is another representation");
    const version = await kit.call("/o/acme/privacy/versions/1");
    assert.equal(version.headers["cache-control"], "public, max-age=31536000, immutable");
  });
});

describe("public pages: errors", () => {
  let kit: PublicKit;
  before(async () => {
    kit = await startPublicKit("http-public-pages-errors");
    await kit.writeRegister("acme", [
      sampleActivity("crm"),
      sampleActivity("draft-one", { status: "draft" }),
    ]);
  });
  after(() => kit.close());

  test("an organisation with nothing published: a friendly 404 page in French or English", async () => {
    const fr = await kit.call("/o/acme/privacy");
    assert.equal(fr.statusCode, 404);
    assert.match(fr.body, /<html lang="fr">/);
    assert.match(fr.body, /n&#39;a encore rien publié/);
    const en = await kit.call({ url: "/o/acme/privacy", headers: { "accept-language": "en" } });
    assert.match(en.body, /has not published anything yet/);
    assert.equal((await kit.call("/o/unknown/privacy")).statusCode, 404);
  });

  test("unknown version, draft or unknown activity: 404; bad query: 400", async () => {
    assert.equal((await kit.publish("acme")).statusCode, 201);
    assert.equal((await kit.call("/o/acme/privacy/versions/7")).statusCode, 404);
    assert.equal((await kit.call("/o/acme/activities/draft-one")).statusCode, 404);
    assert.equal((await kit.call("/o/acme/activities/nope")).statusCode, 404);
    assert.equal((await kit.call("/o/acme/privacy?lang=de")).statusCode, 400);
    assert.equal((await kit.call("/o/acme/privacy?format=exe")).statusCode, 400);
  });
});

describe("public pages: security", () => {
  let kit: PublicKit;
  before(async () => {
    kit = await startPublicKit("http-public-pages-security");
  });
  after(() => kit.close());

  test("register text holding <script> and javascript: is served inert", async () => {
    const evil = "<script>alert(1)</script> javascript:alert(2)";
    await kit.writeRegister(
      "acme",
      [
        sampleActivity("crm", {
          name: { fr: evil, en: evil },
          description: { fr: "[clic](javascript:alert(3))", en: '"><img src=x onerror=alert(4)>' },
        }),
      ],
      { tradeName: evil },
    );
    assert.equal((await kit.publish("acme")).statusCode, 201);
    for (const path of ["register", "privacy", "notice", "activities/crm", "subscribe"]) {
      for (const lang of ["fr", "en"]) {
        const res = await kit.call(`/o/acme/${path}?lang=${lang}`);
        assert.equal(res.statusCode, 200, path);
        assert.doesNotMatch(res.body, /<script/i, path);
        assert.doesNotMatch(res.body, /href="javascript:/i, path);
        assert.doesNotMatch(res.body, /<img/i, path);
        assert.match(res.body, /&lt;script&gt;/, path);
      }
    }
  });

  test("the API's drafts stay behind a token: the public site serves no /api data", async () => {
    assert.equal((await kit.call("/api/v1/organisations/acme/export")).statusCode, 401);
  });
});
