import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  PUBLIC_URL,
  type PublicKit,
  sampleActivity,
  startPublicKit,
} from "../../publication/testing/public-kit.ts";
import { type CapturedMail, mailHeader, startSmtpTestServer } from "../../testing/smtp-test-server.ts";

type Mail = CapturedMail;
const startSmtp = startSmtpTestServer;
const header = mailHeader;

function linkIn(mail: Mail, path: string): string {
  const match = new RegExp(`${PUBLIC_URL}(/o/[a-z0-9-]+/${path}\\?token=[A-Za-z0-9_.-]+)`).exec(mail.body);
  assert.ok(match?.[1], `no ${path} link in ${mail.body}`);
  return match[1];
}

const form = (fields: Record<string, string>, ip: string) => ({
  method: "POST" as const,
  url: "/o/acme/subscribe",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  payload: new URLSearchParams(fields).toString(),
  remoteAddress: ip,
});

describe("subscriptions: end to end over SMTP", () => {
  let kit: PublicKit;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const v = (n: number) => [
    sampleActivity("crm", {
      retention: {
        rules: [
          { dataCategories: ["identity"], duration: `P${n}Y`, from: "end_of_contract", action: "delete" },
        ],
      },
    }),
  ];
  before(async () => {
    smtp = await startSmtp();
    kit = await startPublicKit("http-subscriptions-e2e", { smtpUrl: smtp.url });
    await kit.writeRegister("acme", v(1));
    assert.equal((await kit.publish("acme")).statusCode, 201);
  });
  after(async () => {
    await kit.close();
    await smtp.close();
  });

  test("the form works without JavaScript, in French and English", async () => {
    const fr = await kit.call("/o/acme/subscribe");
    assert.equal(fr.statusCode, 200);
    assert.match(fr.body, /<form method="post" action="\/o\/acme\/subscribe\?lang=fr">/);
    assert.match(fr.body, /<label for="email">Adresse e-mail<\/label>/);
    assert.doesNotMatch(fr.body, /<script/);
    const en = await kit.call({ url: "/o/acme/subscribe", headers: { "accept-language": "en-GB" } });
    assert.match(en.body, /Get notified of changes/);
  });

  test("double opt-in: a confirmation mail with a signed link and unsubscribe headers; only confirmed people hear of changes", async () => {
    const res = await kit.call(form({ email: " Alice@Example.org ", lang: "en" }, "10.0.0.1"));
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.body, /Vérifiez votre boîte de réception/);
    assert.equal(smtp.mails.length, 1);
    const confirmation = smtp.mails[0]!;
    assert.deepEqual(confirmation.to, ["alice@example.org"]);
    assert.match(
      header(confirmation, "List-Unsubscribe") ?? "",
      /^<https:\/\/gardien\.example\/o\/acme\/unsubscribe\?token=/,
    );
    assert.equal(header(confirmation, "List-Unsubscribe-Post"), "List-Unsubscribe=One-Click");
    assert.match(confirmation.body, /To confirm, open this link/);

    // Encryption at rest: the row holds neither the address nor any part of it.
    const row = await kit.ctx.db.selectFrom("subscribers").selectAll().executeTakeFirstOrThrow();
    assert.equal(row.status, "pending");
    assert.doesNotMatch(JSON.stringify(row).toLowerCase(), /alice|example\.org/);
    const audit = await kit.ctx.db
      .selectFrom("audit_entries")
      .selectAll()
      .where("action", "like", "subscriber.%")
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ["subscriber.request"],
    );
    assert.doesNotMatch(JSON.stringify(audit), /alice/i);

    // Pending: a material publication mails nobody.
    await kit.writeRegister("acme", v(2));
    const unconfirmed = await kit.publish("acme");
    assert.equal(unconfirmed.json().publication.material.length, 1);
    assert.deepEqual(unconfirmed.json().notification, { sent: 0, failed: 0 });
    assert.equal(smtp.mails.length, 1);

    const confirmed = await kit.call(`${linkIn(confirmation, "subscribe/confirm")}&lang=en`);
    assert.equal(confirmed.statusCode, 200);
    assert.match(confirmed.body, /Subscription confirmed/);
    assert.equal((await kit.call(linkIn(confirmation, "subscribe/confirm"))).statusCode, 200, "idempotent");

    // Bob subscribes in French and confirms; Carol never confirms.
    await kit.call(form({ email: "bob@example.net", lang: "fr" }, "10.0.0.2"));
    await kit.call(linkIn(smtp.mails.at(-1)!, "subscribe/confirm"));
    await kit.call(form({ email: "carol@example.net", lang: "fr" }, "10.0.0.3"));
    const before = smtp.mails.length;

    await kit.writeRegister("acme", v(3));
    const material = await kit.publish("acme");
    assert.deepEqual(material.json().notification, { sent: 2, failed: 0 });
    const sent = smtp.mails.slice(before);
    assert.deepEqual(sent.map((m) => m.to[0]).sort(), ["alice@example.org", "bob@example.net"]);
    const alice = sent.find((m) => m.to[0] === "alice@example.org")!;
    const bob = sent.find((m) => m.to[0] === "bob@example.net")!;
    assert.match(
      alice.body,
      /Retention of category "Name" in activity "Customer management": 2 years → 3 years/,
    );
    assert.match(alice.body, /https:\/\/gardien\.example\/o\/acme\/privacy\/versions\/3\?lang=en/);
    assert.match(bob.body, /Conservation de la catégorie « Nom, prénom »/);
    assert.equal(header(bob, "List-Unsubscribe-Post"), "List-Unsubscribe=One-Click");

    // A change that is not material mails nobody.
    await kit.writeRegister("acme", [{ ...v(3)[0]!, description: { fr: "Texte", en: "Text" } }]);
    const quiet = await kit.publish("acme");
    assert.deepEqual(quiet.json().notification, null);
    assert.equal(smtp.mails.length, before + 2);

    // RFC 8058 one-click: a POST to the List-Unsubscribe URL unsubscribes and erases the address.
    const oneClick = header(alice, "List-Unsubscribe")!.slice(1, -1).replace(PUBLIC_URL, "");
    const page = await kit.call(oneClick);
    assert.match(page.body, /<form method="post"/, "a GET only shows the button");
    const out = await kit.call({
      method: "POST",
      url: oneClick,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "List-Unsubscribe=One-Click",
    });
    assert.equal(out.statusCode, 200, out.body);
    const rows = await kit.ctx.db
      .selectFrom("subscribers")
      .select(["status", "email_encrypted"])
      .orderBy("created_at")
      .execute();
    assert.ok(rows.some((r) => r.status === "unsubscribed" && r.email_encrypted === ""));

    await kit.writeRegister("acme", v(4));
    await kit.publish("acme");
    assert.deepEqual(
      smtp.mails.slice(before + 2).map((m) => m.to[0]),
      ["bob@example.net"],
    );
  });
});

