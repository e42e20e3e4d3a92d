import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { keyIdOf } from "../../opendsr/opendsr-signature.ts";
import { type ApiKit, type Headers, issuesOf, startApi } from "../testing/api-test-kit.ts";

const pem = () =>
  generateKeyPairSync("rsa", { modulusLength: 2048 })
    .publicKey.export({ type: "spki", format: "pem" })
    .toString();
const peers = (slug: string) => `/api/v1/organisations/${slug}/opendsr/peers`;

describe("OpenDSR endpoints and peers: happy path and errors", () => {
  let kit: ApiKit;
  let acme: Headers;
  const key = pem();
  before(async () => {
    kit = await startApi("http-opendsr");
    acme = await kit.organisation("acme");
    await kit.organisation("globex");
    await kit.call({
      method: "POST",
      url: "/api/v1/organisations/acme/processors",
      headers: acme,
      payload: { ref: "hoster", name: "Hoster SAS", kind: "processor" },
    });
  });
  after(() => kit.close());

  test("identity, discovery and the published key agree", async () => {
    const identity = (
      await kit.call({ method: "GET", url: "/api/v1/organisations/acme/opendsr/identity", headers: acme })
    ).json();
    assert.equal(identity.algorithm, "RSA-SHA256");
    assert.equal(identity.keyId, keyIdOf(identity.publicKey));
    const discovery = await kit.call({ method: "GET", url: "/opendsr/v1/discovery?org=acme" });
    assert.equal(discovery.statusCode, 200);
    const body = discovery.json();
    assert.equal(body.api_version, "2.0");
    assert.deepEqual(body.supported_subject_request_types, ["access", "portability", "erasure"]);
    assert.equal(body.signature.key_id, identity.keyId);
    assert.ok(body.processor_certificate.endsWith(`/opendsr/v1/keys/${identity.keyId}`));
    const published = await kit.call({ method: "GET", url: `/opendsr/v1/keys/${identity.keyId}` });
    assert.equal(published.statusCode, 200);
    assert.equal(published.body, identity.publicKey);
    // Each organisation has its own key.
    const other = (await kit.call({ method: "GET", url: "/opendsr/v1/discovery?org=globex" })).json();
    assert.notEqual(other.signature.key_id, identity.keyId);
    assert.equal(
      (await kit.call({ method: "GET", url: "/opendsr/v1/discovery?org=nobody" })).statusCode,
      404,
    );
    assert.equal((await kit.call({ method: "GET", url: "/opendsr/v1/discovery" })).statusCode, 400);
    assert.equal(
      (await kit.call({ method: "GET", url: `/opendsr/v1/keys/${"x".repeat(43)}` })).statusCode,
      404,
    );
  });

  test("register, list, replace and archive a peer; each write is audited", async () => {
    const created = await kit.call({
      method: "POST",
      url: peers("acme"),
      headers: acme,
      payload: {
        ref: "hoster",
        name: "Hoster SAS",
        kind: "remote",
        relation: "processor",
        registerRefs: ["hoster"],
        baseUrl: "https://opendsr.hoster.example/opendsr/v1/",
        publicKey: key,
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.headers.location, "/api/v1/organisations/acme/opendsr/peers/hoster");
    const peer = created.json();
    assert.equal(peer.baseUrl, "https://opendsr.hoster.example/opendsr/v1", "trailing slash dropped");
    assert.equal(peer.keyId, keyIdOf(key));
    assert.equal(peer.status, "active");
    const local = await kit.call({
      method: "POST",
      url: peers("acme"),
      headers: acme,
      payload: {
        ref: "globex",
        name: "Globex",
        kind: "local",
        relation: "controller",
        organisation: "globex",
      },
    });
    assert.equal(local.statusCode, 201, local.body);
    assert.equal(local.json().organisation, "globex");

    const list = (await kit.call({ method: "GET", url: peers("acme"), headers: acme })).json();
    assert.deepEqual(
      list.items.map((p: { ref: string }) => p.ref),
      ["globex", "hoster"],
    );
    const put = await kit.call({
      method: "PUT",
      url: `${peers("acme")}/hoster`,
      headers: acme,
      payload: {
        ref: "hoster",
        name: "Hoster Europe",
        kind: "remote",
        relation: "processor",
        registerRefs: ["hoster"],
        baseUrl: "https://opendsr.hoster.example/opendsr/v1",
        publicKey: key,
      },
    });
    assert.equal(put.statusCode, 200, put.body);
    assert.equal(put.json().name, "Hoster Europe");
    assert.equal(put.json().revision, 2);
    const archived = await kit.call({ method: "DELETE", url: `${peers("acme")}/hoster`, headers: acme });
    assert.equal(archived.json().status, "archived");
    assert.deepEqual(
      (await kit.call({ method: "GET", url: peers("acme"), headers: acme }))
        .json()
        .items.map((p: { ref: string }) => p.ref),
      ["globex"],
    );
    assert.equal(
      (await kit.call({ method: "GET", url: `${peers("acme")}?includeArchived=true`, headers: acme })).json()
        .items.length,
      2,
    );
    const audit = await kit.ctx.db
      .selectFrom("audit_entries")
      .select("action")
      .where("action", "like", "opendsr_peer.%")
      .orderBy("seq")
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ["opendsr_peer.create", "opendsr_peer.create", "opendsr_peer.update", "opendsr_peer.archive"],
    );
  });

  test("bad peers are refused with the field and rule named, and nothing is stored", async () => {
    const before = (
      await kit.call({ method: "GET", url: `${peers("acme")}?includeArchived=true`, headers: acme })
    ).json();
    const remote = {
      ref: "bad",
      name: "Bad",
      kind: "remote",
      relation: "processor",
      baseUrl: "https://ok.example/opendsr/v1",
      publicKey: key,
    };
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [
        { ...remote, publicKey: `-----BEGIN PUBLIC KEY-----\n${"A".repeat(120)}\n-----END PUBLIC KEY-----` },
        "publicKey",
        "public_key",
      ],
      [{ ...remote, baseUrl: "http://peer.example/opendsr/v1" }, "baseUrl", "custom"],
      [{ ...remote, baseUrl: "https://user:pw@peer.example/x" }, "baseUrl", "custom"],
      [{ ...remote, registerRefs: ["nobody"] }, "registerRefs[0]", "known_register_entry"],
      [
        { ...remote, relation: "controller", registerRefs: ["hoster"] },
        "registerRefs[0]",
        "known_register_entry",
      ],
      [
        { ref: "self", name: "Me", kind: "local", relation: "controller", organisation: "acme" },
        "organisation",
        "not_self",
      ],
      [
        { ref: "ghost", name: "Ghost", kind: "local", relation: "controller", organisation: "nobody" },
        "organisation",
        "known_organisation",
      ],
      [{ ...remote, extra: true }, "extra", "unrecognized_keys"],
    ];
    for (const [payload, path, rule] of cases) {
      const res = await kit.call({ method: "POST", url: peers("acme"), headers: acme, payload });
      assert.equal(res.statusCode, 400, `${path}: ${res.body}`);
      assert.ok(
        issuesOf(res).some((i) => i.path === path && i.rule === rule),
        `${path}/${rule} in ${JSON.stringify(issuesOf(res))}`,
      );
    }
    // The archived hoster's key is free again; an active peer's key is not.
    const again = await kit.call({
      method: "POST",
      url: peers("acme"),
      headers: acme,
      payload: { ...remote, ref: "hoster-2" },
    });
    assert.equal(again.statusCode, 201);
    const twice = await kit.call({
      method: "POST",
      url: peers("acme"),
      headers: acme,
      payload: { ...remote, ref: "hoster-3" },
    });
    assert.equal(twice.statusCode, 400);
    assert.equal(issuesOf(twice)[0]?.rule, "unique_key");
    const duplicate = await kit.call({
      method: "POST",
      url: peers("acme"),
      headers: acme,
      payload: { ...remote, ref: "hoster-2", publicKey: pem() },
    });
    assert.equal(duplicate.statusCode, 409);
    const mismatch = await kit.call({
      method: "PUT",
      url: `${peers("acme")}/hoster-2`,
      headers: acme,
      payload: { ...remote, ref: "other" },
    });
    assert.equal(mismatch.statusCode, 400);
    assert.equal(issuesOf(mismatch)[0]?.rule, "matches_url");
    const after = (
      await kit.call({ method: "GET", url: `${peers("acme")}?includeArchived=true`, headers: acme })
    ).json();
    assert.equal(after.items.length, before.items.length + 1);
  });
});
