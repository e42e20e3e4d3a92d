import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { isAppError } from "../../errors/app-error.ts";
import { createOrganisation } from "../../register/organisations/create-organisation.ts";
import { sampleOrganisation } from "../../testing/fixtures.ts";
import { createTestContext, type TestContext } from "../../testing/test-context.ts";
import { verifyIdentity } from "../identity/verify-identity.ts";
import { openQueuedMessage } from "../mail/enqueue-request-mail.ts";
import { updateRightsSettings } from "../settings/rights-settings.ts";
import { type IntakeSite, loadIntakeSite } from "./load-intake-site.ts";
import type { ValidForm } from "./request-form.ts";
import { submitRequestForm } from "./submit-request-form.ts";

const form = (email: string, type: ValidForm["type"] = "access"): ValidForm => ({
  type,
  name: "Hugo Lambert",
  email,
  customerId: undefined,
  activities: [],
  message: "Merci de m'envoyer mes données",
  representative: undefined,
});

describe("submitRequestForm", () => {
  let ctx: TestContext;
  let site: IntakeSite;
  const mails = () => ctx.db.selectFrom("request_mails").selectAll().orderBy("created_at").execute();

  before(async () => {
    ctx = await createTestContext("rights-submit-form", { publicUrl: "https://gardien.example" });
    const org = await createOrganisation(ctx, { body: sampleOrganisation("acme"), actor: "test" });
    await updateRightsSettings(ctx, { orgId: org.id, actor: "test", settings: { identityLinkHours: 24 } });
    site = await loadIntakeSite(ctx, "acme");
  });
  after(() => ctx.close());

  test("records a web-form request and queues its identity mail in the same transaction, sealed", async () => {
    const { request, duplicate, identityLinkHours } = await submitRequestForm(ctx, {
      site,
      form: form("hugo@example.org"),
      lang: "fr",
    });
    assert.equal(duplicate, false);
    assert.equal(identityLinkHours, 24);
    assert.equal(request.channel, "web_form");
    assert.equal(request.lang, "fr");
    const [mail] = await mails();
    assert.equal(mail!.kind, "identity_link");
    assert.equal(mail!.request_id, request.id);
    assert.doesNotMatch(JSON.stringify(mail), /hugo|Lambert/i, "the outbox holds the message sealed");
    const message = openQueuedMessage(ctx, mail!.id, mail!.message_sealed);
    assert.equal(message.to, "hugo@example.org");
    assert.match(message.text, /valable 24 heures/);
    assert.match(message.text, /https:\/\/gardien\.example\/o\/acme\/rights\/verify\?token=[^&\s]+&lang=fr/);
    assert.match(message.text, /https:\/\/gardien\.example\/o\/acme\/rights\/status\?token=[^&\s]+&lang=fr/);
    const sent = await ctx.db
      .selectFrom("request_events")
      .selectAll()
      .where("kind", "=", "identity_link_sent")
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(sent.data), { expiresAt: "2026-11-25T09:00:00.000Z", hours: 24 });
  });

  test("a duplicate of a confirmed request: a status notice without an identity link, once a day", async () => {
    const first = await submitRequestForm(ctx, {
      site,
      form: form("lucie@example.org", "erasure"),
      lang: "en",
    });
    await verifyIdentity(ctx, {
      orgId: site.orgId,
      requestId: first.request.id,
      actor: "requester",
      method: "email_link",
    });
    const before = (await mails()).length;
    const dup = await submitRequestForm(ctx, {
      site,
      form: form("LUCIE@example.org", "erasure"),
      lang: "en",
    });
    assert.equal(dup.duplicate, true);
    assert.equal(dup.request.status, "closed");
    const notice = (await mails()).slice(before);
    assert.equal(notice.length, 1);
    assert.equal(notice[0]!.kind, "status_update");
    assert.equal(notice[0]!.request_id, first.request.id);
    const text = openQueuedMessage(ctx, notice[0]!.id, notice[0]!.message_sealed).text;
    assert.match(text, /is still open: it will be handled once/);
    assert.doesNotMatch(text, /rights\/verify/);
    assert.match(text, /rights\/status\?token=/);
    await submitRequestForm(ctx, { site, form: form("lucie@example.org", "erasure"), lang: "en" });
    assert.equal((await mails()).length, before + 1, "no second notice the same day");
    ctx.setNow("2026-11-25T09:00:00.000Z");
    try {
      await submitRequestForm(ctx, { site, form: form("lucie@example.org", "erasure"), lang: "en" });
      assert.equal((await mails()).length, before + 2, "one the next day");
    } finally {
      ctx.setNow("2026-11-24T09:00:00.000Z");
    }
  });

  test("an activity unknown to the register is refused and nothing is queued", async () => {
    const before = (await mails()).length;
    await assert.rejects(
      submitRequestForm(ctx, {
        site,
        form: { ...form("max@example.org"), activities: ["ghost"] },
        lang: "fr",
      }),
      (e) => isAppError(e) && e.code === "VALIDATION_FAILED",
    );
    assert.equal((await mails()).length, before);
  });
});