describe("subscriptions: errors", () => {
  let kit: PublicKit;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  before(async () => {
    smtp = await startSmtp();
    kit = await startPublicKit("http-subscriptions-errors", { smtpUrl: smtp.url });
    await kit.writeRegister("acme", [sampleActivity("crm")]);
    await kit.writeRegister("quiet", [sampleActivity("crm")]);
    await kit.publish("acme");
  });
  after(async () => {
    await kit.close();
    await smtp.close();
  });

  test("an invalid address gives the form back with an accessible error; nothing is stored or sent", async () => {
    const res = await kit.call(form({ email: "not-an-address" }, "10.0.1.1"));
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /aria-invalid="true"/);
    assert.match(res.body, /role="alert"/);
    assert.equal(smtp.mails.length, 0);
  });

  test("forged, altered or expired links are refused", async () => {
    await kit.call(form({ email: "dan@example.com" }, "10.0.1.2"));
    const link = linkIn(smtp.mails.at(-1)!, "subscribe/confirm");
    // Both last characters change, whatever they were: a forgery that equals the link would not be one.
    const forged = `${link.slice(0, -2)}${link.endsWith("AA") ? "BB" : "AA"}`;
    assert.equal((await kit.call(forged)).statusCode, 400);
    assert.equal((await kit.call("/o/acme/subscribe/confirm?token=abc.def")).statusCode, 400);
    // An unsubscribe token is not a confirmation token.
    const unsubscribe = linkIn(smtp.mails.at(-1)!, "unsubscribe").replace(
      /^\/o\/acme\/unsubscribe/,
      "/o/acme/subscribe/confirm",
    );
    assert.equal((await kit.call(unsubscribe)).statusCode, 400);
    kit.ctx.setNow("2026-11-26T09:00:01.000Z");
    const expired = await kit.call(link);
    assert.equal(expired.statusCode, 400);
    assert.match(expired.body, /expiré/);
    kit.ctx.setNow("2026-11-24T09:00:00.000Z");
    assert.equal((await kit.call(link)).statusCode, 200);
  });

  test("an organisation with nothing published has no subscription form", async () => {
    assert.equal((await kit.call("/o/quiet/subscribe")).statusCode, 404);
  });
});

describe("subscriptions: security", () => {
  let kit: PublicKit;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  before(async () => {
    smtp = await startSmtp();
    kit = await startPublicKit("http-subscriptions-security", { smtpUrl: smtp.url });
    await kit.writeRegister("acme", [sampleActivity("crm")]);
    await kit.writeRegister("other", [sampleActivity("crm")]);
    await kit.publish("acme");
    await kit.publish("other");
  });
  after(async () => {
    await kit.close();
    await smtp.close();
  });

  test("the honeypot: a bot gets the usual answer and nothing is stored or sent", async () => {
    const res = await kit.call(form({ email: "bot@example.com", website: "http://spam" }, "10.0.2.1"));
    assert.equal(res.statusCode, 200);
    assert.equal(smtp.mails.length, 0);
    assert.equal((await kit.ctx.db.selectFrom("subscribers").selectAll().execute()).length, 0);
  });

  test("the per-IP rate limit answers 429 past five attempts", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await kit.call(form({ email: `p${i}@example.com` }, "10.0.2.2"))).statusCode);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429]);
    assert.equal(
      (await kit.call(form({ email: "q@example.com" }, "10.0.2.3"))).statusCode,
      200,
      "other IPs are not affected",
    );
  });

  test("an already confirmed address gets the same answer and no mail; a link works only for its organisation", async () => {
    const start = smtp.mails.length;
    await kit.call(form({ email: "eve@example.com" }, "10.0.2.4"));
    const link = linkIn(smtp.mails.at(-1)!, "subscribe/confirm");
    await kit.call(link);
    assert.equal((await kit.call(link.replace("/o/acme/", "/o/other/"))).statusCode, 400);
    const again = await kit.call(form({ email: "EVE@example.com" }, "10.0.2.4"));
    assert.equal(again.statusCode, 200);
    assert.equal(smtp.mails.length, start + 1);
  });
});
