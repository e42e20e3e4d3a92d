import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { parse as parseYaml } from "yaml";
import { sampleActivity, sampleOrganisation } from "../../testing/fixtures.ts";
import { type ApiKit, type Headers, issuesOf, startApi } from "../testing/api-test-kit.ts";

const EMAIL = "jean.dupont@example.com";
const org = (slug: string) => `/api/v1/organisations/${slug}`;

function registerFile(slug: string, activities = [sampleActivity("crm")]) {
  return { gardien: 1, organisation: sampleOrganisation(slug), activities };
}

describe("register export, import and lint: happy path", () => {
  let kit: ApiKit;
  let acme: Headers;
  before(async () => {
    kit = await startApi("http-register-io-happy");
    acme = await kit.organisation("acme");
    await kit.call({
      method: "POST",
      url: `${org("acme")}/activities`,
      headers: acme,
      payload: sampleActivity("crm"),
    });
  });
  after(() => kit.close());

  test("export as JSON returns the register file; as YAML the same file in YAML", async () => {
    const json = await kit.call({ method: "GET", url: `${org("acme")}/export`, headers: acme });
    assert.equal(json.statusCode, 200);
    assert.match(String(json.headers["content-type"]), /^application\/json/);
    const file = json.json();
    assert.equal(file.gardien, 1);
    assert.equal(file.organisation.slug, "acme");
    assert.deepEqual(
      file.activities.map((a: { ref: string }) => a.ref),
      ["crm"],
    );

    const yaml = await kit.call({ method: "GET", url: `${org("acme")}/export?format=yaml`, headers: acme });
    assert.equal(yaml.statusCode, 200);
    assert.match(String(yaml.headers["content-type"]), /^application\/yaml/);
    assert.deepEqual(parseYaml(yaml.body), file);
  });

  test("an admin import creates an organisation (201); re-importing the same file changes nothing", async () => {
    const file = registerFile("imported", [sampleActivity("crm"), sampleActivity("hr")]);
    const first = await kit.call({
      method: "POST",
      url: `${org("imported")}/import`,
      headers: kit.admin,
      payload: file,
    });
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(first.json().organisation.outcome, "created");
    assert.equal(first.json().activities.created, 2);
    const again = await kit.call({
      method: "POST",
      url: `${org("imported")}/import`,
      headers: kit.admin,
      payload: file,
    });
    assert.equal(again.statusCode, 200);
    assert.deepEqual(again.json().activities, { created: 0, updated: 0, unchanged: 2, archived: 0 });
  });

  test("a scoped token imports its own register; prune=true archives what the file no longer holds", async () => {
    const exported = (await kit.call({ method: "GET", url: `${org("acme")}/export`, headers: acme })).json();
    const file = { ...exported, activities: [sampleActivity("newsletter")] };
    const res = await kit.call({
      method: "POST",
      url: `${org("acme")}/import?prune=true`,
      headers: acme,
      payload: file,
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().activities, { created: 1, updated: 0, unchanged: 0, archived: 1 });
    const crm = await kit.call({ method: "GET", url: `${org("acme")}/activities/crm`, headers: acme });
    assert.equal(crm.json().data.status, "archived");
  });

  test("lint returns the findings and a summary by severity, in the language asked for", async () => {
    const res = await kit.call({ method: "GET", url: `${org("acme")}/lint?lang=en`, headers: acme });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as {
      findings: Array<{
        code: string;
        severity: "error" | "warning" | "info";
        path: string;
        message: string;
        article: string;
      }>;
      summary: Record<string, number>;
    };
    assert.deepEqual(Object.keys(body.summary).sort(), ["error", "info", "warning"]);
    const counted = { error: 0, warning: 0, info: 0 };
    for (const f of body.findings) counted[f.severity]++;
    assert.deepEqual(body.summary, counted);
    for (const f of body.findings) {
      assert.ok(f.code && f.path !== undefined && f.message && f.article, JSON.stringify(f));
    }
    const fr = await kit.call({ method: "GET", url: `${org("acme")}/lint?lang=fr`, headers: acme });
    assert.equal(fr.json().findings.length, body.findings.length);
  });
});

describe("register export, import and lint: errors", () => {
  let kit: ApiKit;
  let acme: Headers;
  before(async () => {
    kit = await startApi("http-register-io-errors");
    acme = await kit.organisation("acme");
  });
  after(() => kit.close());

  test("an invalid file is a 400 naming the field; nothing is written and no personal data is echoed", async () => {
    const bad = registerFile("acme", [
      sampleActivity("crm"),
      sampleActivity("hr", {
        notes: { fr: EMAIL },
        purposes: [{ description: { fr: "x" }, legalBasis: { code: "6.1.z" as "6.1.a" } }],
      }),
    ]);
    const res = await kit.call({ method: "POST", url: `${org("acme")}/import`, headers: acme, payload: bad });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(
      issuesOf(res).map((i) => [i.path, i.rule]),
      [["activities[1].purposes[0].legalBasis.code", "invalid_value"]],
    );
    assert.equal(res.body.includes("jean.dupont"), false);
    const list = await kit.call({ method: "GET", url: `${org("acme")}/activities`, headers: acme });
    assert.deepEqual(list.json().items, []);
  });

  test("a file for another organisation than the URL's is a 400", async () => {
    const res = await kit.call({
      method: "POST",
      url: `${org("acme")}/import`,
      headers: kit.admin,
      payload: registerFile("other"),
    });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(
      issuesOf(res).map((i) => [i.path, i.rule]),
      [["organisation.slug", "matches_url"]],
    );
  });

  test("bad query values and unknown organisations", async () => {
    const fmt = await kit.call({ method: "GET", url: `${org("acme")}/export?format=xml`, headers: acme });
    assert.equal(fmt.statusCode, 400);
    assert.equal(issuesOf(fmt)[0]!.path, "querystring.format");
    const lang = await kit.call({ method: "GET", url: `${org("acme")}/lint?lang=de`, headers: acme });
    assert.equal(lang.statusCode, 400);
    assert.equal(issuesOf(lang)[0]!.path, "querystring.lang");
    for (const path of ["export", "lint"]) {
      const res = await kit.call({ method: "GET", url: `${org("nope")}/${path}`, headers: kit.admin });
      assert.equal(res.statusCode, 404, path);
    }
  });
});

describe("register export, import and lint: security", () => {
  let kit: ApiKit;
  let tokenA: Headers;
  let tokenB: Headers;
  before(async () => {
    kit = await startApi("http-register-io-security");
    tokenA = await kit.organisation("org-a");
    tokenB = await kit.organisation("org-b");
    await kit.call({
      method: "POST",
      url: `${org("org-b")}/activities`,
      headers: tokenB,
      payload: sampleActivity("crm"),
    });
  });
  after(() => kit.close());

  test("no token: 401 on export, import and lint", async () => {
    for (const call of [
      { method: "GET", url: `${org("org-a")}/export` },
      { method: "GET", url: `${org("org-a")}/lint` },
      { method: "POST", url: `${org("org-a")}/import`, payload: registerFile("org-a") },
    ] as const) {
      assert.equal((await kit.call(call)).statusCode, 401, call.url);
    }
  });

  test("a token of org A cannot export, lint or import org B, nor create an organisation by import", async () => {
    const before = (await kit.call({ method: "GET", url: `${org("org-b")}/export`, headers: tokenB })).json();
    for (const call of [
      { method: "GET", url: `${org("org-b")}/export` },
      { method: "GET", url: `${org("org-b")}/lint` },
      { method: "POST", url: `${org("org-b")}/import?prune=true`, payload: registerFile("org-b", []) },
      { method: "POST", url: `${org("org-new")}/import`, payload: registerFile("org-new") },
    ] as const) {
      const res = await kit.call({ ...call, headers: tokenA });
      assert.equal(res.statusCode, 403, call.url);
    }
    assert.deepEqual(
      (await kit.call({ method: "GET", url: `${org("org-b")}/export`, headers: tokenB })).json(),
      before,
    );
    assert.equal(
      (await kit.call({ method: "GET", url: org("org-new"), headers: kit.admin })).statusCode,
      404,
    );
  });
});
