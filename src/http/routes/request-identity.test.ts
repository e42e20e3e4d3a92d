import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createToken } from "../../auth/create-token.ts";
import {
  PUBLIC_URL,
  type PublicKit,
  sampleActivity,
  startPublicKit,
} from "../../publication/testing/public-kit.ts";
import { resolveOrganisation } from "../../register/organisations/resolve-organisation.ts";
import { loadIdentityTimeline } from "../../rights/identity/identity-timeline.ts";
import { scheduleMailDelivery } from "../../rights/intake/schedule-mail-delivery.ts";
import { signRequestLink } from "../../rights/links/request-link.ts";
import { createRequest } from "../../rights/requests/create-request.ts";
import { transitionRequest } from "../../rights/requests/transition-request.ts";
import { type CapturedMail, startSmtpTestServer } from "../../testing/smtp-test-server.ts";

const base = (slug: string, id: string) => `/api/v1/organisations/${slug}/requests/${id}/identity`;

function linkIn(mail: CapturedMail, page: string): string {
  const match = new RegExp(
    `${PUBLIC_URL}(/o/[a-z0-9-]+/rights/${page}\\?token=[A-Za-z0-9_.%-]+&lang=(?:fr|en))`,
  ).exec(mail.body);
  assert.ok(match?.[1], `no ${page} link in ${mail.body}`);
  return match[1];
}
const tokenOf = (path: string) => decodeURIComponent(/token=([^&]+)/.exec(path)![1]!);
const formPost = (url: string, fields: Record<string, string>) => ({
  method: "POST" as const,
  url,
  headers: { "content-type": "application/x-www-form-urlencoded" },
  payload: new URLSearchParams(fields).toString(),
  remoteAddress: "10.5.0.1",
});

