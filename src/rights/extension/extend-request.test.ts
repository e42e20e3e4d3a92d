import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { isAppError } from "../../errors/app-error.ts";
import { createDocument } from "../../register/documents/create-document.ts";
import { createOrganisation } from "../../register/organisations/create-organisation.ts";
import { sampleActivity, sampleOrganisation } from "../../testing/fixtures.ts";
import { type SmtpTestServer, startSmtpTestServer } from "../../testing/smtp-test-server.ts";
import { createTestContext, type TestContext } from "../../testing/test-context.ts";
import { getRequestStatus } from "../intake/get-request-status.ts";
import { deliverRequestMails } from "../mail/deliver-request-mails.ts";
import { createRequest } from "../requests/create-request.ts";
import { readExtension } from "../requests/request-record.ts";
import { transitionRequest } from "../requests/transition-request.ts";
import { extendRequest } from "./extend-request.ts";

const REASON = "Votre demande porte sur douze années d'archives réparties dans trois logiciels.";

describe("extendRequest (Art. 12(3))", () => {
  let ctx: TestContext;
  let smtp: SmtpTestServer;
  let orgId: string;
  before(async () => {
    smtp = await startSmtpTestServer();
    ctx = await createTestContext("rights-extend-request", { smtpUrl: smtp.url });
    orgId = (await createOrganisation(ctx, { body: sampleOrganisation("acme"), actor: "test" })).id;
    await createDocument(ctx, { kind: "activity", orgId, body: sampleActivity("crm"), actor: "test" });
  });
  after(async () => {
    await ctx.close();
    await smtp.close();
  });

  const newRequest = async (
    receivedAt: string,
    requester: Record<string, string> = { email: "ines@example.net", name: "Inès Quentel" },
  ) =>
    (
      await createRequest(ctx, {
        orgId,
        actor: "test",
        input: {
          type: "access",
          channel: "email",
          receivedAt,
          requester,
          identityVerified: true,
          lang: "fr",
        },
      })
    ).request;

  const conflictRule = (rule: string) => (e: unknown) => {
    assert.ok(isAppError(e), String(e));
    assert.equal(e.code, "CONFLICT");
    assert.equal((e.details as { rule: string }).rule, rule);
    return true;
  };

  test("within the first month: the due date moves, the timeline records it, the person is told the new date and why", async () => {
    ctx.setNow("2027-02-10T09:00:00Z");
    const request = await newRequest("2027-02-01T10:00:00+01:00");
    assert.equal(request.dueOn, "2027-03-01");
    const result = await extendRequest(ctx, {
      orgId,
      requestId: request.id,
      actor: "token:t1",
      input: { extraMonths: 2, reason: REASON },
      expectedRevision: 1,
    });
    // 1 February + 3 months = Saturday 1 May 2027 (also a holiday) → Monday 3 May (Reg. 1182/71 Art. 3(4)).
    assert.equal(result.request.dueOn, "2027-05-03");
    assert.equal(result.request.originalDueOn, "2027-03-01");
    assert.deepEqual(result.request.extension, { extraMonths: 2, reason: REASON, decidedOn: "2027-02-10" });
    assert.equal(result.request.revision, 2);
    assert.equal(result.delivery, "email");

    const event = await ctx.db
      .selectFrom("request_events")
      .selectAll()
      .where("request_id", "=", request.id)
      .where("kind", "=", "extended")
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(event.data), {
      extraMonths: 2,
      originalDueOn: "2027-03-01",
      from: "2027-03-01",
      dueOn: "2027-05-03",
      decidedOn: "2027-02-10",
      revision: 2,
    });
    assert.ok(event.data_sealed, "the reason is sealed on the timeline");
    assert.ok(!event.data_sealed.includes("archives"));
    const stored = await ctx.db
      .selectFrom("requests")
      .select(["extension", "extension_reason_sealed"])
      .where("id", "=", request.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(stored.extension ?? ""), { extraMonths: 2, decidedOn: "2027-02-10" });
    assert.ok(stored.extension_reason_sealed, "the reason is sealed on the request too");
    assert.ok(!stored.extension_reason_sealed.includes("archives"));
    const row = await ctx.db
      .selectFrom("requests")
      .selectAll()
      .where("id", "=", request.id)
      .executeTakeFirstOrThrow();
    const status = await getRequestStatus(ctx, row);
    assert.equal(status.extension?.reason, REASON, "the person's status page still gives the reason");
    // An extension decided before the reason was sealed keeps it in the JSON, and still reads.
    const legacy = {
      ...row,
      extension: JSON.stringify({ extraMonths: 1, reason: "ancien", decidedOn: "2026-01-05" }),
    };
    assert.equal(readExtension(ctx.config, { ...legacy, extension_reason_sealed: null })?.reason, "ancien");

    assert.deepEqual(await deliverRequestMails(ctx), { sent: 1, retried: 0, failed: 0 });
    const [mail] = await smtp.waitFor(1);
    assert.deepEqual(mail!.to, ["ines@example.net"]);
    const text = mail!.body.replace(/\s+/g, " ");
    assert.ok(text.includes("Nous vous répondrons au plus tard le 3 mai 2027."));
    assert.ok(text.includes(REASON));
    assert.ok(text.includes("art. 12.3 du RGPD"));
    assert.ok(text.includes("1er février 2027"), "date of receipt");
    assert.ok(text.includes("DSR-2027-0001"));
    assert.match(mail!.headers, /Subject: .*DSR-2027-0001/);

    await assert.rejects(
      extendRequest(ctx, {
        orgId,
        requestId: request.id,
        actor: "t",
        input: { extraMonths: 1, reason: "encore" },
      }),
      conflictRule("already_extended"),
    );
  });

  test("on the original due date it is too late: refused with that date, nothing changes", async () => {
    ctx.setNow("2027-02-10T09:00:00Z");
    // Another person: the same person's open access request would be a duplicate (closed at once).
    const request = await newRequest("2027-02-01T10:00:00+01:00", { email: "late@example.net" });
    // 23:30 in Paris on 28 February: still within the first month.
    ctx.setNow("2027-02-28T22:30:00Z");
    const lastDay = await newRequest("2027-02-01T10:00:00+01:00", { email: "other@example.net" });
    assert.equal(
      (
        await extendRequest(ctx, {
          orgId,
          requestId: lastDay.id,
          actor: "t",
          input: { extraMonths: 1, reason: "x" },
        })
      ).request.dueOn,
      "2027-04-01",
    );
    // 00:30 in Paris on 1 March, the original due date.
    ctx.setNow("2027-02-28T23:30:00Z");
    await assert.rejects(
      extendRequest(ctx, {
        orgId,
        requestId: request.id,
        actor: "t",
        input: { extraMonths: 2, reason: REASON },
      }),
      (e: unknown) => {
        conflictRule("after_first_month")(e);
        assert.deepEqual((e as { details: unknown }).details, {
          rule: "after_first_month",
          originalDueOn: "2027-03-01",
          today: "2027-03-01",
        });
        assert.match((e as Error).message, /first month ended on 2027-03-01/);
        return true;
      },
    );
    const row = await ctx.db
      .selectFrom("requests")
      .selectAll()
      .where("id", "=", request.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.due_on, "2027-03-01");
    assert.equal(row.extension, null);
  });

  test("refuses answered requests, stale revisions and bad input", async () => {
    ctx.setNow("2027-06-02T09:00:00Z");
    const request = await newRequest("2027-06-01T10:00:00+02:00", { email: "third@example.net" });
    await assert.rejects(
      extendRequest(ctx, {
        orgId,
        requestId: request.id,
        actor: "t",
        input: { extraMonths: 3, reason: "x" },
      }),
      (e: unknown) => isAppError(e) && e.code === "VALIDATION_FAILED",
    );
    await assert.rejects(
      extendRequest(ctx, {
        orgId,
        requestId: request.id,
        actor: "t",
        input: { extraMonths: 1, reason: "  " },
      }),
      (e: unknown) =>
        isAppError(e) && (e.details as { issues: { path: string }[] }).issues[0]?.path === "reason",
    );
    await assert.rejects(
      extendRequest(ctx, {
        orgId,
        requestId: request.id,
        actor: "t",
        input: { extraMonths: 1, reason: "x" },
        expectedRevision: 9,
      }),
      conflictRule("revision"),
    );
    await transitionRequest(ctx, {
      orgId,
      requestId: request.id,
      to: "answered",
      outcome: "granted",
      actor: "t",
    });
    await assert.rejects(
      extendRequest(ctx, {
        orgId,
        requestId: request.id,
        actor: "t",
        input: { extraMonths: 1, reason: "x" },
      }),
      conflictRule("request_open"),
    );
  });

  test("a requester without e-mail: extended, the notice is for the post", async () => {
    ctx.setNow("2027-06-02T09:00:00Z");
    const request = await newRequest("2027-06-01T10:00:00+02:00", {
      postalAddress: "2 place du Marché, 29000 Quimper",
    });
    const result = await extendRequest(ctx, {
      orgId,
      requestId: request.id,
      actor: "t",
      input: { extraMonths: 1, reason: "Nombre de demandes exceptionnel." },
    });
    assert.equal(result.delivery, "post");
    assert.ok(result.notice.markdown.includes("Nombre de demandes exceptionnel."));
    const queued = await ctx.db
      .selectFrom("request_mails")
      .select("id")
      .where("request_id", "=", request.id)
      .execute();
    assert.equal(queued.length, 0);
  });
});
