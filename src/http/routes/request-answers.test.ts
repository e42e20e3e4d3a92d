import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { strFromU8, unzipSync } from "fflate";
import type { PackageManifest } from "../../rights/package/build-data-package.ts";
import { addRequestAttachment } from "../../rights/staff/add-request-attachment.ts";
import { type SmtpTestServer, startSmtpTestServer } from "../../testing/smtp-test-server.ts";
import {
  type AnswersKit,
  answersOf,
  LEA,
  LEA_SECRETS,
  mailText,
  packageLinkIn,
  startAnswersApi,
} from "./request-answers-test-kit.ts";

const customers = [
  { id: 7, name: "Léa Vautrin-Moreau", email: "lea.vautrin@example.net", segment: "pro" },
  { id: 8, name: "Léa V.", note: 'deux comptes, "fusionnés"' },
];
const orders = [{ order: "C-2026-1", total: 120.5, lines: [{ sku: "A", qty: 2 }] }];

describe("answering requests over HTTP, with the mail on a real loopback SMTP server", () => {
  let kit: AnswersKit;
  let smtp: SmtpTestServer;
  let regis: { id: string; headers: Record<string, string> };

  before(async () => {
    smtp = await startSmtpTestServer();
    kit = await startAnswersApi("http-request-answers", { smtpUrl: smtp.url });
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

  test("access, end to end: data posted, answer e-mailed with a link and no attachment, downloads, expiry", async () => {
    kit.ctx.setNow("2026-11-24T09:00:00Z");
    const id = await kit.request(regis.id, { activityRefs: ["clients-comptes-collaborateurs"] });
    const base = answersOf("regis", id);
    for (const [recordType, records] of [
      ["customer", customers],
      ["order", orders],
    ] as const) {
      const res = await kit.call({
        method: "POST",
        url: `${base}/data`,
        headers: regis.headers,
        payload: { source: "crm", recordType, records },
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().records, records.length);
    }
    await addRequestAttachment(kit.ctx, {
      orgId: regis.id,
      requestId: id,
      actor: "test",
      input: {
        name: "releve.pdf",
        mediaType: "application/pdf",
        contentBase64: Buffer.from("%PDF-1.7 relevé").toString("base64"),
        purpose: "package",
      },
    });

    const answered = await kit.call({
      method: "POST",
      url: `${base}/answer`,
      headers: { ...regis.headers, "if-match": '"1"' },
      payload: { outcome: "granted", staffNote: "Votre dossier client est joint." },
    });
    assert.equal(answered.statusCode, 200, answered.body);
    const body = answered.json();
    assert.equal(body.request.status, "answered");
    assert.equal(body.request.outcome, "granted");
    assert.equal(body.delivery, "email");
    assert.equal(answered.headers["cache-control"], "no-store");
    assert.equal(body.package.expiresOn, "2026-12-24", "packageLinkDays (30) after the answer");
    assert.ok(
      body.letter.markdown.includes("Informations sur le traitement de vos données (art. 15.1 du RGPD)"),
    );
    for (const secret of LEA_SECRETS) assert.ok(!JSON.stringify(await events(id)).includes(secret), secret);
    // The staff view of the request lists what the answer added: the built package and the letter as sent.
    const details = await kit.call({ method: "GET", url: base, headers: regis.headers });
    assert.equal(details.statusCode, 200, details.body);
    const added = (details.json().attachments as { purpose: string; source: string }[]).map(
      (a) => `${a.purpose}/${a.source}`,
    );
    for (const kind of ["package/api", "package/staff", "package/generated", "correspondence/answer"]) {
      assert.ok(added.includes(kind), `${kind} in ${added.join()}`);
    }

    await kit.deliver();
    const [mail] = await smtp.waitFor(1);
    assert.deepEqual(mail!.to, [LEA.email]);
    const text = mailText(mail!);
    assert.match(
      mail!.headers,
      /Subject: =\?UTF-8\?Q\?R=C3=A9ponse|Subject: Réponse à votre demande DSR-2026-0001/,
    );
    assert.ok(text.includes("Bonjour Léa Vautrin-Moreau,"));
    assert.ok(text.includes("Votre dossier client est joint."));
    assert.ok(text.includes("Copie de vos données (art. 15.3)"));
    // Never an attachment: no zip, no attachment disposition, only the text and HTML alternatives.
    assert.ok(!/Content-Disposition: attachment/i.test(mail!.body));
    assert.ok(!/application\/zip/i.test(mail!.body));
    assert.match(mail!.headers, /multipart\/alternative/);
    const link = packageLinkIn(text);
    assert.ok((await events(id)).some((e) => e.kind === "letter_sent" && e.data.kind === "answer"));

    // The page behind the link.
    const page = await kit.call({ method: "GET", url: link });
    assert.equal(page.statusCode, 200, page.body);
    assert.equal(page.headers["cache-control"], "no-store");
    assert.equal(page.headers["referrer-policy"], "no-referrer");
    assert.match(String(page.headers["content-security-policy"]), /default-src 'none'/);
    assert.ok(page.body.includes('<html lang="fr">'));
    assert.ok(page.body.includes("Télécharger vos données"));
    assert.ok(page.body.includes("DSR-2026-0001"));
    assert.ok(page.body.includes("24 décembre 2026"));
    assert.ok(!/<script/i.test(page.body));
    const token = decodeURIComponent(link.split("token=")[1]!);
    const english = await kit.call({ method: "GET", url: `${link}&lang=en` });
    assert.ok(english.body.includes("Download your data"));

    const zipRes = await kit.call({
      method: "POST",
      url: "/o/regis/rights/package/download?lang=fr",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ token, file: "zip" }).toString(),
    });
    assert.equal(zipRes.statusCode, 200, zipRes.body);
    assert.equal(zipRes.headers["content-type"], "application/zip");
    assert.equal(zipRes.headers["content-disposition"], 'attachment; filename="DSR-2026-0001.zip"');
    assert.equal(zipRes.headers["cache-control"], "no-store");
    assert.equal(zipRes.headers["referrer-policy"], "no-referrer");
    const files = unzipSync(new Uint8Array(zipRes.rawPayload));
    const crm = JSON.parse(strFromU8(files["data/crm.json"]!));
    assert.deepEqual(crm.types.customer, customers);
    assert.deepEqual(crm.types.order, orders);
    assert.equal(strFromU8(files["files/releve.pdf"]!), "%PDF-1.7 relevé");
    const manifest = JSON.parse(strFromU8(files["manifest.json"]!)) as PackageManifest;
    assert.equal(manifest.request, "DSR-2026-0001");
    for (const f of manifest.files) {
      assert.equal(createHash("sha256").update(files[f.path]!).digest("hex"), f.sha256, f.path);
    }
    assert.equal(createHash("sha256").update(zipRes.rawPayload).digest("hex"), body.package.sha256);

    const htmlRes = await kit.call({
      method: "POST",
      url: "/o/regis/rights/package/download",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ token, file: "html" }).toString(),
    });
    assert.equal(htmlRes.statusCode, 200);
    assert.equal(htmlRes.headers["content-disposition"], 'attachment; filename="DSR-2026-0001.html"');
    assert.ok(htmlRes.body.includes("<caption>crm — customer (2 enregistrements)</caption>"));
    assert.ok(htmlRes.body.includes("deux comptes, &quot;fusionnés&quot;"));
    const downloads = (await events(id)).filter((e) => e.kind === "package_downloaded");
    assert.deepEqual(
      downloads.map((d) => [d.data.file, d.actor]),
      [
        ["zip", "requester"],
        ["html", "requester"],
      ],
    );

    // The answer as sent, from the letter endpoint.
    const sent = await kit.call({ method: "GET", url: `${base}/letter?format=md`, headers: regis.headers });
    assert.equal(sent.headers["x-letter-state"], "sent");
    assert.ok(sent.body.includes("/o/regis/rights/package?token="));

    // Thirty days later the link is dead, in the person's language.
    kit.ctx.setNow("2026-12-24T09:00:01Z");
    const expired = await kit.call({ method: "GET", url: link, headers: { "accept-language": "en" } });
    assert.equal(expired.statusCode, 400);
    assert.ok(expired.body.includes("Download link invalid or expired"));
    assert.equal(expired.headers["cache-control"], "no-store");
    assert.equal(expired.headers["referrer-policy"], "no-referrer");
    const expiredFr = await kit.call({ method: "GET", url: `${link}&lang=fr` });
    assert.ok(expiredFr.body.includes("Lien de téléchargement invalide ou expiré"));
    const lateDownload = await kit.call({
      method: "POST",
      url: "/o/regis/rights/package/download",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ token, file: "zip" }).toString(),
    });
    assert.equal(lateDownload.statusCode, 400);
    assert.ok(!lateDownload.headers["content-disposition"]);
  });

  test("refusals that leave nothing behind: processors pending, identity unknown, empty package, wrong type", async () => {
    const pending = await kit.request(regis.id, { type: "erasure" });
    const at = kit.ctx.now().toISOString();
    await kit.ctx.db
      .insertInto("request_parties")
      .values({
        id: crypto.randomUUID(),
        request_id: pending,
        org_id: regis.id,
        role: "processor",
        party_ref: "hebergeur",
        name: "Hébergeur SAS",
        channel: "email",
        status: "sent",
        target_org_id: null,
        remote_request_id: null,
        data: "{}",
        sent_at: at,
        answered_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const blocked = await kit.call({
      method: "POST",
      url: `${answersOf("regis", pending)}/answer`,
      headers: regis.headers,
      payload: { outcome: "granted" },
    });
    assert.equal(blocked.statusCode, 409);
    assert.equal(blocked.json().details.rule, "processors_pending");

    const unverified = await kit.request(regis.id, {
      identityVerified: false,
      requester: { email: "x@example.net" },
    });
    const early = await kit.call({
      method: "POST",
      url: `${answersOf("regis", unverified)}/answer`,
      headers: regis.headers,
      payload: { outcome: "granted" },
    });
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().details.rule, "identity_not_verified");

    const empty = await kit.request(regis.id, { requester: { email: "y@example.net" } });
    const noData = await kit.call({
      method: "POST",
      url: `${answersOf("regis", empty)}/answer`,
      headers: regis.headers,
      payload: { outcome: "granted", includePackage: true },
    });
    assert.equal(noData.statusCode, 409);
    assert.equal(noData.json().details.rule, "package_empty");

    const wrongType = await kit.call({
      method: "POST",
      url: `${answersOf("regis", pending)}/answer`,
      headers: regis.headers,
      payload: { outcome: "granted", includePackage: true },
    });
    assert.equal(wrongType.statusCode, 400);
    assert.equal(wrongType.json().details.issues[0].path, "includePackage");

    for (const id of [pending, unverified, empty]) {
      assert.deepEqual(
        (await events(id)).map((e) => e.kind),
        ["created"],
      );
      const written = await kit.ctx.db
        .selectFrom("request_attachments")
        .select("id")
        .where("request_id", "=", id)
        .execute();
      assert.equal(written.length, 0);
    }
  });

  test("posting data: validated, typed to access and portability, closed once answered, size-limited", async () => {
    const id = await kit.request(regis.id);
    const url = `${answersOf("regis", id)}/data`;
    const post = (payload: unknown) =>
      kit.call({ method: "POST", url, headers: regis.headers, payload: payload as object });
    const bad = await post({ source: "CRM!", records: [{ a: 1 }] });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().details.issues[0].path, "source");
    assert.ok(!bad.body.includes("CRM!"), "the rejected value is not echoed");
    assert.equal((await post({ source: "crm", records: [] })).json().details.issues[0].path, "records");
    assert.equal((await post({ source: "crm", records: ["x"] })).json().details.issues[0].path, "records[0]");
    assert.equal((await post({ source: "crm", records: [{ a: 1 }], extra: 1 })).statusCode, 400);

    const erasure = await kit.request(regis.id, { type: "erasure", requester: { email: "z@example.net" } });
    const wrong = await kit.call({
      method: "POST",
      url: `${answersOf("regis", erasure)}/data`,
      headers: regis.headers,
      payload: { source: "crm", records: [{ a: 1 }] },
    });
    assert.equal(wrong.statusCode, 409);
    assert.equal(wrong.json().details.rule, "package_request_type");

    const big = "x".repeat(1000);
    const tooMany = await post({
      source: "crm",
      records: Array.from({ length: 5000 }, (_, i) => ({ i, big })),
    });
    assert.equal(tooMany.statusCode, 413);

    assert.equal((await post({ source: "crm", records: [{ a: 1 }] })).statusCode, 201);
    const answer = await kit.call({
      method: "POST",
      url: `${answersOf("regis", id)}/answer`,
      headers: regis.headers,
      payload: { outcome: "granted" },
    });
    assert.equal(answer.statusCode, 200);
    const late = await post({ source: "crm", records: [{ a: 2 }] });
    assert.equal(late.statusCode, 409);
    assert.equal(late.json().details.rule, "request_open");
  });
});
