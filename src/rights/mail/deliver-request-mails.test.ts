import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createOrganisation } from "../../register/organisations/create-organisation.ts";
import { sampleOrganisation } from "../../testing/fixtures.ts";
import { type SmtpTestServer, startSmtpTestServer } from "../../testing/smtp-test-server.ts";
import { createTestContext, type TestContext } from "../../testing/test-context.ts";
import { createRequest } from "../requests/create-request.ts";
import { deliverRequestMails } from "./deliver-request-mails.ts";
import { enqueueRequestMail } from "./enqueue-request-mail.ts";

describe("deliverRequestMails", () => {
  let smtp: SmtpTestServer;
  let ctx: TestContext;
  let orgId: string;
  let requestId: string;
  const message = (n: number) => ({
    to: `person${n}@example.org`,
    subject: `Votre demande ${n}`,
    text: "Bonjour",
    lang: "fr" as const,
  });
  const events = async () =>
    (
      await ctx.db
        .selectFrom("request_events")
        .select("kind")
        .where("request_id", "=", requestId)
        .orderBy("seq")
        .execute()
    ).map((e) => e.kind);

  before(async () => {
    smtp = await startSmtpTestServer();
    ctx = await createTestContext("rights-deliver-mails", { smtpUrl: smtp.url });
    orgId = (await createOrganisation(ctx, { body: sampleOrganisation("acme"), actor: "test" })).id;
    requestId = (
      await createRequest(ctx, {
        orgId,
        actor: "test",
        input: {
          type: "access",
          channel: "api",
          requester: { email: "a@example.org" },
          identityVerified: true,
        },
      })
    ).request.id;
  });
  after(async () => {
    await ctx.close();
    await smtp.close();
  });

  test("sends each queued mail once, sealed at rest, with a letter_sent entry on the timeline", async () => {
    await ctx.db.transaction().execute(async (trx) => {
      await enqueueRequestMail(ctx, trx, { orgId, requestId, kind: "answer", message: message(1) });
      assert.equal(
        await enqueueRequestMail(ctx, trx, {
          orgId,
          requestId,
          kind: "reminder",
          dedupeKey: "k1",
          message: message(2),
        }),
        true,
      );
      assert.equal(
        await enqueueRequestMail(ctx, trx, {
          orgId,
          requestId,
          kind: "reminder",
          dedupeKey: "k1",
          message: message(2),
        }),
        false,
      );
    });
    const raw = JSON.stringify(await ctx.db.selectFrom("request_mails").selectAll().execute());
    assert.ok(!raw.includes("person1") && !raw.includes("Votre demande"));
    assert.deepEqual(await deliverRequestMails(ctx), { sent: 2, retried: 0, failed: 0 });
    assert.deepEqual(await deliverRequestMails(ctx), { sent: 0, retried: 0, failed: 0 });
    assert.deepEqual(smtp.mails.map((m) => m.to[0]).sort(), ["person1@example.org", "person2@example.org"]);
    assert.deepEqual((await events()).slice(-2).sort(), ["letter_sent", "reminder_sent"]);
  });

  test("a mail left `sending` by a crashed sender is sent once its lease has run out", async () => {
    await ctx.db
      .transaction()
      .execute((trx) =>
        enqueueRequestMail(ctx, trx, { orgId, requestId, kind: "answer", message: message(3) }),
      );
    // The crash: claimed (status sending, lease 10 min ahead), never sent.
    await ctx.db
      .updateTable("request_mails")
      .set({ status: "sending", next_attempt_at: new Date(ctx.now().getTime() + 600_000).toISOString() })
      .where("status", "=", "queued")
      .execute();
    assert.equal((await deliverRequestMails(ctx)).sent, 0);
    ctx.setNow(new Date(ctx.now().getTime() + 601_000).toISOString());
    assert.equal((await deliverRequestMails(ctx)).sent, 1);
    assert.equal(smtp.mails.filter((m) => m.to[0] === "person3@example.org").length, 1);
  });

  test("an unreachable server: retried with backoff, then failed and shown on the request", async () => {
    const down: TestContext = {
      ...ctx,
      config: Object.freeze({ ...ctx.config, smtpUrl: "smtp://127.0.0.1:9" }),
    };
    await ctx.db
      .transaction()
      .execute((trx) =>
        enqueueRequestMail(ctx, trx, { orgId, requestId, kind: "answer", message: message(4) }),
      );
    let counts = { sent: 0, retried: 0, failed: 0 };
    for (let i = 0; i < 6; i++) {
      counts = await deliverRequestMails(down);
      if (counts.failed > 0) break;
      assert.equal(counts.retried, 1);
      assert.equal((await deliverRequestMails(down)).retried, 0, "not retried before its backoff");
      ctx.setNow(new Date(ctx.now().getTime() + 13 * 3_600_000).toISOString());
    }
    assert.equal(counts.failed, 1);
    assert.equal((await events()).at(-1), "mail_failed");
    const row = await ctx.db
      .selectFrom("request_mails")
      .selectAll()
      .where("status", "=", "failed")
      .executeTakeFirstOrThrow();
    assert.equal(row.attempts, 6);
  });
});
