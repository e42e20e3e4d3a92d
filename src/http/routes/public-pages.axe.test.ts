/**
 * Accessibility of the public site, checked by axe-core in a real Chromium on the published Régis register
 * (demo data): every page type, in French and English, must have no violation at all.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { demoRegisterPath, readRegisterYaml } from "../../demo/read-demo-registers.ts";
import { type PublicKit, startPublicKit } from "../../publication/testing/public-kit.ts";
import { importRegister } from "../../register/io/import-register.ts";

const CHROMIUM = "/usr/bin/chromium";
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing: the axe-core checks need a real browser`;

describe("public pages pass axe-core in Chromium", { skip }, () => {
  let kit: PublicKit;
  let base: string;
  let browser: import("playwright-core").Browser;
  let axeSource: string;
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
    const { chromium } = await import("playwright-core");
    axeSource = (await import("axe-core")).default.source;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
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
          await page.addScriptTag({ content: axeSource });
          const result = (await page.evaluate("axe.run()")) as {
            violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }>;
          };
          const summary = result.violations.map(
            (v) => `${v.id}: ${v.help} (${JSON.stringify(v.nodes.map((n) => n.target))})`,
          );
          assert.deepEqual(summary, []);
        } finally {
          await context.close();
        }
      });
    }
  }
});
