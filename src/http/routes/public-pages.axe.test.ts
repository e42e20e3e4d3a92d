/**
 * Accessibility of the public site, checked by axe-core in a real Chromium on the published Régis register
 * (demo data): every page type, in French and English, must have no violation at all.
 */
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { demoRegisterPath, readRegisterYaml } from "../../demo/read-demo-registers.ts";
import { type PublicKit, startPublicKit } from "../../publication/testing/public-kit.ts";
import { importRegister } from "../../register/io/import-register.ts";
import { AXE_SKIP, type AxeBrowser, launchAxeBrowser } from "../../testing/axe-browser.ts";

describe("public pages pass axe-core in Chromium", { skip: AXE_SKIP }, () => {
  let kit: PublicKit;
  let base: string;
  let browser: import("playwright-core").Browser;
  let violations: AxeBrowser["violations"];
  before(async () => {
    kit = await startPublicKit("http-public-axe", { smtpUrl: "smtp://127.0.0.1:9" });
    await importRegister(kit.ctx, {
      body: readRegisterYaml(demoRegisterPath("regis")),
      actor: "test",
      allowCreate: true,
    });
    assert.equal((await kit.publish("regis")).statusCode, 201);
    await kit.app.listen({ host: "127.0.0.1", port: 0 });
    base = `http://127.0.0.1:${(kit.app.server.address() as AddressInfo).port}`;
    ({ browser, violations } = await launchAxeBrowser());
  });
  after(async () => {
    await browser?.close();
    await kit?.close();
  });

  const pages = ["register", "privacy", "notice", "activities/chatbot-intents-metiers", "subscribe"];
  for (const lang of ["fr", "en"]) {
    for (const path of pages) {
      test(`/o/regis/${path}?lang=${lang}`, async () => {
        // The pages forbid every script (CSP); the test context lets axe in, and only axe.
        const context = await browser.newContext({ bypassCSP: true });
        try {
          const page = await context.newPage();
          const res = await page.goto(`${base}/o/regis/${path}?lang=${lang}`);
          assert.equal(res?.status(), 200);
          assert.deepEqual(await violations(page), []);
        } finally {
          await context.close();
        }
      });
    }
  }
});
