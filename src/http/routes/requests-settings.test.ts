import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { verifyAudit } from "../../audit/verify-audit.ts";
import { type Headers, issuesOf } from "../testing/api-test-kit.ts";
import { api, assertError, type RequestsKit, startRequestsApi } from "./requests-test-kit.ts";

const DEFAULTS = {
  reminderDaysBefore: [7, 2],
  notifyEmails: [],
  identityLinkHours: 72,
  packageLinkDays: 30,
  statusLinkDays: 365,
};

describe("rights settings", () => {
  let kit: RequestsKit;
  let acme: Headers;
  const url = `${api}/organisations/acme/rights-settings`;
  before(async () => {
    kit = await startRequestsApi("http-rights-settings");
    acme = await kit.organisation("acme");
  });
  after(() => kit.close());

  test("defaults until set; a replacement fills omitted fields with defaults and is audited without addresses", async () => {
    const first = await kit.call({ method: "GET", url, headers: acme });
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual(first.json(), DEFAULTS);
    const put = await kit.call({
      method: "PUT",
      url,
      headers: acme,
      payload: { reminderDaysBefore: [10, 3, 1], notifyEmails: ["dpo.team@acme.example"] },
    });
    assert.equal(put.statusCode, 200, put.body);
    const expected = { ...DEFAULTS, reminderDaysBefore: [10, 3, 1], notifyEmails: ["dpo.team@acme.example"] };
    assert.deepEqual(put.json(), expected);
    assert.deepEqual((await kit.call({ method: "GET", url, headers: acme })).json(), expected);
    const audit = await kit.ctx.db
      .selectFrom("audit_entries")
      .selectAll()
      .where("action", "=", "rights_settings.update")
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(JSON.stringify(audit).includes("dpo.team"), false);
    assert.equal((await verifyAudit(kit.ctx.db)).valid, true);
  });

  test("bad settings are 400s naming the field; the stored ones stay", async () => {
    for (const [payload, path] of [
      [{ reminderDaysBefore: [0] }, "reminderDaysBefore[0]"],
      [{ notifyEmails: ["not-an-address"] }, "notifyEmails[0]"],
      [{ identityLinkHours: 1000 }, "identityLinkHours"],
      [{ reminderDays: [3] }, "reminderDays"],
    ] as const) {
      const res = await kit.call({ method: "PUT", url, headers: acme, payload });
      assertError(res, 400, "VALIDATION_FAILED");
      assert.equal(issuesOf(res)[0]!.path, path, JSON.stringify(payload));
    }
    assert.deepEqual(
      (await kit.call({ method: "GET", url, headers: acme })).json().reminderDaysBefore,
      [10, 3, 1],
    );
  });
});
