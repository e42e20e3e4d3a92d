import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { verifyAudit } from "../../audit/verify-audit.ts";
import { type Headers, issuesOf } from "../testing/api-test-kit.ts";
import {
  assertError,
  assertNoLeak,
  letterFrom,
  type RequestsKit,
  requestsOf,
  startRequestsApi,
} from "./requests-test-kit.ts";

const STAFF = "claire.fontanel@acme.example";
const NOTE = "Rappelé Mme Quillardet : elle précise sa demande";

describe("staff requests: transitions, assignment, notes", () => {
  let kit: RequestsKit;
  let acme: Headers;
  let url: string;
  before(async () => {
    kit = await startRequestsApi("http-requests-workflow");
    acme = await kit.organisation("acme");
    const id = await kit.enter("acme", acme, { ...letterFrom(), identityVerified: true });
    url = `${requestsOf("acme")}/${id}`;
  });
  after(() => kit.close());

  const auditCount = async () =>
    (
      await kit.ctx.db
        .selectFrom("audit_entries")
        .select("seq")
        .where("entity_type", "=", "request")
        .execute()
    ).length;
  const details = async () => (await kit.call({ method: "GET", url, headers: acme })).json();

  test("assign with If-Match: the address is sealed, reminders' target is shown to staff only", async () => {
    const audits = await auditCount();
    const res = await kit.call({
      method: "PUT",
      url: `${url}/assignee`,
      headers: { ...acme, "if-match": '"1"' },
      payload: { email: ` ${STAFF.toUpperCase()} ` },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers.etag, '"2"');
    assert.equal(res.json().assignee, STAFF);
    assert.equal(res.json().revision, 2);
    assert.equal(await auditCount(), audits + 1);
    const again = await kit.call({
      method: "PUT",
      url: `${url}/assignee`,
      headers: acme,
      payload: { email: STAFF },
    });
    assert.equal(again.json().revision, 2, "the same assignee again changes nothing");
    assert.equal(await auditCount(), audits + 1);
    const timeline = (await details()).timeline;
    const assigned = timeline.at(-1);
    assert.equal(assigned.kind, "assigned");
    assert.equal(assigned.text, STAFF);
    assert.deepEqual(assigned.data, { revision: 2, reassigned: false });
    const rows = JSON.stringify(await kit.ctx.db.selectFrom("requests").selectAll().execute());
    const events = JSON.stringify(await kit.ctx.db.selectFrom("request_events").selectAll().execute());
    const audit = JSON.stringify(await kit.ctx.db.selectFrom("audit_entries").selectAll().execute());
    for (const [where, text] of [
      ["requests", rows],
      ["events", events],
      ["audit", audit],
    ] as const) {
      assert.equal(text.includes("fontanel"), false, `${where} holds the assignee`);
      assertNoLeak(text, where);
    }
  });

  test("a stale or malformed If-Match is refused like the documents routes (409 / 400)", async () => {
    const stale = await kit.call({
      method: "PUT",
      url: `${url}/assignee`,
      headers: { ...acme, "if-match": '"1"' },
      payload: { email: "someone.else@acme.example" },
    });
    assertError(stale, 409, "CONFLICT");
    assert.deepEqual(stale.json().details, { rule: "revision", revision: 2 });
    const staleMove = await kit.call({
      method: "POST",
      url: `${url}/transitions`,
      headers: { ...acme, "if-match": '"1"' },
      payload: { to: "answered", outcome: "granted" },
    });
    assertError(staleMove, 409, "CONFLICT");
    const weak = await kit.call({
      method: "POST",
      url: `${url}/transitions`,
      headers: { ...acme, "if-match": 'W/"2"' },
      payload: { to: "awaiting_processors" },
    });
    assertError(weak, 400, "VALIDATION_FAILED");
    assert.equal(issuesOf(weak)[0]!.path, "headers.if-match");
    const badEmail = await kit.call({
      method: "PUT",
      url: `${url}/assignee`,
      headers: acme,
      payload: { email: "not-an-address" },
    });
    assertError(badEmail, 400, "VALIDATION_FAILED");
    assert.equal(issuesOf(badEmail)[0]!.path, "email");
    assert.equal((await details()).request.revision, 2, "nothing changed");
  });

  test("notes are sealed on the timeline and leave the revision alone", async () => {
    const res = await kit.call({
      method: "POST",
      url: `${url}/notes`,
      headers: acme,
      payload: { text: NOTE },
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().kind, "note_added");
    assert.equal(res.json().text, NOTE);
    assert.match(res.json().actor, /^token:/);
    const read = await details();
    assert.equal(read.request.revision, 2);
    assert.equal(read.timeline.at(-1).text, NOTE);
    const raw = JSON.stringify(await kit.ctx.db.selectFrom("request_events").selectAll().execute());
    const audit = JSON.stringify(await kit.ctx.db.selectFrom("audit_entries").selectAll().execute());
    assert.equal(raw.includes("Rappelé"), false);
    assert.equal(audit.includes("Rappelé"), false);
    for (const [payload, path] of [
      [{ text: "   " }, "text"],
      [{}, "text"],
      [{ text: "x", pinned: true }, "pinned"],
    ] as const) {
      const bad = await kit.call({ method: "POST", url: `${url}/notes`, headers: acme, payload });
      assertError(bad, 400, "VALIDATION_FAILED");
      assert.equal(issuesOf(bad)[0]!.path, path);
    }
  });

  test("transitions follow the workflow; answered needs an outcome; reasons are sealed", async () => {
    const noOutcome = await kit.call({
      method: "POST",
      url: `${url}/transitions`,
      headers: acme,
      payload: { to: "answered" },
    });
    assertError(noOutcome, 400, "VALIDATION_FAILED");
    assert.equal(issuesOf(noOutcome)[0]!.path, "outcome");
    const badTo = await kit.call({
      method: "POST",
      url: `${url}/transitions`,
      headers: acme,
      payload: { to: "done" },
    });
    assertError(badTo, 400, "VALIDATION_FAILED");
    assert.equal(issuesOf(badTo)[0]!.path, "to");
    const answered = await kit.call({
      method: "POST",
      url: `${url}/transitions`,
      headers: { ...acme, "if-match": '"2"' },
      payload: { to: "answered", outcome: "partly_granted", note: "Copie partielle : Mme Quillardet" },
    });
    assert.equal(answered.statusCode, 200, answered.body);
    assert.equal(answered.headers.etag, '"3"');
    assert.equal(answered.json().status, "answered");
    assert.equal(answered.json().outcome, "partly_granted");
    const illegal = await kit.call({
      method: "POST",
      url: `${url}/transitions`,
      headers: acme,
      payload: { to: "withdrawn" },
    });
    assertError(illegal, 409, "CONFLICT");
    assert.deepEqual(illegal.json().details.allowed, ["closed", "in_progress"]);
    const moved = (await details()).timeline.at(-1);
    assert.equal(moved.kind, "status_changed");
    assert.deepEqual(
      [moved.data.from, moved.data.to, moved.data.outcome],
      ["in_progress", "answered", "partly_granted"],
    );
    assert.equal(moved.text, "Copie partielle : Mme Quillardet");
  });

  test("unassign; every change is one audit entry; the trail verifies; nothing personal in logs", async () => {
    const audits = await auditCount();
    const res = await kit.call({
      method: "DELETE",
      url: `${url}/assignee`,
      headers: { ...acme, "if-match": '"3"' },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().assignee, null);
    assert.equal(res.headers.etag, '"4"');
    assert.equal(await auditCount(), audits + 1);
    const read = await details();
    assert.deepEqual(
      read.timeline.map((e: { kind: string }) => e.kind),
      ["created", "assigned", "note_added", "status_changed", "unassigned"],
    );
    const actions = await kit.ctx.db
      .selectFrom("audit_entries")
      .select("action")
      .where("entity_id", "=", read.request.id)
      .orderBy("seq")
      .execute();
    assert.deepEqual(
      actions.map((a) => a.action),
      read.timeline.map((e: { kind: string }) => `request.${e.kind}`),
    );
    assert.equal((await verifyAudit(kit.ctx.db)).valid, true);
    const logs = kit.logs.join("\n");
    assertNoLeak(logs, "logs");
    assert.equal(logs.includes("fontanel"), false);
  });
});