describe("staff identity endpoints", () => {
  let kit: PublicKit;
  let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
  let staff: Record<string, string>;
  let orgId: string;
  const newRequest = async (requester: Record<string, string>, lang: "fr" | "en" = "en") =>
    (
      await createRequest(kit.ctx, {
        orgId,
        actor: "test",
        input: { type: "access", channel: "email", lang, requester },
      })
    ).request;
  const events = async (requestId: string) =>
    kit.ctx.db
      .selectFrom("request_events")
      .selectAll()
      .where("request_id", "=", requestId)
      .orderBy("seq")
      .execute();

  before(async () => {
    smtp = await startSmtpTestServer();
    kit = await startPublicKit("http-request-identity", { smtpUrl: smtp.url });
    await kit.writeRegister("acme", [sampleActivity("crm")]);
    orgId = (await resolveOrganisation(kit.ctx.db, "acme"))!.id;
    staff = {
      authorization: `Bearer ${(await createToken(kit.ctx, { orgSlug: "acme", name: "staff", actor: "test" })).token}`,
    };
  });
  after(async () => {
    await scheduleMailDelivery(kit.ctx);
    await kit.close();
    await smtp.close();
  });

  test("verify: identity verified by staff, request in progress, the method in clear and the note sealed; idempotent", async () => {
    const request = await newRequest({ name: "Marc Petit", email: "marc@example.org" });
    const res = await kit.call({
      method: "POST",
      url: `${base("acme", request.id)}/verify`,
      headers: { ...staff, "if-match": `"${request.revision}"` },
      payload: { method: "known_customer", note: "Reconnu au téléphone par Sophie, dossier 4411" },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers["cache-control"], "no-store", "it leads to a person's request");
    const body = res.json();
    assert.equal(body.identityStatus, "verified");
    assert.equal(body.status, "in_progress");
    assert.equal(body.revision, request.revision + 1);
    assert.equal(res.headers.etag, `"${request.revision + 1}"`);
    assert.equal(body.identity.verifiedMethod, "known_customer");
    assert.equal(body.identity.verifiedAt, "2026-11-24T09:00:00.000Z");
    assert.doesNotMatch(res.body, /Marc|marc@/, "the answer names no one");
    const timeline = await events(request.id);
    const verified = timeline.find((e) => e.kind === "identity_verified")!;
    assert.match(verified.actor, /^token:/);
    assert.deepEqual(JSON.parse(verified.data), { method: "known_customer", from: "pending" });
    assert.ok(verified.data_sealed);
    const stored = JSON.stringify(await kit.ctx.db.selectFrom("request_events").selectAll().execute());
    const audit = JSON.stringify(await kit.ctx.db.selectFrom("audit_entries").selectAll().execute());
    // "dossier 4411", not "4411": four digits alone turn up by chance in hashes and ciphertext.
    for (const words of ["Sophie", "dossier 4411"]) {
      assert.equal(stored.includes(words), false, `events hold ${words}`);
      assert.equal(audit.includes(words), false, `audit holds ${words}`);
    }

    const again = await kit.call({
      method: "POST",
      url: `${base("acme", request.id)}/verify`,
      headers: staff,
      payload: { method: "document_checked" },
    });
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().revision, body.revision, "nothing changed");
    assert.equal(again.json().identity.verifiedMethod, "known_customer");
    assert.equal((await events(request.id)).length, timeline.length);
  });

  test("verify: bad input names the field and changes nothing; a stale If-Match is a 409; a closed request is a 409", async () => {
    const request = await newRequest({ email: "nina@example.org" });
    for (const [payload, path, rule] of [
      [{ method: "email_link" }, "method", "invalid_value"],
      [{}, "method", "invalid_value"],
      [{ method: "phone", note: "" }, "note", "too_small"],
      [{ method: "phone", extra: 1 }, "extra", "unrecognized_keys"],
    ] as const) {
      const res = await kit.call({
        method: "POST",
        url: `${base("acme", request.id)}/verify`,
        headers: staff,
        payload,
      });
      assert.equal(res.statusCode, 400, JSON.stringify(payload));
      assert.ok(
        res
          .json()
          .details.issues.some((i: { path: string; rule: string }) => i.path === path && i.rule === rule),
        `${JSON.stringify(payload)}: ${res.body}`,
      );
    }
    const stale = await kit.call({
      method: "POST",
      url: `${base("acme", request.id)}/verify`,
      headers: { ...staff, "if-match": `"${request.revision + 5}"` },
      payload: { method: "phone" },
    });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().details.rule, "revision");
    await transitionRequest(kit.ctx, { orgId, requestId: request.id, to: "withdrawn", actor: "test" });
    const closed = await kit.call({
      method: "POST",
      url: `${base("acme", request.id)}/verify`,
      headers: staff,
      payload: { method: "phone" },
    });
    assert.equal(closed.statusCode, 409);
    assert.equal(closed.json().details.rule, "request_not_open");
    const row = await kit.ctx.db
      .selectFrom("requests")
      .selectAll()
      .where("id", "=", request.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.identity_status, "pending");
  });

  test("more information (Art. 12(6)): asked with a reason, mailed with a link, answered on a page; the request shows both dates", async () => {
    const request = await newRequest({ name: "Zoé Bernard", email: "zoe@example.org" }, "fr");
    // The person had confirmed by link; staff still doubt (two customers share the name).
    await kit.call({
      method: "POST",
      url: `${base("acme", request.id)}/verify`,
      headers: staff,
      payload: { method: "phone" },
    });
    const missing = await kit.call({
      method: "POST",
      url: `${base("acme", request.id)}/request-more-info`,
      headers: staff,
      payload: { question: "Quel est le code postal de votre compte ?" },
    });
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(
      missing.json().details.issues.map((i: { path: string }) => i.path),
      ["reason"],
    );
    const short = await kit.call({
      method: "POST",
      url: `${base("acme", request.id)}/request-more-info`,
      headers: staff,
      payload: { reason: "doute", question: "Quel est le code postal de votre compte ?" },
    });
    assert.equal(short.statusCode, 400);
    assert.equal(short.json().details.issues[0].rule, "too_small");
    const mailsBefore = smtp.mails.length;

    const asked = await kit.call({
      method: "POST",
      url: `${base("acme", request.id)}/request-more-info`,
      headers: staff,
      payload: {
        reason: "Deux clientes portent le nom Zoé Bernard",
        question: "Quel est le code postal de l'adresse de votre compte client ?",
      },
    });
    assert.equal(asked.statusCode, 200, asked.body);
    const body = asked.json();
    assert.equal(body.identityStatus, "more_info_requested");
    assert.equal(body.status, "awaiting_identity", "work waits for the answer");
    assert.equal(body.identity.moreInfoRequestedAt, "2026-11-24T09:00:00.000Z");
    assert.equal(body.identity.moreInfoReceivedAt, null);
    assert.equal(body.identity.verifiedAt, null, "the doubt reopens the check");
    assert.equal(body.linkExpiresAt, "2026-12-24T09:00:00.000Z");
    assert.doesNotMatch(asked.body, /Zoé|Bernard|code postal/);

    const [mail] = (await smtp.waitFor(mailsBefore + 1)).slice(mailsBefore);
    await scheduleMailDelivery(kit.ctx);
    assert.deepEqual(mail!.to, ["zoe@example.org"]);
    assert.match(mail!.body, /Quel est le code postal de l'adresse de votre compte client \?/);
    assert.doesNotMatch(mail!.body, /Deux clientes/, "the internal reason is not sent");
    assert.match(mail!.body, /lien valable 30 jours/);
    const answerLink = linkIn(mail!, "more-info");
    const stored = JSON.stringify(await events(request.id));
    assert.equal(stored.includes("Deux clientes"), false);
    assert.equal(stored.includes("code postal"), false);

    // The person's earlier identity link no longer settles it: staff asked for more.
    const page = await kit.call(answerLink);
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers["cache-control"], "no-store");
    assert.match(
      page.body,
      /<blockquote><p>Quel est le code postal de l&#39;adresse de votre compte client \?<\/p><\/blockquote>/,
    );
    assert.match(
      page.body,
      /<label for="answer">Votre réponse <span class="req">\(obligatoire\)<\/span><\/label>/,
    );

    const empty = await kit.call(
      formPost("/o/acme/rights/more-info?lang=fr", { token: tokenOf(answerLink), answer: "  " }),
    );
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /<a href="#answer">Votre réponse : écrivez votre réponse\.<\/a>/);
    assert.match(empty.body, /aria-describedby="answer-hint answer-error" aria-invalid="true"/);

    kit.ctx.setNow("2026-11-26T15:30:00.000Z");
    try {
      const answered = await kit.call(
        formPost("/o/acme/rights/more-info?lang=fr", { token: tokenOf(answerLink), answer: "75011, Paris" }),
      );
      assert.equal(answered.statusCode, 200, answered.body);
      assert.match(answered.body, /<h1>Réponse reçue<\/h1>/);
      assert.match(answered.body, /reçue le 26 novembre 2026/);
      const twice = await kit.call(
        formPost("/o/acme/rights/more-info?lang=fr", { token: tokenOf(answerLink), answer: "autre chose" }),
      );
      assert.equal(twice.statusCode, 200);
      assert.match(twice.body, /a déjà été reçue/);
      assert.match((await kit.call(answerLink)).body, /a déjà été reçue/);
    } finally {
      kit.ctx.setNow("2026-11-24T09:00:00.000Z");
    }
    const received = (await events(request.id)).filter((e) => e.kind === "more_info_received");
    assert.equal(received.length, 1, "one answer per question");
    assert.equal(received[0]!.actor, "requester");
    assert.deepEqual(JSON.parse(received[0]!.data), { ask: body.ask, length: "75011, Paris".length });
    assert.equal(JSON.stringify(received).includes("75011"), false, "the answer is sealed");

    const timeline = await loadIdentityTimeline(kit.ctx.db, { orgId, requestId: request.id });
    assert.deepEqual(timeline.moreInfo, [
      { ask: body.ask, requestedAt: "2026-11-24T09:00:00.000Z", receivedAt: "2026-11-26T15:30:00.000Z" },
    ]);
    // Having read the answer, staff verify.
    const verified = await kit.call({
      method: "POST",
      url: `${base("acme", request.id)}/verify`,
      headers: staff,
      payload: { method: "additional_information" },
    });
    assert.equal(verified.statusCode, 200);
    assert.equal(verified.json().status, "in_progress");
    assert.equal(verified.json().identity.moreInfoReceivedAt, "2026-11-26T15:30:00.000Z");
    assert.equal(verified.json().identity.verifiedMethod, "additional_information");
  });

  test("the person's identity link cannot override a pending question; the answer page refuses another request's question", async () => {
    const start = smtp.mails.length;
    const form = await kit.call(
      formPost("/o/acme/rights?lang=en", {
        type: "erasure",
        name: "Yann Le Goff",
        email: "yann@example.org",
      }),
    );
    assert.equal(form.statusCode, 200);
    const identityMail = (await smtp.waitFor(start + 1))[start]!;
    // Let the sender finish (letter_sent recorded) so the timeline below is deterministic.
    await scheduleMailDelivery(kit.ctx);
    const verify = linkIn(identityMail, "verify");
    const row = await kit.ctx.db
      .selectFrom("requests")
      .select("id")
      .where("type", "=", "erasure")
      .executeTakeFirstOrThrow();
    const asked = await kit.call({
      method: "POST",
      url: `${base("acme", row.id)}/request-more-info`,
      headers: staff,
      payload: {
        reason: "The address differs from the account's",
        question: "Which town is your account registered in?",
      },
    });
    assert.equal(asked.statusCode, 200);
    const page = await kit.call(verify);
    assert.equal(page.statusCode, 409);
    assert.match(page.body, /answer through the link in its message/);
    const post = await kit.call(formPost("/o/acme/rights/verify?lang=en", { token: tokenOf(verify) }));
    assert.equal(post.statusCode, 409);
    const state = await kit.ctx.db
      .selectFrom("requests")
      .selectAll()
      .where("id", "=", row.id)
      .executeTakeFirstOrThrow();
    assert.equal(state.identity_status, "more_info_requested");
    // A more-info link naming a question of another request opens nothing.
    const foreign = signRequestLink(kit.ctx.config, {
      requestId: row.id,
      purpose: "more-info",
      expiresAt: Date.parse("2027-01-01T00:00:00Z"),
      subject: "00000000-0000-4000-8000-000000000000",
    });
    assert.equal((await kit.call(`/o/acme/rights/more-info?token=${foreign}`)).statusCode, 400);
  });

  test("no e-mail address to ask: a 409 that says to ask by post", async () => {
    const request = await newRequest({ name: "Paul Roux", postalAddress: "3 rue Haute, 69001 Lyon" });
    const res = await kit.call({
      method: "POST",
      url: `${base("acme", request.id)}/request-more-info`,
      headers: staff,
      payload: {
        reason: "Signature differs from the contract",
        question: "Please confirm your date of birth.",
      },
    });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().details.rule, "requester_email_required");
    assert.equal((await events(request.id)).filter((e) => e.kind === "more_info_requested").length, 0);
  });
});
