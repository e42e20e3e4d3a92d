import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  ACTIVITY_REF,
  type GatewayKit,
  type Headers,
  startGatewayKit,
  UPSTREAM_KEY,
} from "../../ai-gateway/testing/gateway-kit.ts";

const base = (slug: string) => `/api/v1/organisations/${slug}/ai-gateway`;

async function auditOf(kit: GatewayKit, action: string) {
  return kit.ctx.db
    .selectFrom("audit_entries")
    .selectAll()
    .where("action", "=", action)
    .orderBy("seq")
    .execute();
}

describe("AI gateway settings", () => {
  let kit: GatewayKit;
  let acme: Headers;
  before(async () => {
    kit = await startGatewayKit("ai-gateway-settings");
    acme = await kit.organisation("acme");
  });
  after(() => kit.close());

  test("PUT creates, GET shows everything but the key; each change is audited without the key", async () => {
    const created = await kit.configure("acme", acme, { upstreamUrl: `${kit.upstream.url}/` });
    assert.equal(created.statusCode, 201, created.body);
    const view = created.json();
    assert.equal(view.upstreamUrl, kit.upstream.url, "the trailing slash is dropped");
    assert.equal(view.apiKeySet, true);
    assert.equal(view.defaultModel, "test-model");
    assert.equal(view.activityRef, null);
    assert.deepEqual(view.operators, {});
    assert.equal(view.timeoutMs, 60_000);
    assert.equal("apiKey" in view, false);

    const got = await kit.call({ method: "GET", url: base("acme"), headers: acme });
    assert.equal(got.statusCode, 200);
    assert.deepEqual(got.json(), view);
    assert.equal(got.body.includes(UPSTREAM_KEY), false);

    const [entry] = await auditOf(kit, "ai_gateway.create");
    assert.ok(entry);
    assert.deepEqual(JSON.parse(entry.details!), {
      apiKey: "set",
      fields: ["upstreamUrl", "defaultModel", "activityRef", "operators", "timeoutMs"],
      upstreamHost: new URL(kit.upstream.url).host,
    });

    // The same settings again, without the key (a client cannot send back what it never read): no change.
    const same = await kit.call({
      method: "PUT",
      url: base("acme"),
      headers: acme,
      payload: { upstreamUrl: kit.upstream.url, defaultModel: "test-model" },
    });
    assert.equal(same.statusCode, 200, same.body);
    assert.equal(same.json().apiKeySet, true, "an omitted key stays");
    assert.equal((await auditOf(kit, "ai_gateway.update")).length, 0, "nothing changed, nothing audited");

    const replaced = await kit.configure("acme", acme, {
      apiKey: "sk-another-key",
      activityRef: ACTIVITY_REF,
    });
    assert.equal(replaced.statusCode, 200, replaced.body);
    const removed = await kit.configure("acme", acme, { apiKey: null, activityRef: ACTIVITY_REF });
    assert.equal(removed.json().apiKeySet, false);
    const updates = await auditOf(kit, "ai_gateway.update");
    assert.deepEqual(
      updates.map((u) => JSON.parse(u.details!).apiKey),
      ["replaced", "removed"],
    );
    const trail = JSON.stringify(await kit.ctx.db.selectFrom("audit_entries").selectAll().execute());
    assert.equal(trail.includes(UPSTREAM_KEY) || trail.includes("sk-another-key"), false);

    // Without a key, the upstream gets no Authorization header at all (never the caller's token).
    kit.upstream.requests.length = 0;
    const call = await kit.call({
      method: "POST",
      url: "/ai/v1/chat/completions",
      headers: acme,
      payload: { messages: [{ role: "user", content: "Bonjour" }] },
    });
    assert.equal(call.statusCode, 200, call.body);
    assert.equal(kit.upstream.requests[0]!.headers.authorization, undefined);
    await kit.configure("acme", acme, { activityRef: ACTIVITY_REF });
  });

  test("bad settings are a 400 naming the field, never quoting the key", async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ upstreamUrl: "https://user:pass@api.example.com/v1" }, "upstreamUrl", "custom"],
      [{ upstreamUrl: "ftp://api.example.com/v1" }, "upstreamUrl", "invalid_format"],
      [{ upstreamUrl: "https://api.example.com/v1?key=x" }, "upstreamUrl", "custom"],
      [{ operators: { EMAIL: "shred" } }, "operators.EMAIL", "invalid_format"],
      [{ operators: { NAME: "redact" } }, "operators.NAME", "unrecognized_keys"],
      [{ timeoutMs: 10 }, "timeoutMs", "too_small"],
      [{ activityRef: "missing" }, "activityRef", "unknown_activity"],
      [{ apiKey: "has a space" }, "apiKey", "invalid_format"],
      [{ extra: true }, "extra", "unrecognized_keys"],
    ];
    for (const [body, path, rule] of cases) {
      const res = await kit.configure("acme", acme, { apiKey: "sk-secret-in-a-bad-body", ...body });
      assert.equal(res.statusCode, 400, `${JSON.stringify(body)}: ${res.body}`);
      const issues = res.json().details.issues as Array<{ path: string; rule: string }>;
      assert.ok(
        issues.some((i) => i.path === path && i.rule === rule),
        `${JSON.stringify(body)}: ${JSON.stringify(issues)}`,
      );
      assert.equal(res.body.includes("sk-secret-in-a-bad-body"), false);
    }
  });

  test("usage: per day and per type, within from/to; a bad period is a 400", async () => {
    const chat = (content: string) =>
      kit.call({
        method: "POST",
        url: "/ai/v1/chat/completions",
        headers: acme,
        payload: { messages: [{ role: "user", content }] },
      });
    kit.ctx.setNow("2026-11-25T10:00:00.000Z");
    try {
      assert.equal((await chat("Écrivez à jean.dupont@example.com ou marie@example.org")).statusCode, 200);
      kit.ctx.setNow("2026-11-26T10:00:00.000Z");
      assert.equal((await chat("IBAN FR76 3000 6000 0112 3456 7890 189, IP 192.168.1.10")).statusCode, 200);
      assert.equal((await chat("Rien de personnel.")).statusCode, 200);

      const res = await kit.call({
        method: "GET",
        url: `${base("acme")}/usage?from=2026-11-25&to=2026-11-26`,
        headers: acme,
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), {
        from: "2026-11-25",
        to: "2026-11-26",
        totals: {
          requests: 3,
          replacements: 4,
          byType: {
            EMAIL: { replacements: 2, requests: 1 },
            IBAN: { replacements: 1, requests: 1 },
            IP_ADDRESS: { replacements: 1, requests: 1 },
          },
        },
        days: [
          {
            day: "2026-11-25",
            requests: 1,
            replacements: 2,
            byType: { EMAIL: { replacements: 2, requests: 1 } },
          },
          {
            day: "2026-11-26",
            requests: 2,
            replacements: 2,
            byType: { IBAN: { replacements: 1, requests: 1 }, IP_ADDRESS: { replacements: 1, requests: 1 } },
          },
        ],
      });
      const defaults = await kit.call({ method: "GET", url: `${base("acme")}/usage`, headers: acme });
      assert.equal(defaults.json().from, "2026-10-28", "the last 30 days by default");
      assert.equal(defaults.json().to, "2026-11-26");

      for (const query of [
        "from=2026-11-26&to=2026-11-25",
        "from=2024-01-01&to=2026-11-25",
        "from=yesterday",
      ]) {
        const bad = await kit.call({ method: "GET", url: `${base("acme")}/usage?${query}`, headers: acme });
        assert.equal(bad.statusCode, 400, query);
        assert.match(bad.json().details.issues[0].path, /^querystring\.from$/);
      }
    } finally {
      kit.ctx.setNow("2026-11-24T09:00:00.000Z");
    }
  });

  test("report and sync-activity: what the gateway saw is declared in the activity, with a revision and an audit entry", async () => {
    // Seen so far: e-mails (identity, already declared by the activity), an IBAN and an IP address.
    const report = await kit.call({ method: "GET", url: `${base("acme")}/report`, headers: acme });
    assert.equal(report.statusCode, 200, report.body);
    const findings = report.json().findings as Array<{
      code: string;
      category: string;
      entityTypes: string[];
    }>;
    assert.deepEqual(
      findings.map((f) => [f.code, f.category, f.entityTypes]),
      [
        ["AI-GATEWAY-CATEGORY-UNDECLARED", "economic_financial", ["IBAN"]],
        ["AI-GATEWAY-CATEGORY-UNDECLARED", "connection", ["IP_ADDRESS"]],
      ],
    );

    const activityUrl = `/api/v1/organisations/acme/activities/${ACTIVITY_REF}`;
    const before = (await kit.call({ method: "GET", url: activityUrl, headers: acme })).json();
    const audited = (await auditOf(kit, "activity.update")).length;
    const sync = await kit.call({ method: "POST", url: `${base("acme")}/sync-activity`, headers: acme });
    assert.equal(sync.statusCode, 200, sync.body);
    assert.deepEqual(sync.json(), {
      activityRef: ACTIVITY_REF,
      revision: before.revision + 1,
      changed: true,
      added: [
        { id: "ai-gateway-economic-financial", category: "economic_financial", entityTypes: ["IBAN"] },
        { id: "ai-gateway-connection", category: "connection", entityTypes: ["IP_ADDRESS"] },
      ],
    });
    const afterDoc = (await kit.call({ method: "GET", url: activityUrl, headers: acme })).json();
    assert.equal(afterDoc.revision, before.revision + 1);
    assert.deepEqual(
      afterDoc.data.dataCategories.map((c: { category: string }) => c.category),
      ["identity", "economic_financial", "connection"],
    );
    assert.equal(afterDoc.data.dataCategories[1].description.en, "Found by the AI gateway: IBAN");
    const entries = await auditOf(kit, "activity.update");
    assert.equal(entries.length, audited + 1);
    assert.equal(JSON.parse(entries.at(-1)!.details!).ref, ACTIVITY_REF);
    const history = await kit.call({ method: "GET", url: `${activityUrl}/history`, headers: acme });
    assert.equal(history.json().items[0].revision, before.revision + 1);

    const again = await kit.call({ method: "POST", url: `${base("acme")}/sync-activity`, headers: acme });
    assert.deepEqual(again.json(), {
      activityRef: ACTIVITY_REF,
      revision: before.revision + 1,
      changed: false,
      added: [],
    });
    const clean = await kit.call({ method: "GET", url: `${base("acme")}/report`, headers: acme });
    assert.deepEqual(clean.json().findings, []);
  });

  test("sync-activity without a usable activityRef is a 409 naming the field; the report says so too", async () => {
    await kit.configure("acme", acme, {}); // activityRef unset
    const unset = await kit.call({ method: "POST", url: `${base("acme")}/sync-activity`, headers: acme });
    assert.equal(unset.statusCode, 409, unset.body);
    assert.equal(unset.json().code, "NOT_CONFIGURED");
    assert.deepEqual(unset.json().details, { feature: "ai-gateway", field: "activityRef", rule: "required" });
    const report = await kit.call({ method: "GET", url: `${base("acme")}/report`, headers: acme });
    assert.equal(report.json().findings[0].code, "AI-GATEWAY-ACTIVITY-UNSET");

    await kit.configure("acme", acme, { activityRef: ACTIVITY_REF });
    const archived = await kit.call({
      method: "POST",
      url: `/api/v1/organisations/acme/activities/${ACTIVITY_REF}/archive`,
      headers: acme,
    });
    assert.equal(archived.statusCode, 200, archived.body);
    const gone = await kit.call({ method: "POST", url: `${base("acme")}/sync-activity`, headers: acme });
    assert.equal(gone.statusCode, 409);
    assert.equal(gone.json().details.rule, "archived_activity");
    assert.equal(gone.json().details.field, "activityRef");
    const report2 = await kit.call({ method: "GET", url: `${base("acme")}/report`, headers: acme });
    assert.equal(report2.json().findings[0].code, "AI-GATEWAY-ACTIVITY-UNKNOWN");
    // And a PUT naming it now is refused.
    const put = await kit.configure("acme", acme, { activityRef: ACTIVITY_REF });
    assert.equal(put.statusCode, 400);
    assert.equal(put.json().details.issues[0].rule, "archived_activity");
  });

  test("DELETE removes the settings (audited); the gateway then answers 409; usage stays", async () => {
    const usageBefore = await kit.ctx.db.selectFrom("ai_gateway_usage").selectAll().execute();
    const del = await kit.call({ method: "DELETE", url: base("acme"), headers: acme });
    assert.equal(del.statusCode, 204, del.body);
    assert.equal((await auditOf(kit, "ai_gateway.delete")).length, 1);
    const get = await kit.call({ method: "GET", url: base("acme"), headers: acme });
    assert.equal(get.statusCode, 404);
    assert.equal(get.json().code, "NOT_FOUND");
    const again = await kit.call({ method: "DELETE", url: base("acme"), headers: acme });
    assert.equal(again.statusCode, 404);
    const call = await kit.call({
      method: "POST",
      url: "/ai/v1/chat/completions",
      headers: acme,
      payload: { messages: [{ role: "user", content: "Bonjour" }] },
    });
    assert.equal(call.statusCode, 409);
    assert.equal(call.json().code, "NOT_CONFIGURED");
    assert.deepEqual(await kit.ctx.db.selectFrom("ai_gateway_usage").selectAll().execute(), usageBefore);
  });
});
