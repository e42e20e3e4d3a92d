import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  PUBLIC_URL,
  type PublicKit,
  sampleActivity,
  startPublicKit,
} from "../../publication/testing/public-kit.ts";
import { archiveOrganisation } from "../../register/organisations/archive-organisation.ts";
import { scheduleMailDelivery } from "../../rights/intake/schedule-mail-delivery.ts";
import { type CapturedMail, startSmtpTestServer } from "../../testing/smtp-test-server.ts";

type Fields = Record<string, string | string[]>;

function encode(fields: Fields): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  return params.toString();
}

const post = (url: string, fields: Fields, ip = "10.1.0.1", headers: Record<string, string> = {}) => ({
  method: "POST" as const,
  url,
  headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
  payload: encode(fields),
  remoteAddress: ip,
});

const jeanne = {
  type: "access",
  name: "Jeanne Martin",
  email: "jeanne.martin@example.org",
  message: "Je souhaite une copie de mes données de fidélité",
};

/** The path and query of the first `/o/{slug}/rights/{page}` link in a mail. */
function linkIn(mail: CapturedMail, page: string): string {
  const match = new RegExp(
    `${PUBLIC_URL}(/o/[a-z0-9-]+/rights/${page}\\?token=[A-Za-z0-9_.%-]+&lang=(?:fr|en))`,
  ).exec(mail.body);
  assert.ok(match?.[1], `no ${page} link in ${mail.body}`);
  return match[1];
}
const tokenOf = (path: string) => decodeURIComponent(/token=([^&]+)/.exec(path)![1]!);

async function count(
  kit: PublicKit,
  table: "requests" | "request_mails" | "request_events",
): Promise<number> {
  return (await kit.ctx.db.selectFrom(table).selectAll().execute()).length;
}

