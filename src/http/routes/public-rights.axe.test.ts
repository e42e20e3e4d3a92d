/**
 * Accessibility of the person's rights pages, checked by axe-core in a real Chromium: the form (blank and
 * with errors), the page after sending (reached by filling and sending the form, with no script), the
 * identity confirmation, the answer page and the status page, in French and English — no violation at all.
 */
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { createToken } from "../../auth/create-token.ts";
import { type PublicKit, sampleActivity, startPublicKit } from "../../publication/testing/public-kit.ts";
import { scheduleMailDelivery } from "../../rights/intake/schedule-mail-delivery.ts";
import { signRequestLink } from "../../rights/links/request-link.ts";
import { AXE_SKIP, type AxeBrowser, launchAxeBrowser } from "../../testing/axe-browser.ts";

describe("public rights pages pass axe-core in Chromium", { skip: AXE_SKIP }, () => {
  let kit: PublicKit;
  let base: string;
  let browser: import("playwright-core").Browser;
  let violations: AxeBrowser["violations"];
  before(async () => {
    // Port 9 on loopback refuses: mails fail quietly, the pages behave as with a mail server.
    kit = await startPublicKit("http-public-rights-axe", { smtpUrl: "smtp://127.0.0.1:9" });
    await kit.writeRegister("acme", [
      sampleActivity("crm"),
      sampleActivity("newsletter", { name: { fr: "Lettre d'information", en: "Newsletter" } }),
    ]);
    assert.equal((await kit.publish("acme")).statusCode, 201);
    await kit.app.listen({ host: "127.0.0.1", port: 0 });
    base = `http://127.0.0.1:${(kit.app.server.address() as AddressInfo).port}`;
    ({ browser, violations } = await launchAxeBrowser());
  });
  after(async () => {
    await browser?.close();
    await scheduleMailDelivery(kit.ctx);
    await kit?.close();
  });

  /** Drives a page to the state to check (the status it ends on must be `expected`), then runs axe. */
  async function check(
    drive: (page: import("playwright-core").Page) => Promise<number | undefined>,
    expected = 200,
  ) {
    // The pages forbid every script (CSP); the test context lets axe in, and only axe.
    const context = await browser.newContext({ bypassCSP: true });
    try {
      const page = await context.newPage();
      const status = await drive(page);
      assert.equal(status, expected, "the page under test");
      assert.deepEqual(await violations(page), []);
      return status;
    } finally {
      await context.close();
    }
  }

  for (const lang of ["fr", "en"] as const) {
    test(`the form, blank (${lang})`, async () => {
      await check(async (page) => (await page.goto(`${base}/o/acme/rights?lang=${lang}`))?.status());
    });

    test(`the form with errors (${lang})`, async () => {
      await check(async (page) => {
        await page.goto(`${base}/o/acme/rights?lang=${lang}`);
        await page.fill("#name", "Jeanne Martin");
        await page.fill("#email", "not-an-address");
        const [response] = await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
        assert.equal(response?.status(), 400);
        assert.equal(await page.locator(".error-summary li").count(), 2);
        return response?.status();
      }, 400);
    });

    test(`the page after sending, reached without script (${lang})`, async () => {
      await check(async (page) => {
        await page.goto(`${base}/o/acme/rights?lang=${lang}`);
        await page.check("#type-portability");
        await page.fill("#name", "Jeanne Martin");
        await page.fill("#email", `jeanne.${lang}@example.org`);
        await page.check("#activity-crm");
        await page.fill("#message", "Mes données de fidélité, s'il vous plaît.");
        const [response] = await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
        assert.equal(response?.status(), 200);
        assert.match(await page.content(), /DSR-2026-000\d/);
        return response?.status();
      });
    });

    test(`the identity confirmation, the answer page and the status page (${lang})`, async () => {
      const row = await kit.ctx.db
        .selectFrom("requests")
        .select(["id"])
        .orderBy("number", "desc")
        .executeTakeFirstOrThrow();
      const expiresAt = Date.parse("2027-06-01T00:00:00Z");
      const identity = signRequestLink(kit.ctx.config, { requestId: row.id, purpose: "identity", expiresAt });
      await check(async (page) =>
        (await page.goto(`${base}/o/acme/rights/verify?token=${identity}&lang=${lang}`))?.status(),
      );
      // Confirming leads to the "confirmed" page.
      await check(async (page) => {
        await page.goto(`${base}/o/acme/rights/verify?token=${identity}&lang=${lang}`);
        const [response] = await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
        assert.equal(response?.status(), 200);
        return response?.status();
      });
      // Staff ask for more information; the answer page.
      const staff = {
        authorization: `Bearer ${(await createToken(kit.ctx, { orgSlug: "acme", name: `axe-${lang}`, actor: "test" })).token}`,
      };
      const asked = await kit.call({
        method: "POST",
        url: `/api/v1/organisations/acme/requests/${row.id}/identity/request-more-info`,
        headers: staff,
        payload: {
          reason: "Two customers share this name",
          question: "Which town is your account registered in?",
        },
      });
      assert.equal(asked.statusCode, 200, asked.body);
      const moreInfo = signRequestLink(kit.ctx.config, {
        requestId: row.id,
        purpose: "more-info",
        expiresAt,
        subject: asked.json().ask,
      });
      await check(async (page) =>
        (await page.goto(`${base}/o/acme/rights/more-info?token=${moreInfo}&lang=${lang}`))?.status(),
      );
      await check(async (page) => {
        await page.goto(`${base}/o/acme/rights/more-info?token=${moreInfo}&lang=${lang}`);
        const [response] = await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
        assert.equal(response?.status(), 400, "an empty answer is an error");
        return response?.status();
      }, 400);
      const status = signRequestLink(kit.ctx.config, { requestId: row.id, purpose: "status", expiresAt });
      await check(async (page) => {
        const response = await page.goto(`${base}/o/acme/rights/status?token=${status}&lang=${lang}`);
        assert.equal(response?.status(), 200);
        assert.equal(await page.locator("button[name=action]").count(), 1);
        return response?.status();
      });
      // Withdrawn: the page without its button.
      await check(async (page) => {
        await page.goto(`${base}/o/acme/rights/status?token=${status}&lang=${lang}`);
        const [response] = await Promise.all([page.waitForNavigation(), page.click("button[name=action]")]);
        assert.equal(response?.status(), 200);
        return response?.status();
      });
    });
  }
});
