import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { generateCorpus } from "../../../test/fixtures/pii/generate-corpus.ts";
import { POOL_MIN_CHARS } from "../../pii/index.ts";
import { type ApiKit, type Headers, issuesOf, startApi } from "../testing/api-test-kit.ts";
import { PII_BODY_LIMIT, PII_TEXT_LIMIT } from "./pii.ts";

const EMAIL = "jean.dupont@example.com";
const TEXT = `Écrivez à ${EMAIL} ou appelez le 06 12 34 56 78.`;
const url = (verb: string) => `/api/v1/pii/${verb}`;

describe("pii routes: happy path", () => {
  let kit: ApiKit;
  let acme: Headers;
  const post = (verb: string, payload: object, headers = acme) =>
    kit.call({ method: "POST", url: url(verb), headers, payload });
  before(async () => {
    kit = await startApi("http-pii-happy");
    acme = await kit.organisation("acme");
  });
  after(() => kit.close());

  test("detect returns entities with UTF-16 offsets, end exclusive; a batch echoes the ids", async () => {
    const one = await post("detect", { text: TEXT, lang: "fr" });
    assert.equal(one.statusCode, 200, one.body);
    const { entities } = one.json() as { entities: Array<{ type: string; start: number; end: number }> };
    assert.deepEqual(
      entities.map((e) => [e.type, TEXT.slice(e.start, e.end)]),
      [
        ["EMAIL", EMAIL],
        ["PHONE", "06 12 34 56 78"],
      ],
    );
    const batch = await post("detect", { items: [{ id: "a", text: TEXT }, { text: "rien ici" }] });
    assert.equal(batch.statusCode, 200, batch.body);
    const items = batch.json().items as Array<{ id?: string; entities: unknown[] }>;
    assert.equal(items.length, 2);
    assert.equal(items[0]!.id, "a");
    assert.equal(items[0]!.entities.length, 2);
    assert.deepEqual(items[1], { entities: [] });
  });

  test("redact replaces by default and applies the operators asked for; the hash is keyed by the server", async () => {
    const plain = await post("redact", { text: TEXT });
    assert.equal(plain.statusCode, 200, plain.body);
    assert.equal(plain.json().text, "Écrivez à <EMAIL> ou appelez le <PHONE>.");

    const ops = await post("redact", { text: TEXT, operators: { EMAIL: "hash", PHONE: "mask:2" } });
    assert.equal(ops.statusCode, 200, ops.body);
    const text = ops.json().text as string;
    assert.match(text, /^Écrivez à <EMAIL:[0-9a-f]{16}> ou appelez le \*\* \*\* \*\* \*\* 78\.$/);
    const again = await post("redact", { items: [{ id: "x", text: EMAIL }], operators: { EMAIL: "hash" } });
    assert.equal(again.statusCode, 200, again.body);
    assert.equal(again.json().items[0].id, "x");
    assert.equal(again.json().items[0].text, /<EMAIL:[0-9a-f]+>/.exec(text)?.[0], "equal values, equal hash");

    const removed = await post("redact", { text: TEXT, operators: { EMAIL: "redact", PHONE: "replace" } });
    assert.equal(removed.json().text, "Écrivez à  ou appelez le <PHONE>.");
  });

  test("pseudonymise gives tokens consistent across calls of one conversation; reidentify restores them", async () => {
    const first = await post("pseudonymise", { text: `Jean Dupont : ${EMAIL}` });
    assert.equal(first.statusCode, 200, first.body);
    const { conversationId } = first.json() as { conversationId: string };
    assert.ok(conversationId);
    assert.equal(first.json().text, "<PERSON_1> : <EMAIL_1>");

    const second = await post("pseudonymise", {
      conversationId,
      items: [
        { id: "m2", text: `Encore ${EMAIL}, et marie.martin@example.org` },
        { text: "Appelez Jean Dupont" },
      ],
    });
    assert.equal(second.statusCode, 200, second.body);
    assert.equal(second.json().conversationId, conversationId);
    assert.deepEqual(second.json().items, [
      { id: "m2", text: "Encore <EMAIL_1>, et <EMAIL_2>" },
      { text: "Appelez <PERSON_1>" },
    ]);

    const back = await post("reidentify", {
      conversationId,
      text: "Réponse à <PERSON_1> (<EMAIL_2>), <PHONE_9> inconnu",
    });
    assert.equal(back.statusCode, 200, back.body);
    assert.equal(back.json().text, "Réponse à Jean Dupont (marie.martin@example.org), <PHONE_9> inconnu");

    const batch = await post("reidentify", {
      conversationId,
      items: [
        { id: "r", text: "<EMAIL_1>" },
        { id: "rewritten", text: "PERSON_1, &lt;EMAIL_2&gt; et \\<EMAIL\\_1\\> ; XPERSON_1 non" },
      ],
    });
    assert.deepEqual(batch.json(), {
      items: [
        { id: "r", text: EMAIL },
        { id: "rewritten", text: `Jean Dupont, marie.martin@example.org et ${EMAIL} ; XPERSON_1 non` },
      ],
    });
  });

  test("a conversation the caller names is created on first use, even without personal data", async () => {
    const res = await post("pseudonymise", { conversationId: "chat-42", text: "bonjour" });
    assert.deepEqual(res.json(), { text: "bonjour", conversationId: "chat-42" });
    const back = await post("reidentify", { conversationId: "chat-42", text: "<PERSON_1>" });
    assert.equal(back.statusCode, 200, back.body);
    assert.equal(back.json().text, "<PERSON_1>");
  });

  test("a conversation expires an hour after its last message", async () => {
    kit.ctx.setNow("2026-11-24T12:00:00.000Z");
    const res = await post("pseudonymise", { conversationId: "short", text: EMAIL });
    assert.equal(res.json().text, "<EMAIL_1>");
    kit.ctx.setNow("2026-11-24T13:00:01.000Z");
    const back = await post("reidentify", { conversationId: "short", text: "<EMAIL_1>" });
    assert.equal(back.statusCode, 404);
    assert.equal(back.body.includes(EMAIL), false);
  });

  test("the OpenAPI document lists the four routes, secured, with their schemas", async () => {
    const doc = (await kit.call({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<string, { post?: { security?: unknown; requestBody?: unknown } }>;
    };
    for (const verb of ["detect", "redact", "pseudonymise", "reidentify"]) {
      const op = doc.paths[url(verb)]?.post;
      assert.ok(op, verb);
      assert.deepEqual(op.security, [{ bearerAuth: [] }]);
      assert.match(JSON.stringify(op.requestBody), /"items"/);
    }
  });
});

describe("pii routes: errors", () => {
  let kit: ApiKit;
  let acme: Headers;
  const post = (verb: string, payload: object | string) =>
    kit.call({
      method: "POST",
      url: url(verb),
      headers: { ...acme, "content-type": "application/json" },
      payload,
    });
  before(async () => {
    kit = await startApi("http-pii-errors");
    acme = await kit.organisation("acme");
  });
  after(() => kit.close());

  test("a bad body is a 400 naming the field, never echoing the text", async () => {
    const cases: Array<[string, object, string, string]> = [
      ["detect", { text: [EMAIL] }, "text", "invalid_type"],
      ["detect", { text: EMAIL, lang: "de" }, "lang", "invalid_value"],
      [
        "detect",
        { items: [{ text: EMAIL }, { text: EMAIL, lang: EMAIL }] },
        "items[1].lang",
        "invalid_value",
      ],
      ["detect", { text: EMAIL, extra: EMAIL }, "extra", "unrecognized_keys"],
      ["detect", {}, "text", "custom"],
      ["detect", { text: EMAIL, items: [{ text: EMAIL }] }, "items", "custom"],
      ["detect", { items: [] }, "items", "too_small"],
      ["redact", { text: EMAIL, operators: { EMAIL: "encrypt" } }, "operators.EMAIL", "invalid_format"],
      ["redact", { text: EMAIL, operators: { EMAIL: "mask:99" } }, "operators.EMAIL", "operator"],
      ["pseudonymise", { text: EMAIL, conversationId: "a b" }, "conversationId", "invalid_format"],
      ["reidentify", { text: EMAIL }, "conversationId", "invalid_type"],
    ];
    for (const [verb, body, path, rule] of cases) {
      const res = await post(verb, body);
      assert.equal(res.statusCode, 400, `${verb} ${JSON.stringify(body)}: ${res.body}`);
      assert.ok(
        issuesOf(res).some((i) => i.path === path && i.rule === rule),
        `${verb} ${path}: ${JSON.stringify(issuesOf(res))}`,
      );
      assert.equal(res.body.includes("jean.dupont"), false, res.body);
    }
  });

  test("too many items is a 400", async () => {
    const res = await post("detect", { items: Array.from({ length: 1001 }, () => ({ text: "x" })) });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(
      issuesOf(res).map((i) => [i.path, i.rule]),
      [["items", "too_big"]],
    );
  });

  test("an oversized body or text is a 413 naming the limit", async () => {
    const huge = await post("detect", JSON.stringify({ text: "a".repeat(PII_BODY_LIMIT) }));
    assert.equal(huge.statusCode, 413, huge.body);
    assert.equal(huge.json().code, "PAYLOAD_TOO_LARGE");
    assert.match(huge.json().message, new RegExp(String(PII_BODY_LIMIT)));
    assert.equal(huge.json().details.limitBytes, PII_BODY_LIMIT);

    // 1 MiB of "é" is 2 MiB in UTF-8: the limit is in bytes.
    const long = await post("redact", {
      items: [{ text: "ok" }, { text: "é".repeat(PII_TEXT_LIMIT / 2 + 1) }],
    });
    assert.equal(long.statusCode, 413, long.body);
    assert.match(long.json().message, new RegExp(`items\\[1\\]\\.text .*${PII_TEXT_LIMIT}`));
    assert.deepEqual(long.json().details, { limitBytes: PII_TEXT_LIMIT, path: "items[1].text" });
  });

  test("an unknown conversation is a 404", async () => {
    const res = await post("reidentify", { conversationId: "never-seen", text: "<PERSON_1>" });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().code, "NOT_FOUND");
  });
});

describe("pii routes: security", () => {
  let kit: ApiKit;
  let acme: Headers;
  let globex: Headers;
  before(async () => {
    kit = await startApi("http-pii-security");
    acme = await kit.organisation("acme");
    globex = await kit.organisation("globex");
  });
  after(() => kit.close());

  test("without a token, every route is a 401", async () => {
    for (const verb of ["detect", "redact", "pseudonymise", "reidentify"]) {
      const res = await kit.call({ method: "POST", url: url(verb), payload: { text: TEXT } });
      assert.equal(res.statusCode, 401, verb);
      assert.equal(res.body.includes("jean.dupont"), false);
    }
  });

  test("another organisation cannot reidentify a conversation's tokens, even knowing its id", async () => {
    const mine = await kit.call({
      method: "POST",
      url: url("pseudonymise"),
      headers: acme,
      payload: { conversationId: "shared-id", text: `Contact : ${EMAIL}` },
    });
    assert.equal(mine.json().text, "Contact : <EMAIL_1>");
    for (const headers of [globex, kit.admin]) {
      const theirs = await kit.call({
        method: "POST",
        url: url("reidentify"),
        headers,
        payload: { conversationId: "shared-id", text: "<EMAIL_1>" },
      });
      assert.equal(theirs.statusCode, 404, theirs.body);
      assert.equal(theirs.body.includes("jean.dupont"), false);
    }
    // The same id in another organisation is another conversation: its tokens say nothing of acme's.
    const other = await kit.call({
      method: "POST",
      url: url("pseudonymise"),
      headers: globex,
      payload: { conversationId: "shared-id", text: "Contact : marie@example.org" },
    });
    assert.equal(other.json().text, "Contact : <EMAIL_1>");
    const back = await kit.call({
      method: "POST",
      url: url("reidentify"),
      headers: globex,
      payload: { conversationId: "shared-id", text: "<EMAIL_1>" },
    });
    assert.equal(back.json().text, "marie@example.org");
    const stillMine = await kit.call({
      method: "POST",
      url: url("reidentify"),
      headers: acme,
      payload: { conversationId: "shared-id", text: "<EMAIL_1>" },
    });
    assert.equal(stillMine.json().text, EMAIL);
  });
});

describe("pii routes: large batches on worker threads", () => {
  // Two servers, one scanning large batches on its workers, one on its event loop: the same answers.
  let pooled: ApiKit;
  let inline: ApiKit;
  let headers: { pooled: Headers; inline: Headers };
  const items = generateCorpus(1_000, 23).map((m, i) => ({ id: `m${i}`, text: m.text.repeat(4) }));
  const chars = items.reduce((n, i) => n + i.text.length, 0);
  before(async () => {
    pooled = await startApi("http-pii-pooled", { piiWorkers: 2 });
    inline = await startApi("http-pii-inline", { piiWorkers: 0 });
    headers = { pooled: await pooled.organisation("acme"), inline: await inline.organisation("acme") };
  });
  after(async () => {
    await pooled.close();
    await inline.close();
  });

  test("detect, redact and pseudonymise answer a large batch exactly as the event loop would", async () => {
    assert.ok(chars >= POOL_MIN_CHARS, `${chars} characters: a batch for the workers`);
    for (const [verb, extra] of [
      ["detect", {}],
      ["redact", { operators: { EMAIL: "mask:4", PERSON: "redact" } }],
      ["pseudonymise", { conversationId: "batch-1" }],
    ] as const) {
      const payload = { items, lang: "fr", ...extra };
      const [a, b] = await Promise.all([
        pooled.call({ method: "POST", url: url(verb), headers: headers.pooled, payload }),
        inline.call({ method: "POST", url: url(verb), headers: headers.inline, payload }),
      ]);
      assert.equal(a.statusCode, 200, a.body);
      assert.equal(b.statusCode, 200, b.body);
      assert.deepEqual(a.json(), b.json(), verb);
      assert.ok(JSON.stringify(a.json()).length > 1000);
    }
    const found = (
      await pooled.call({ method: "POST", url: url("detect"), headers: headers.pooled, payload: { items } })
    ).json().items as Array<{ entities: unknown[] }>;
    assert.ok(
      found.filter((i) => i.entities.length > 0).length > 700,
      "most labelled messages hold entities",
    );
  });

  test("while the workers scan a large batch, the event loop answers other requests", async () => {
    const order: string[] = [];
    // 1.8 M characters, ~20 ms of scanning even on two workers: longer than the small request's whole way.
    const longer = items.map((item) => ({ ...item, text: item.text.repeat(5) }));
    const large = pooled
      .call({ method: "POST", url: url("detect"), headers: headers.pooled, payload: { items: longer } })
      .then((res) => order.push(`large ${res.statusCode}`));
    // Once the large body is parsed and its scan sent to the workers, the loop is free again.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const small = pooled
      .call({ method: "POST", url: url("detect"), headers: headers.pooled, payload: { text: TEXT } })
      .then((res) => order.push(`small ${res.statusCode}`));
    await Promise.all([large, small]);
    assert.deepEqual(order, ["small 200", "large 200"]);
  });
});