describe("rights form: pages, validation, abuse", () => {
  let kit: PublicKit;
  let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
  before(async () => {
    smtp = await startSmtpTestServer();
    kit = await startPublicKit("http-public-rights-form", { smtpUrl: smtp.url });
    await kit.writeRegister("acme", [
      sampleActivity("crm"),
      sampleActivity("newsletter", { name: { fr: "Lettre d'information", en: "Newsletter" } }),
      sampleActivity("draft-one", { status: "draft", name: { fr: "Brouillon", en: "Draft" } }),
    ]);
    assert.equal((await kit.publish("acme")).statusCode, 201);
    await kit.writeRegister("quiet", [sampleActivity("crm")], { settings: { defaultLanguage: "en" } });
    await kit.writeRegister("gone", [sampleActivity("crm")]);
    await archiveOrganisation(kit.ctx, { slug: "gone", actor: "test" });
  });
  after(async () => {
    await scheduleMailDelivery(kit.ctx);
    await kit.close();
    await smtp.close();
  });

  test("the form: French by default, every right explained with its article, a plain HTML form, strict headers", async () => {
    const res = await kit.call("/o/acme/rights");
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html lang="fr">/);
    assert.match(res.body, /<form method="post" action="\/o\/acme\/rights\?lang=fr"/);
    assert.doesNotMatch(res.body, /<script/i);
    assert.match(
      res.body,
      /<fieldset>\n<legend>Votre demande <span class="req">\(obligatoire\)<\/span><\/legend>/,
    );
    for (const [type, article] of [
      ["access", "Art. 15"],
      ["rectification", "Art. 16"],
      ["erasure", "Art. 17"],
      ["restriction", "Art. 18"],
      ["objection", "Art. 21"],
      ["portability", "Art. 20"],
      ["consent_withdrawal", "Art. 7(3)"],
      ["automated_decision_review", "Art. 22(3)"],
    ] as const) {
      assert.match(
        res.body,
        new RegExp(
          `<input type="radio" id="type-${type}" name="type" value="${type}" required aria-describedby="type-${type}-hint"><label for="type-${type}">[^<]+\\(${article.replace(/[()]/g, "\\$&")}\\)</label><span id="type-${type}-hint" class="hint">[^<]+</span>`,
        ),
        type,
      );
    }
    for (const field of ["name", "email", "customerId", "message", "representative"])
      assert.match(res.body, new RegExp(`<label for="${field}">`), field);
    assert.match(res.body, /<input type="email" id="email" name="email" required autocomplete="email"/);
    // Published, active activities only: not the draft.
    assert.match(
      res.body,
      /<legend>Traitements concernés <span class="req">\(facultatif\)<\/span><\/legend>/,
    );
    assert.match(res.body, /id="activity-crm" name="activities" value="crm"/);
    assert.match(res.body, /<label for="activity-newsletter">Lettre d&#39;information<\/label>/);
    assert.doesNotMatch(res.body, /draft-one/);
    assert.match(res.body, /<p class="hp" aria-hidden="true"><label for="website">/);
    assert.match(res.body, /Ce que nous faisons de ces informations/);
    assert.match(res.headers["content-security-policy"] as string, /default-src 'none'/);
    assert.equal(res.headers["cache-control"], "no-store");
    assert.equal(res.headers["referrer-policy"], "no-referrer");
    assert.equal(res.headers["x-content-type-options"], "nosniff");
    assert.match(res.body, /href="\/o\/acme\/rights\?lang=en" hreflang="en" lang="en">English<\/a>/);
  });

  test("English by ?lang, by Accept-Language, and by the organisation's own language", async () => {
    const byQuery = await kit.call("/o/acme/rights?lang=en");
    assert.match(byQuery.body, /<html lang="en">/);
    assert.match(byQuery.body, /Exercise your rights over your data/);
    assert.match(byQuery.body, /Right of access \(Art\. 15\)/);
    const byHeader = await kit.call({
      url: "/o/acme/rights",
      headers: { "accept-language": "en-GB,en;q=0.9" },
    });
    assert.match(byHeader.body, /<html lang="en">/);
    assert.equal(byHeader.headers.vary, "Accept-Language");
    const orgDefault = await kit.call("/o/quiet/rights");
    assert.match(orgDefault.body, /<html lang="en">/);
    // Nothing published: no activity checkboxes, no links to documents that do not exist.
    assert.doesNotMatch(orgDefault.body, /name="activities"/);
    assert.doesNotMatch(orgDefault.body, /\/o\/quiet\/privacy/);
    const frOverHeader = await kit.call({
      url: "/o/quiet/rights?lang=fr",
      headers: { "accept-language": "en" },
    });
    assert.match(frOverHeader.body, /<html lang="fr">/);
  });

  test("unknown and archived organisations are a 404 page", async () => {
    for (const url of ["/o/nobody/rights", "/o/gone/rights"]) {
      const res = await kit.call(url);
      assert.equal(res.statusCode, 404, url);
      assert.match(res.body, /<h1>Page introuvable<\/h1>/);
      const posted = await kit.call(post(url, jeanne, "10.1.9.9"));
      assert.equal(posted.statusCode, 404);
    }
    assert.equal(await count(kit, "requests"), 0);
  });

  test("errors are summarised at the top, linked to their fields, and the values typed are kept; nothing is stored", async () => {
    const res = await kit.call(
      post("/o/acme/rights?lang=en", {
        type: "",
        name: "Jeanne <b>Martin</b>",
        email: "not-an-address",
        activities: ["crm", "unknown-activity"],
        message: "Mes données & les vôtres",
      }),
    );
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /<title>Error: /);
    assert.match(res.body, /<div class="error-summary" role="alert" aria-labelledby="error-summary-title">/);
    assert.match(res.body, /There are 3 problems to fix/);
    assert.match(
      res.body,
      /<li><a href="#type-access">Your request: choose the kind of request\.<\/a><\/li>/,
    );
    assert.match(res.body, /<li><a href="#email">Your e-mail address: enter a valid e-mail address/);
    assert.match(
      res.body,
      /<li><a href="#activity-crm">Processing concerned: choose processing from the list\.<\/a><\/li>/,
    );
    assert.match(
      res.body,
      /<input type="email" id="email" name="email" required autocomplete="email" value="not-an-address" aria-describedby="email-hint email-error" aria-invalid="true">/,
    );
    assert.match(res.body, /<span id="email-error" class="field-error">Error: enter a valid e-mail address/);
    assert.match(res.body, /<fieldset aria-describedby="type-error">/);
    // Kept as typed, and escaped.
    assert.match(res.body, /value="Jeanne &lt;b&gt;Martin&lt;\/b&gt;"/);
    assert.match(res.body, />Mes données &amp; les vôtres<\/textarea>/);
    assert.match(res.body, /id="activity-crm" name="activities" value="crm" checked>/);
    assert.equal(await count(kit, "requests"), 0);
    assert.equal(await count(kit, "request_mails"), 0);
  });

  test("required fields in French; a rectification needs a message", async () => {
    const res = await kit.call(post("/o/acme/rights", { type: "rectification", name: " ", email: "" }));
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Il y a 3 erreurs à corriger/);
    assert.match(res.body, /<a href="#name">Vos nom et prénom : indiquez vos nom et prénom\.<\/a>/);
    assert.match(res.body, /<a href="#email">Votre adresse e-mail : indiquez votre adresse e-mail\.<\/a>/);
    assert.match(res.body, /<a href="#message">Votre message : décrivez votre demande/);
    assert.match(res.body, /id="type-rectification" name="type" value="rectification" required checked/);
    assert.equal(await count(kit, "requests"), 0);
  });

  test("the honeypot: a bot is answered as if accepted, and nothing is stored or mailed", async () => {
    const res = await kit.call(
      post("/o/acme/rights", { ...jeanne, website: "http://spam.example" }, "10.1.1.1"),
    );
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Vérifiez votre boîte de réception/);
    assert.doesNotMatch(res.body, /DSR-/);
    await scheduleMailDelivery(kit.ctx);
    assert.equal(await count(kit, "requests"), 0);
    assert.equal(await count(kit, "request_mails"), 0);
    assert.equal(await count(kit, "request_events"), 0);
    assert.equal(smtp.mails.length, 0);
  });

  test("the per-IP limit: five accepted posts per ten minutes, then a 429 page in the reader's language", async () => {
    const ip = "10.1.2.2";
    // A post with errors costs nothing and is not counted.
    assert.equal((await kit.call(post("/o/acme/rights", { type: "access" }, ip))).statusCode, 400);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (
          await kit.call(
            post("/o/acme/rights", { ...jeanne, type: "erasure", email: `p${i}@example.org` }, ip),
          )
        ).statusCode,
      );
    assert.deepEqual(statuses, [200, 200, 200, 200, 200]);
    const fr = await kit.call(post("/o/acme/rights", { ...jeanne, email: "x@example.org" }, ip));
    assert.equal(fr.statusCode, 429);
    assert.equal(fr.headers["retry-after"], "600");
    assert.match(fr.body, /<h1>Trop de demandes<\/h1>/);
    const en = await kit.call(post("/o/acme/rights?lang=en", { ...jeanne, email: "x@example.org" }, ip));
    assert.equal(en.statusCode, 429);
    assert.match(en.body, /<h1>Too many requests<\/h1>/);
    assert.equal(await count(kit, "requests"), 5);
    const other = await kit.call(post("/o/acme/rights", { ...jeanne, email: "y@example.org" }, "10.1.2.3"));
    assert.equal(other.statusCode, 200, "other addresses are not affected");
  });
});

