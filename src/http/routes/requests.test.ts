import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { verifyAudit } from "../../audit/verify-audit.ts";
import { scheduleMailDelivery } from "../../rights/intake/schedule-mail-delivery.ts";
import { type SmtpTestServer, startSmtpTestServer } from "../../testing/smtp-test-server.ts";
import { type Headers, issuesOf } from "../testing/api-test-kit.ts";
import {
  assertError,
  assertNoLeak,
  JEANNE,
  letterFrom,
  type RequestsKit,
  requestsOf,
  startRequestsApi,
} from "./requests-test-kit.ts";

describe("staff requests: manual entry, list, read", () => {
  let kit: RequestsKit;
  let acme: Headers;
  let smtp: SmtpTestServer;
  before(async () => {
    smtp = await startSmtpTestServer();
    kit = await startRequestsApi("http-requests-happy", { smtpUrl: smtp.url });
    acme = await kit.organisation("acme");
  });
  after(async () => {
    await kit.close();
    await smtp.close();
  });

  test("a letter entered by staff: due one month from its date of receipt, moved off a Sunday", async () => {
    const res = await kit.call({
      method: "POST",
      url: requestsOf("acme"),
      headers: acme,
      payload: { ...letterFrom(), activityRefs: ["crm"] },
    });
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.equal(res.headers.location, `${requestsOf("acme")}/${body.id}`);
    assert.equal(res.headers.etag, '"1"');
    assert.equal(res.headers["cache-control"], "no-store");
    assert.equal(body.reference, "DSR-2026-0001");
    assert.equal(body.channel, "letter");
    // Received Friday 20 November 2026; 20 December is a Sunday, so the answer is due Monday the 21st.
    assert.equal(body.receivedOn, "2026-11-20");
    assert.equal(body.dueOn, "2026-12-21");
    assert.equal(body.status, "awaiting_identity");
    assert.equal(body.identityStatus, "pending");
    assert.equal(body.duplicateOf, null);
    assert.equal(body.overdue, false);
    assert.equal(body.requester, undefined, "the creation answer does not echo who asked");
    // The letter gave an e-mail address: the person gets the signed link to confirm it is them.
    assert.equal(body.identityCheck, "mail_queued");
    await scheduleMailDelivery(kit.ctx);
    const [mail] = await smtp.waitFor(1);
    assert.deepEqual(mail!.to, [JEANNE.email]);
    assert.match(mail!.body, /\/o\/acme\/rights\/verify\?token=/);

    const read = await kit.call({ method: "GET", url: res.headers.location as string, headers: acme });
    assert.equal(read.statusCode, 200, read.body);
    assert.equal(read.headers.etag, '"1"');
    assert.equal(read.headers["cache-control"], "no-store");
    const details = read.json();
    assert.deepEqual(details.request.requester, JEANNE);
    assert.deepEqual(details.request.activityRefs, ["crm"]);
    // A date alone is the start of that day in Paris (UTC+1 in November).
    assert.equal(details.request.receivedAt, "2026-11-19T23:00:00.000Z");
    assert.deepEqual(
      details.timeline.map((e: { kind: string; actor: string }) => [e.kind, e.actor.startsWith("token:")]),
      [
        ["created", true],
        ["identity_link_sent", false],
        ["letter_sent", false],
      ],
    );
    assert.equal(details.timeline[0].data.dueOn, "2026-12-21");
    assert.deepEqual(details.attachments, []);
    assert.deepEqual(details.parties, []);
  });

  test("a date-time with its offset is taken as given; identity known to staff starts the work", async () => {
    const res = await kit.call({
      method: "POST",
      url: requestsOf("acme"),
      headers: acme,
      payload: {
        type: "rectification",
        channel: "email",
        // Still 31 October in Paris. 31 November does not exist: the month's last day, Monday 30 November.
        receivedAt: "2026-10-31T23:30:00+01:00",
        requester: { email: "paul.tessier@example.net" },
        identityVerified: true,
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.equal(body.receivedOn, "2026-10-31");
    assert.equal(body.dueOn, "2026-11-30");
    assert.equal(body.status, "in_progress");
    assert.equal(body.identityStatus, "verified");
    assert.equal(body.identityCheck, "not_needed");
    // Due 30 November, and today is 24 November: not late yet; on 1 December it is.
    assert.equal(body.overdue, false);
  });

  test("the same person asking again while the first is open is linked, not counted twice", async () => {
    const first = (
      await kit.call({ method: "GET", url: `${requestsOf("acme")}?type=access`, headers: acme })
    ).json().items[0];
    const res = await kit.call({
      method: "POST",
      url: requestsOf("acme"),
      headers: acme,
      payload: letterFrom({ email: JEANNE.email.toUpperCase() }),
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().duplicateOf, first.id);
    assert.equal(res.json().status, "closed");
    assert.equal(res.json().identityCheck, "not_needed", "the first request's check covers it");
    const list = (await kit.call({ method: "GET", url: requestsOf("acme"), headers: acme })).json();
    assert.equal(list.total, 2);
    assert.equal(
      list.items.some((r: { id: string }) => r.id === res.json().id),
      false,
    );
    const all = (
      await kit.call({ method: "GET", url: `${requestsOf("acme")}?includeDuplicates=true`, headers: acme })
    ).json();
    assert.equal(all.total, 3);
  });

  test("the list filters, pages, flags what is overdue on the organisation's date, and shows no requester", async () => {
    const url = (q: string) => `${requestsOf("acme")}${q}`;
    const get = async (q: string) => {
      const res = await kit.call({ method: "GET", url: url(q), headers: acme });
      assert.equal(res.statusCode, 200, res.body);
      assertNoLeak(res.body, `list ${q}`);
      assert.equal(res.body.includes("paul.tessier"), false);
      return res.json();
    };
    const open = await get("?status=open");
    assert.deepEqual(
      open.items.map((r: { dueOn: string }) => r.dueOn),
      ["2026-11-30", "2026-12-21"],
      "soonest due first",
    );
    assert.equal((await get("?status=in_progress")).total, 1);
    assert.equal((await get("?type=rectification")).items[0].type, "rectification");
    assert.equal((await get("?dueBefore=2026-12-01")).total, 1);
    const page = await get("?limit=1&offset=1");
    assert.equal(page.items.length, 1);
    assert.equal(page.total, 2);
    assert.equal(page.items[0].dueOn, "2026-12-21");
    assert.equal((await get("?overdue=true")).total, 0);
    assert.equal((await get("?overdue=false")).total, 2, "overdue=false is no filter, not a true");
    // 30 November is due; at 23:30 UTC on 30 November it is 1 December in Paris: late.
    kit.ctx.setNow("2026-11-30T23:30:00Z");
    try {
      const late = await get("?overdue=true");
      assert.equal(late.today, "2026-12-01");
      assert.deepEqual(
        late.items.map((r: { type: string; overdue: boolean }) => [r.type, r.overdue]),
        [["rectification", true]],
      );
    } finally {
      kit.ctx.setNow("2026-11-24T09:00:00.000Z");
    }
  });

  test("every entry is on the audit trail, and the trail verifies", async () => {
    const actions = await kit.ctx.db
      .selectFrom("audit_entries")
      .select("action")
      .where("entity_type", "=", "request")
      .execute();
    assert.deepEqual(actions.map((a) => a.action).sort(), [
      "request.created",
      "request.created",
      "request.created",
      "request.duplicate_linked",
      "request.identity_link_sent",
      "request.letter_sent",
    ]);
    assert.equal((await verifyAudit(kit.ctx.db)).valid, true);
    assert.ok(kit.logs.length >= 10, "the requests were logged");
    assert.equal(smtp.mails.length, 1, "one identity mail: the duplicate and the verified request need none");
    assertNoLeak(kit.logs.join("\n"), "logs");
  });
});

describe("staff requests: errors", () => {
  let kit: RequestsKit;
  let acme: Headers;
  before(async () => {
    kit = await startRequestsApi("http-requests-errors");
    acme = await kit.organisation("acme");
  });
  after(() => kit.close());

  const count = async () => (await kit.ctx.db.selectFrom("requests").select("id").execute()).length;

  test("bad entries are 400s naming the field and the rule, nothing is stored, nothing leaks", async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ ...letterFrom(), type: "acces" }, "type", "invalid_value"],
      [{ ...letterFrom(), channel: "web_form" }, "channel", "invalid_value"],
      [{ ...letterFrom(), channel: "pigeon" }, "channel", "invalid_value"],
      [{ type: "access", channel: "letter", requester: JEANNE }, "receivedAt", "invalid_union"],
      [{ ...letterFrom(), receivedAt: "20/11/2026" }, "receivedAt", "invalid_union"],
      [{ ...letterFrom(), receivedAt: "2026-12-01" }, "receivedAt", "not_in_future"],
      [{ ...letterFrom(), activityRefs: ["crm", "nope"] }, "activityRefs[1]", "known_activity"],
      [letterFrom({ name: JEANNE.name, message: JEANNE.message }), "requester.email", "custom"],
      [letterFrom({ ...JEANNE, email: "jeanne.quillardet@" }), "requester.email", "invalid_format"],
      [{ ...letterFrom(), shoeSize: 42 }, "shoeSize", "unrecognized_keys"],
      [{ ...letterFrom(), external: { source: "opendsr" } }, "external", "unrecognized_keys"],
    ];
    const before = await count();
    for (const [payload, path, rule] of cases) {
      const res = await kit.call({ method: "POST", url: requestsOf("acme"), headers: acme, payload });
      assertError(res, 400, "VALIDATION_FAILED");
      const issue = issuesOf(res)[0]!;
      assert.deepEqual([issue.path, issue.rule], [path, rule], JSON.stringify(issuesOf(res)));
    }
    assert.equal(await count(), before);
    assertNoLeak(kit.logs.join("\n"), "logs");
  });

  test("list and read refuse bad parameters by name; an unknown request is 404", async () => {
    for (const [q, path] of [
      ["?status=lost", "querystring.status"],
      ["?overdue=yes", "querystring.overdue"],
      ["?dueBefore=tomorrow", "querystring.dueBefore"],
      ["?limit=0", "querystring.limit"],
      ["?colour=red", "querystring.colour"],
    ] as const) {
      const res = await kit.call({ method: "GET", url: `${requestsOf("acme")}${q}`, headers: acme });
      assertError(res, 400, "VALIDATION_FAILED");
      assert.equal(issuesOf(res)[0]!.path, path, q);
    }
    const malformed = await kit.call({ method: "GET", url: `${requestsOf("acme")}/42`, headers: acme });
    assertError(malformed, 400, "VALIDATION_FAILED");
    assert.equal(issuesOf(malformed)[0]!.path, "params.id");
    const unknown = await kit.call({
      method: "GET",
      url: `${requestsOf("acme")}/${randomUUID()}`,
      headers: acme,
    });
    assertError(unknown, 404, "NOT_FOUND");
  });
});
