import assert from "node:assert/strict";
import { createHash, randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { verifyAudit } from "../../audit/verify-audit.ts";
import { UnsealError } from "../../crypto/seal.ts";
import { ATTACHMENT_MAX_BYTES, openAttachmentContent } from "../../rights/staff/attachment-record.ts";
import { type Headers, issuesOf } from "../testing/api-test-kit.ts";
import { ATTACHMENT_BODY_LIMIT, contentDisposition } from "./requests-attachments.ts";
import {
  assertError,
  assertNoLeak,
  letterFrom,
  type RequestsKit,
  requestsOf,
  startRequestsApi,
} from "./requests-test-kit.ts";

const LETTER = Buffer.from("%PDF-1.7\nLettre de Jeanne Quillardet, 12 rue des Lilas\n%%EOF\n");
const LETTER_NAME = "Lettre reçue – Quillardet.pdf";

const upload = (content: Buffer, overrides: Record<string, unknown> = {}) => ({
  name: LETTER_NAME,
  mediaType: "application/pdf",
  contentBase64: content.toString("base64"),
  purpose: "correspondence",
  ...overrides,
});

describe("staff requests: attachments", () => {
  let kit: RequestsKit;
  let acme: Headers;
  let url: string;
  let otherUrl: string;
  before(async () => {
    kit = await startRequestsApi("http-requests-attachments");
    acme = await kit.organisation("acme");
    url = `${requestsOf("acme")}/${await kit.enter("acme", acme, { ...letterFrom(), identityVerified: true })}/attachments`;
    otherUrl = `${requestsOf("acme")}/${await kit.enter("acme", acme, {
      type: "erasure",
      channel: "email",
      receivedAt: "2026-11-23",
      requester: { email: "paul.tessier@example.net" },
    })}/attachments`;
  });
  after(() => kit.close());

  test("attach → list → download the same bytes with safe headers → delete; each on the timeline and audit", async () => {
    const res = await kit.call({ method: "POST", url, headers: acme, payload: upload(LETTER) });
    assert.equal(res.statusCode, 201, res.body);
    const meta = res.json();
    assert.equal(res.headers.location, `${url}/${meta.id}`);
    assert.equal(meta.name, LETTER_NAME);
    assert.equal(meta.size, LETTER.length);
    assert.equal(meta.sha256, createHash("sha256").update(LETTER).digest("hex"));
    assert.equal(meta.purpose, "correspondence");
    assert.match(meta.actor, /^token:/);

    const details = (
      await kit.call({ method: "GET", url: url.replace(/\/attachments$/, ""), headers: acme })
    ).json();
    assert.deepEqual(details.attachments, [meta]);
    const added = details.timeline.at(-1);
    assert.equal(added.kind, "attachment_added");
    assert.deepEqual(added.data, {
      attachmentId: meta.id,
      purpose: "correspondence",
      mediaType: "application/pdf",
      size: LETTER.length,
      sha256: meta.sha256,
    });

    const download = await kit.call({ method: "GET", url: `${url}/${meta.id}`, headers: acme });
    assert.equal(download.statusCode, 200);
    assert.deepEqual(download.rawPayload, LETTER);
    assert.equal(download.headers["content-type"], "application/pdf");
    assert.equal(download.headers["x-content-type-options"], "nosniff");
    assert.equal(download.headers["cache-control"], "no-store");
    assert.equal(
      download.headers["content-disposition"],
      `attachment; filename="Lettre re_ue _ Quillardet.pdf"; filename*=UTF-8''Lettre%20re%C3%A7ue%20%E2%80%93%20Quillardet.pdf`,
    );

    const removed = await kit.call({ method: "DELETE", url: `${url}/${meta.id}`, headers: acme });
    assert.equal(removed.statusCode, 204, removed.body);
    const gone = await kit.call({ method: "GET", url: `${url}/${meta.id}`, headers: acme });
    assertError(gone, 404, "NOT_FOUND");
    const again = await kit.call({ method: "DELETE", url: `${url}/${meta.id}`, headers: acme });
    assertError(again, 404, "NOT_FOUND");
    assert.equal((await kit.ctx.db.selectFrom("request_attachments").selectAll().execute()).length, 0);
    const after = (
      await kit.call({ method: "GET", url: url.replace(/\/attachments$/, ""), headers: acme })
    ).json();
    assert.deepEqual(after.attachments, []);
    assert.deepEqual(
      after.timeline.map((e: { kind: string }) => e.kind),
      ["created", "attachment_added", "attachment_removed"],
    );
    const actions = await kit.ctx.db
      .selectFrom("audit_entries")
      .select("action")
      .where("entity_id", "=", after.request.id)
      .orderBy("seq")
      .execute();
    assert.deepEqual(
      actions.map((a) => a.action),
      ["request.created", "request.attachment_added", "request.attachment_removed"],
    );
    assert.equal((await verifyAudit(kit.ctx.db)).valid, true);
  });

  test("at rest, neither the file nor its name is readable, and a sealed file moved to another row does not open", async () => {
    const a = (await kit.call({ method: "POST", url, headers: acme, payload: upload(LETTER) })).json();
    const b = (
      await kit.call({
        method: "POST",
        url,
        headers: acme,
        payload: upload(Buffer.from("carte d'identité"), {
          name: "cni.txt",
          mediaType: "text/plain",
          purpose: "identity",
        }),
      })
    ).json();
    const rows = await kit.ctx.db.selectFrom("request_attachments").selectAll().execute();
    const raw = JSON.stringify(rows);
    for (const plain of [
      "Quillardet",
      "Lettre",
      "cni.txt",
      "%PDF",
      "carte d",
      LETTER.toString("base64").slice(0, 24),
    ]) {
      assert.equal(raw.includes(plain), false, `the table holds ${plain}`);
    }
    for (const row of rows) {
      assert.match(row.content_sealed, /^v2\./);
      assert.match(row.name_sealed, /^v2\./);
    }
    const rowA = rows.find((r) => r.id === a.id)!;
    const rowB = rows.find((r) => r.id === b.id)!;
    await kit.ctx.db
      .updateTable("request_attachments")
      .set({ content_sealed: rowA.content_sealed, sha256: rowA.sha256, size: rowA.size })
      .where("id", "=", b.id)
      .execute();
    assert.throws(
      () => openAttachmentContent(kit.ctx.config, { ...rowB, content_sealed: rowA.content_sealed }),
      UnsealError,
    );
    const swapped = await kit.call({ method: "GET", url: `${url}/${b.id}`, headers: acme });
    assertError(swapped, 500, "INTERNAL");
    assert.equal(swapped.rawPayload.includes(Buffer.from("%PDF")), false);
    // The original still opens.
    const original = await kit.call({ method: "GET", url: `${url}/${a.id}`, headers: acme });
    assert.deepEqual(original.rawPayload, LETTER);
    await kit.ctx.db.deleteFrom("request_attachments").where("id", "=", b.id).execute();
  });

  test("an attachment is only reached through its own request", async () => {
    const a = (await kit.call({ method: "POST", url, headers: acme, payload: upload(LETTER) })).json();
    const wrong = await kit.call({ method: "GET", url: `${otherUrl}/${a.id}`, headers: acme });
    assertError(wrong, 404, "NOT_FOUND");
    const wrongDelete = await kit.call({ method: "DELETE", url: `${otherUrl}/${a.id}`, headers: acme });
    assertError(wrongDelete, 404, "NOT_FOUND");
    const unknown = await kit.call({ method: "GET", url: `${url}/${randomUUID()}`, headers: acme });
    assertError(unknown, 404, "NOT_FOUND");
    const still = await kit.call({ method: "GET", url: `${url}/${a.id}`, headers: acme });
    assert.equal(still.statusCode, 200);
  });

  test("a file over 10 MiB is a 413 that states the limit, whether the body fits Fastify's limit or not", async () => {
    const before = (await kit.ctx.db.selectFrom("request_attachments").select("id").execute()).length;
    const justOver = await kit.call({
      method: "POST",
      url,
      headers: acme,
      payload: upload(Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 1)),
    });
    const farOver = await kit.call({
      method: "POST",
      url,
      headers: { ...acme, "content-type": "application/json" },
      payload: JSON.stringify(upload(Buffer.alloc(ATTACHMENT_BODY_LIMIT, 1))),
    });
    for (const res of [justOver, farOver]) {
      assertError(res, 413, "PAYLOAD_TOO_LARGE");
      assert.deepEqual(res.json().details, { field: "contentBase64", limitBytes: 10485760 });
      assert.equal(
        res.json().message,
        "An attachment may hold at most 10 MiB (10485760 bytes) once decoded.",
      );
    }
    const fr = await kit.call({
      method: "POST",
      url,
      headers: { ...acme, "accept-language": "fr" },
      payload: upload(Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 1)),
    });
    assert.match(fr.json().message, /ne peut pas dépasser 10 Mio \(10485760 octets\)/);
    const exactly = await kit.call({
      method: "POST",
      url,
      headers: acme,
      payload: upload(Buffer.alloc(ATTACHMENT_MAX_BYTES, 2), {
        name: "export.bin",
        mediaType: "application/octet-stream",
      }),
    });
    assert.equal(exactly.statusCode, 201, "exactly the limit is accepted");
    assert.equal(exactly.json().size, ATTACHMENT_MAX_BYTES);
    assert.equal(
      (await kit.ctx.db.selectFrom("request_attachments").select("id").execute()).length,
      before + 1,
    );
  });

  test("bad uploads are 400s naming the field; nothing is stored", async () => {
    const before = (await kit.ctx.db.selectFrom("request_attachments").select("id").execute()).length;
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [upload(LETTER, { purpose: "misc" }), "purpose", "invalid_value"],
      [upload(LETTER, { contentBase64: "not base64!" }), "contentBase64", "invalid_format"],
      [upload(LETTER, { contentBase64: "" }), "contentBase64", "not_empty"],
      [upload(LETTER, { name: "../../etc/passwd" }), "name", "custom"],
      [upload(LETTER, { name: "a\r\nSet-Cookie: x.pdf" }), "name", "custom"],
      [upload(LETTER, { mediaType: "application/pdf; charset=binary" }), "mediaType", "invalid_format"],
      [upload(LETTER, { sha256: "00" }), "sha256", "unrecognized_keys"],
    ];
    for (const [payload, path, rule] of cases) {
      const res = await kit.call({ method: "POST", url, headers: acme, payload });
      assertError(res, 400, "VALIDATION_FAILED");
      const issue = issuesOf(res)[0]!;
      assert.deepEqual([issue.path, issue.rule], [path, rule], JSON.stringify(issuesOf(res)));
    }
    assert.equal((await kit.ctx.db.selectFrom("request_attachments").select("id").execute()).length, before);
    assertNoLeak(kit.logs.join("\n"), "logs");
    assert.equal(kit.logs.join("\n").includes("Lettre"), false);
  });

  test("Content-Disposition cannot be broken out of by a name", () => {
    assert.equal(
      contentDisposition('a"b\\c%.txt'),
      `attachment; filename="a_b_c_.txt"; filename*=UTF-8''a%22b%5Cc%25.txt`,
    );
  });
});