describe("rights form: end to end over SMTP", () => {
  let kit: PublicKit;
  let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
  before(async () => {
    smtp = await startSmtpTestServer();
    kit = await startPublicKit("http-public-rights-e2e", { smtpUrl: smtp.url });
    await kit.writeRegister("acme", [sampleActivity("crm"), sampleActivity("newsletter")]);
    assert.equal((await kit.publish("acme")).statusCode, 201);
  });
  after(async () => {
    await scheduleMailDelivery(kit.ctx);
    await kit.close();
    await smtp.close();
  });

  test("submit → identity mail → confirm (POST) → in progress → status page → withdraw", async () => {
    const sent = await kit.call(
      post("/o/acme/rights?lang=en", { ...jeanne, activities: ["crm"], customerId: "C-1234" }, "10.2.0.1"),
    );
    assert.equal(sent.statusCode, 200, sent.body);
    assert.match(sent.body, /<h1>Check your inbox<\/h1>/);
    assert.match(sent.body, /recorded under the reference DSR-2026-0001\./);
    assert.match(sent.body, /j•••@e•••\.org/);
    assert.doesNotMatch(sent.body, /jeanne/i);
    // Received Tuesday 24 November 2026 in Paris: due on Thursday 24 December 2026.
    assert.match(sent.body, /at the latest on 24 December 2026/);

    const [mail] = await smtp.waitFor(1);
    await scheduleMailDelivery(kit.ctx); // the sender records letter_sent once the server has the mail
    assert.deepEqual(mail!.to, ["jeanne.martin@example.org"]);
    assert.match(mail!.headers, /Subject: Confirm your request to ACME SAS \(DSR-2026-0001\)/);
    assert.match(mail!.body, /valid for 72 hours/);
    assert.doesNotMatch(mail!.body, /Jeanne|Martin|fidélité/, "no name or message in the mail");
    const verify = linkIn(mail!, "verify");
    const status = linkIn(mail!, "status");

    const row = () => kit.ctx.db.selectFrom("requests").selectAll().executeTakeFirstOrThrow();
    assert.equal((await row()).status, "awaiting_identity");
    assert.equal((await row()).channel, "web_form");
    assert.equal((await row()).lang, "en");

    // A GET shows a button and changes nothing: mail scanners open links.
    const page = await kit.call(verify);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<form method="post" action="\/o\/acme\/rights\/verify\?lang=en">/);
    assert.equal(page.headers["cache-control"], "no-store");
    assert.equal(page.headers["referrer-policy"], "no-referrer");
    assert.equal((await row()).status, "awaiting_identity");
    assert.equal((await row()).identity_status, "pending");

    const confirmed = await kit.call(
      post("/o/acme/rights/verify?lang=en", { token: tokenOf(verify) }, "10.2.0.1"),
    );
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.match(confirmed.body, /<h1>Request confirmed<\/h1>/);
    assert.equal((await row()).status, "in_progress");
    assert.equal((await row()).identity_status, "verified");
    const again = await kit.call(
      post("/o/acme/rights/verify?lang=en", { token: tokenOf(verify) }, "10.2.0.1"),
    );
    assert.equal(again.statusCode, 200);
    assert.match(again.body, /<h1>Request already confirmed<\/h1>/);
    assert.match((await kit.call(verify)).body, /already confirmed/, "a later click on the link says so");
    const events = await kit.ctx.db
      .selectFrom("request_events")
      .select(["kind", "actor"])
      .orderBy("seq")
      .execute();
    assert.deepEqual(
      events.map((e) => `${e.kind}:${e.actor}`),
      [
        "created:requester",
        "identity_link_sent:system",
        "letter_sent:system",
        "identity_verified:requester",
        "status_changed:requester",
      ],
    );

    const statusPage = await kit.call(status);
    assert.equal(statusPage.statusCode, 200);
    assert.equal(statusPage.headers["cache-control"], "no-store");
    assert.equal(statusPage.headers["referrer-policy"], "no-referrer");
    assert.match(statusPage.body, /<h1>Your request DSR-2026-0001<\/h1>/);
    assert.match(statusPage.body, /Right of access \(Art\. 15\)/);
    assert.match(
      statusPage.body,
      /<strong>In progress<\/strong>\. The organisation is handling your request\./,
    );
    assert.match(statusPage.body, /<dd>24 December 2026<\/dd>/);
    assert.match(statusPage.body, /j•••@e•••\.org/);
    assert.match(statusPage.body, /<time datetime="2026-11-24">24 November 2026<\/time> — Request received/);
    assert.match(statusPage.body, /— Identity confirmed<\/li>/);
    assert.match(statusPage.body, /— In progress<\/li>/);
    for (const secret of [
      "Jeanne",
      "Martin",
      "jeanne.martin",
      "C-1234",
      "fidélité",
      "token:",
      ">requester",
      ">system",
    ])
      assert.ok(!statusPage.body.includes(secret), `status page shows ${secret}`);
    assert.match(
      statusPage.body,
      /<button type="submit" name="action" value="withdraw">Withdraw my request<\/button>/,
    );
    const french = await kit.call(status.replace("lang=en", "lang=fr"));
    assert.match(french.body, /<strong>En cours de traitement<\/strong>/);
    assert.match(french.body, /24 décembre 2026/);

    const withdrawn = await kit.call(
      post("/o/acme/rights/status?lang=en", { token: tokenOf(status), action: "withdraw" }, "10.2.0.1"),
    );
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.match(withdrawn.body, /Your request has been withdrawn/);
    assert.match(withdrawn.body, /<strong>Withdrawn by the requester<\/strong>/);
    assert.doesNotMatch(withdrawn.body, /name="action" value="withdraw"/, "no button once withdrawn");
    const last = await kit.ctx.db
      .selectFrom("request_events")
      .selectAll()
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    assert.equal(last.kind, "withdrawn");
    assert.equal(last.actor, "requester");
    assert.equal((await row()).status, "withdrawn");
    // Staff hear of it (the register's rights contact), in the organisation's language, without the person.
    const [, notice] = await smtp.waitFor(2);
    await scheduleMailDelivery(kit.ctx);
    assert.deepEqual(notice!.to, ["privacy@example.org"]);
    assert.match(notice!.headers, /Subject: .*DSR-2026-0001/);
    assert.match(notice!.body, /DSR-2026-0001 \(Droit d'accès, art\. 15\)/);
    assert.match(notice!.body, /aucune réponse n'est plus due/);
    assert.match(notice!.body, /\/api\/v1\/organisations\/acme\/requests\//);
    assert.doesNotMatch(notice!.body, /Jeanne|Martin|jeanne|C-1234|fidélité/);
    const afterNotice = await kit.ctx.db
      .selectFrom("request_events")
      .select(["kind", "actor"])
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    assert.deepEqual({ ...afterNotice }, { kind: "staff_notified", actor: "system" });
    // Withdrawing twice changes nothing (no second notice); the identity link of a withdrawn request confirms nothing.
    const twice = await kit.call(
      post("/o/acme/rights/status?lang=en", { token: tokenOf(status), action: "withdraw" }, "10.2.0.1"),
    );
    assert.equal(twice.statusCode, 200);
    assert.equal(await count(kit, "request_events"), events.length + 2);
    assert.equal(await count(kit, "request_mails"), 2);
  });

  test("a duplicate starts no second identity flow: same page, one mail to the address, at most once a day", async () => {
    const start = smtp.mails.length;
    const first = await kit.call(
      post("/o/acme/rights", { ...jeanne, type: "erasure", email: "paul@example.net" }, "10.2.1.1"),
    );
    assert.equal(first.statusCode, 200);
    await smtp.waitFor(start + 1);
    await scheduleMailDelivery(kit.ctx);
    const dup = await kit.call(
      post("/o/acme/rights", { ...jeanne, type: "erasure", email: "Paul@Example.net" }, "10.2.1.2"),
    );
    assert.equal(dup.statusCode, 200);
    // The page does not tell whoever typed the address that its owner has a request open.
    assert.match(dup.body, /Vérifiez votre boîte de réception/);
    assert.doesNotMatch(dup.body, /déjà/);
    const mails = await smtp.waitFor(start + 2);
    await scheduleMailDelivery(kit.ctx);
    const notice = mails[start + 1]!;
    assert.deepEqual(notice.to, ["paul@example.net"]);
    assert.match(notice.body, /Une nouvelle demande du même type vient d'être envoyée/);
    assert.match(notice.body, /référence DSR-2026-0002\) est toujours en cours/);
    const verify = linkIn(notice, "verify");
    const requests = await kit.ctx.db.selectFrom("requests").selectAll().orderBy("number").execute();
    const [paul, duplicate] = requests.slice(-2);
    assert.equal(duplicate!.duplicate_of, paul!.id);
    assert.equal(duplicate!.status, "closed");
    // The fresh link confirms the first request, which the duplicate's closing left alone.
    await kit.call(post("/o/acme/rights/verify", { token: tokenOf(verify) }, "10.2.1.2"));
    const confirmed = await kit.ctx.db
      .selectFrom("requests")
      .selectAll()
      .where("id", "=", paul!.id)
      .executeTakeFirstOrThrow();
    assert.equal(confirmed.status, "in_progress");

    // A third post the same day mails nobody: the form cannot flood an address.
    await kit.call(
      post("/o/acme/rights", { ...jeanne, type: "erasure", email: "paul@example.net" }, "10.2.1.3"),
    );
    await scheduleMailDelivery(kit.ctx);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(smtp.mails.length, start + 2);
  });
});

describe("rights form: without SMTP", () => {
  test("the request is still recorded, and the page does not promise a mail", async () => {
    const kit = await startPublicKit("http-public-rights-nosmtp");
    try {
      await kit.writeRegister("acme", [sampleActivity("crm")]);
      const res = await kit.call(post("/o/acme/rights?lang=en", jeanne));
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<h1>Request recorded<\/h1>/);
      assert.match(res.body, /will contact you to confirm your identity/);
      assert.equal(await count(kit, "requests"), 1);
      await scheduleMailDelivery(kit.ctx);
      const mail = await kit.ctx.db.selectFrom("request_mails").selectAll().executeTakeFirstOrThrow();
      assert.equal(mail.status, "failed");
      assert.equal(mail.last_error, "no_smtp");
    } finally {
      await kit.close();
    }
  });
});
