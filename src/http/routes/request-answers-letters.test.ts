import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { PDFTOTEXT_MISSING, pdfText } from "../../documents/testing/pdf-text-kit.ts";
import { type SmtpTestServer, startSmtpTestServer } from "../../testing/smtp-test-server.ts";
import { type AnswersKit, answersOf, mailText, startAnswersApi } from "./request-answers-test-kit.ts";

const _customers = [
  { id: 7, name: "Léa Vautrin-Moreau", email: "lea.vautrin@example.net", segment: "pro" },
  { id: 8, name: "Léa V.", note: 'deux comptes, "fusionnés"' },
];
const _orders = [{ order: "C-2026-1", total: 120.5, lines: [{ sku: "A", qty: 2 }] }];

describe("answer letters over HTTP: refusals explained, previews, extensions, postal requesters", () => {
  let kit: AnswersKit;
  let smtp: SmtpTestServer;
  let regis: { id: string; headers: Record<string, string> };

  before(async () => {
    smtp = await startSmtpTestServer();
    kit = await startAnswersApi("http-request-answers-letters", { smtpUrl: smtp.url });
    regis = await kit.organisation("regis");
  });
  after(async () => {
    await kit.close();
    await smtp.close();
  });

  const events = async (requestId: string) =>
    (
      await kit.ctx.db
        .selectFrom("request_events")
        .select(["kind", "data", "actor"])
        .where("request_id", "=", requestId)
        .orderBy("seq")
        .execute()
    ).map((e) => ({ kind: e.kind, data: JSON.parse(e.data) as Record<string, unknown>, actor: e.actor }));

  test("a refused portability request explains, per activity, why the right does not apply", async () => {
    kit.ctx.setNow("2026-11-25T09:00:00Z");
    await kit.deliver();
    smtp.mails.length = 0;
    const id = await kit.request(regis.id, {
      type: "portability",
      lang: "en",
      activityRefs: ["chatbot-analyse-interactions"],
    });
    const base = answersOf("regis", id);
    const missing = await kit.call({
      method: "POST",
      url: `${base}/answer`,
      headers: regis.headers,
      payload: { outcome: "refused" },
    });
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(
      missing.json().details.issues.map((i: { path: string; rule: string }) => [i.path, i.rule]),
      [["reasons", "required_for_outcome"]],
    );
    const stranger = await kit.call({
      method: "POST",
      url: `${base}/answer`,
      headers: regis.headers,
      payload: { outcome: "refused", reasons: { activities: { "prospects-formulaire-contact": "x" } } },
    });
    assert.equal(stranger.json().details.issues[0].rule, "concerned_activity");
    assert.deepEqual(
      (await events(id)).map((e) => e.kind),
      ["created"],
      "nothing written by refused answers",
    );

    const res = await kit.call({
      method: "POST",
      url: `${base}/answer`,
      headers: regis.headers,
      payload: {
        outcome: "refused",
        reasons: {
          activities: {
            "chatbot-analyse-interactions": {
              fr: "Ce traitement repose sur notre intérêt légitime.",
              en: "This processing rests on our legitimate interests.",
            },
          },
        },
      },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().package, null);
    assert.equal(res.json().assessment.overall, "does_not_apply");
    await kit.deliver();
    const [mail] = await smtp.waitFor(1);
    const text = mailText(mail!).replace(/\s+/g, " ");
    assert.ok(text.includes("This processing rests on our legitimate interests."));
    assert.ok(text.includes("Your right does not apply to this processing activity."));
    assert.ok(
      text.includes("rests on legitimate interests (GDPR Art. 6(1)(f)): the right to data portability"),
    );
    assert.ok(text.includes("3 Place de Fontenoy"));
    assert.ok(text.includes("judicial remedy (GDPR Art. 79)"));
    assert.ok(!text.includes("rights/package?token="));
  });

  test("the letter preview: Markdown with gaps, HTML with its CSP, PDF", async () => {
    const id = await kit.request(regis.id, { type: "objection", lang: "en" });
    const base = `${answersOf("regis", id)}/letter`;
    const md = await kit.call({
      method: "GET",
      url: `${base}?format=md&outcome=no_action`,
      headers: regis.headers,
    });
    assert.equal(md.statusCode, 200);
    assert.equal(md.headers["x-letter-state"], "preview");
    assert.match(String(md.headers["content-type"]), /text\/markdown/);
    assert.ok(md.body.includes("_reasons to be given before sending_"));
    assert.ok(md.body.includes("GDPR Art. 12(4)"));
    const html = await kit.call({ method: "GET", url: base, headers: regis.headers });
    assert.match(html.body, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
    assert.equal(html.headers["cache-control"], "no-store");
    const fr = await kit.call({ method: "GET", url: `${base}?format=md&lang=fr`, headers: regis.headers });
    assert.ok(fr.body.includes("Réponse à votre demande : droit d'opposition"));
    const bad = await kit.call({ method: "GET", url: `${base}?format=docx`, headers: regis.headers });
    assert.equal(bad.statusCode, 400);
    const pdf = await kit.call({
      method: "GET",
      url: `${base}?format=pdf&outcome=refused`,
      headers: regis.headers,
    });
    assert.equal(pdf.headers["content-type"], "application/pdf");
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), "%PDF-");
    if (!PDFTOTEXT_MISSING) {
      const text = pdfText(pdf.rawPayload, "-raw").replace(/\s+/g, " ");
      assert.ok(text.includes("Answer to your request: right to object"));
      assert.ok(text.includes("DSR-2026-"));
    }
  });

  test("extension over HTTP: within the first month, with If-Match; the notice is mailed; too late after", async () => {
    kit.ctx.setNow("2026-12-01T09:00:00Z");
    await kit.deliver();
    smtp.mails.length = 0;
    const id = await kit.request(regis.id, {
      type: "erasure",
      receivedAt: "2026-11-30T10:00:00+01:00",
      requester: { name: "Léa Vautrin-Moreau", email: "lea.ext@example.net" },
    });
    const url = `${answersOf("regis", id)}/extension`;
    const stale = await kit.call({
      method: "POST",
      url,
      headers: { ...regis.headers, "if-match": '"7"' },
      payload: { extraMonths: 2, reason: "Plusieurs systèmes à examiner." },
    });
    assert.equal(stale.statusCode, 409);
    const res = await kit.call({
      method: "POST",
      url,
      headers: { ...regis.headers, "if-match": '"1"' },
      payload: { extraMonths: 2, reason: "Plusieurs systèmes à examiner." },
    });
    assert.equal(res.statusCode, 200, res.body);
    // 30 November 2026 + 3 months = 28 February 2027 (no 30 February), a Sunday → Monday 1 March 2027.
    assert.equal(res.json().request.dueOn, "2027-03-01");
    assert.equal(res.json().request.originalDueOn, "2026-12-30");
    assert.equal(res.headers.etag, '"2"');
    await kit.deliver();
    const [mail] = await smtp.waitFor(1);
    const text = mailText(mail!).replace(/\s+/g, " ");
    assert.ok(text.includes("Nous vous répondrons au plus tard le 1er mars 2027."));
    assert.ok(text.includes("Plusieurs systèmes à examiner."));

    const late = await kit.request(regis.id, {
      type: "erasure",
      receivedAt: "2026-11-01T10:00:00+01:00",
      requester: { email: "lea.late@example.net" },
    });
    const refused = await kit.call({
      method: "POST",
      url: `${answersOf("regis", late)}/extension`,
      headers: regis.headers,
      payload: { extraMonths: 1, reason: "Trop tard." },
    });
    assert.equal(refused.statusCode, 409);
    assert.deepEqual(refused.json().details, {
      rule: "after_first_month",
      originalDueOn: "2026-12-01",
      today: "2026-12-01",
    });
    const fr = await kit.call({
      method: "POST",
      url: `${answersOf("regis", late)}/extension`,
      headers: { ...regis.headers, "accept-language": "fr" },
      payload: { extraMonths: 1, reason: "Trop tard." },
    });
    assert.match(fr.json().message, /le premier mois s'est achevé le 2026-12-01/);
  });

  test("a requester known only by post: answered, nothing mailed, the letter to print", async () => {
    await kit.deliver();
    smtp.mails.length = 0;
    const id = await kit.request(regis.id, {
      type: "rectification",
      requester: { name: "Paul Ricoeur-Test", postalAddress: "1 rue Haute, 35400 Saint-Malo" },
    });
    const res = await kit.call({
      method: "POST",
      url: `${answersOf("regis", id)}/answer`,
      headers: regis.headers,
      payload: { outcome: "granted" },
    });
    assert.equal(res.json().delivery, "post");
    await kit.deliver();
    assert.equal(smtp.mails.length, 0);
    const queued = await kit.ctx.db
      .selectFrom("request_mails")
      .select("id")
      .where("request_id", "=", id)
      .execute();
    assert.equal(queued.length, 0);
  });
});
