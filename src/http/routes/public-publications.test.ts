import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { verifyAudit } from "../../audit/verify-audit.ts";
import { createToken } from "../../auth/create-token.ts";
import { type PublicKit, sampleActivity, startPublicKit } from "../../publication/testing/public-kit.ts";

const url = (slug: string) => `/api/v1/organisations/${slug}/publications`;

describe("publications API: happy path", () => {
  let kit: PublicKit;
  before(async () => {
    kit = await startPublicKit("http-publications-happy");
    await kit.writeRegister("acme", [sampleActivity("crm")]);
  });
  after(() => kit.close());

  test("versions are numbered 1, 2, … with author, date, note and summary", async () => {
    const first = await kit.publish("acme", "first review");
    assert.equal(first.statusCode, 201, first.body);
    const p1 = first.json().publication;
    assert.equal(p1.number, 1);
    assert.equal(p1.note, "first review");
    assert.match(p1.author, /^token:/);
    assert.equal(p1.publishedAt, "2026-11-24T09:00:00.000Z");
    assert.equal(first.headers.location, `${url("acme")}/1`);

    await kit.writeRegister("acme", [
      sampleActivity("crm"),
      sampleActivity("hr", { name: { fr: "RH", en: "HR" } }),
    ]);
    const second = await kit.publish("acme");
    assert.equal(second.statusCode, 201);
    assert.equal(second.json().publication.number, 2);
    assert.deepEqual(
      second.json().publication.summary.map((l: { en: string }) => l.en),
      ['Activity "HR" added'],
    );
    assert.deepEqual(
      second.json().publication.material.map((m: { kind: string }) => m.kind),
      ["purpose_added", "recipient_added"],
    );

    const list = await kit.call({ method: "GET", url: url("acme"), headers: kit.admin });
    assert.deepEqual(
      list.json().items.map((p: { number: number }) => p.number),
      [2, 1],
    );
  });

  test("a version is immutable: a later register change does not alter version 1", async () => {
    await kit.writeRegister("acme", [sampleActivity("crm", { name: { fr: "Changé", en: "Changed" } })]);
    const v1 = await kit.call({ method: "GET", url: `${url("acme")}/1`, headers: kit.admin });
    assert.equal(v1.statusCode, 200);
    assert.deepEqual(
      v1.json().snapshot.activities.map((a: { ref: string }) => a.ref),
      ["crm"],
    );
    assert.equal(v1.json().snapshot.activities[0].name.en, "Customer management");
  });

  test("each publication appends an audit entry to the organisation's chain, which still verifies", async () => {
    const org = await kit.ctx.db
      .selectFrom("organisations")
      .select("id")
      .where("slug", "=", "acme")
      .executeTakeFirstOrThrow();
    const entries = await kit.ctx.db
      .selectFrom("audit_entries")
      .select(["action", "details"])
      .where("chain", "=", org.id)
      .where("action", "=", "publication.create")
      .execute();
    assert.equal(entries.length, 2);
    assert.deepEqual(JSON.parse(entries[0]!.details ?? "{}"), { materialChanges: 0, number: 1 });
    const report = await verifyAudit(kit.ctx.db, { chain: org.id });
    assert.equal(report.valid, true);
  });
});

describe("publications API: errors", () => {
  let kit: PublicKit;
  before(async () => {
    kit = await startPublicKit("http-publications-errors");
    await kit.writeRegister("acme", [sampleActivity("crm")]);
  });
  after(() => kit.close());

  test("publishing an unchanged register is a conflict (409); nothing is written", async () => {
    assert.equal((await kit.publish("acme")).statusCode, 201);
    const again = await kit.publish("acme");
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().details.latest, 1);
    const list = await kit.call({ method: "GET", url: url("acme"), headers: kit.admin });
    assert.equal(list.json().items.length, 1);
  });

  test("unknown version or organisation: 404; invalid note: 400", async () => {
    assert.equal(
      (await kit.call({ method: "GET", url: `${url("acme")}/9`, headers: kit.admin })).statusCode,
      404,
    );
    assert.equal((await kit.call({ method: "GET", url: url("nope"), headers: kit.admin })).statusCode, 404);
    const bad = await kit.call({
      method: "POST",
      url: url("acme"),
      headers: kit.admin,
      payload: { note: "", extra: 1 },
    });
    assert.equal(bad.statusCode, 400);
  });
});

describe("publications API: security", () => {
  let kit: PublicKit;
  before(async () => {
    kit = await startPublicKit("http-publications-security");
    await kit.writeRegister("acme", [sampleActivity("crm")]);
    await kit.writeRegister("other", [sampleActivity("crm")]);
  });
  after(() => kit.close());

  test("no token: 401; another organisation's token: 403; its own token: 201", async () => {
    assert.equal((await kit.call({ method: "POST", url: url("acme"), payload: {} })).statusCode, 401);
    const other = (await createToken(kit.ctx, { orgSlug: "other", name: "o", actor: "test" })).token;
    const headers = { authorization: `Bearer ${other}` };
    assert.equal(
      (await kit.call({ method: "POST", url: url("acme"), headers, payload: {} })).statusCode,
      403,
    );
    assert.equal((await kit.call({ method: "GET", url: url("acme"), headers })).statusCode, 403);
    assert.equal(
      (await kit.call({ method: "POST", url: url("other"), headers, payload: {} })).statusCode,
      201,
    );
  });
});
