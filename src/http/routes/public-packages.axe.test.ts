/**
 * Accessibility of the package pages, checked by axe-core in a real Chromium: the download page and the
 * invalid-link page, in French and English, must have no violation. The download buttons are plain forms.
 */
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { answerRequest } from "../../rights/answer/answer-request.ts";
import { addPackageData } from "../../rights/package/add-package-data.ts";
import { AXE_SKIP, type AxeBrowser, launchAxeBrowser } from "../../testing/axe-browser.ts";
import { type AnswersKit, packageLinkIn, startAnswersApi } from "./request-answers-test-kit.ts";

describe("package pages pass axe-core in Chromium", { skip: AXE_SKIP }, () => {
  let kit: AnswersKit;
  let base: string;
  let link: string;
  let browser: import("playwright-core").Browser;
  let axe: AxeBrowser["violations"];
  before(async () => {
    kit = await startAnswersApi("http-public-packages-axe");
    const regis = await kit.organisation("regis");
    const requestId = await kit.request(regis.id);
    await addPackageData(kit.ctx, {
      orgId: regis.id,
      requestId,
      actor: "test",
      source: "crm",
      records: [{ id: 1, name: "Léa" }],
    });
    const answer = await answerRequest(kit.ctx, {
      orgId: regis.id,
      requestId,
      actor: "test",
      input: { outcome: "granted" },
    });
    link = packageLinkIn(answer.letter.markdown);
    await kit.app.listen({ host: "127.0.0.1", port: 0 });
    base = `http://127.0.0.1:${(kit.app.server.address() as AddressInfo).port}`;
    ({ browser, violations: axe } = await launchAxeBrowser());
  });
  after(async () => {
    await browser?.close();
    await kit?.close();
  });

  async function violations(url: string): Promise<string[]> {
    const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: true });
    try {
      const page = await context.newPage();
      await page.goto(url);
      return await axe(page);
    } finally {
      await context.close();
    }
  }

  for (const lang of ["fr", "en"] as const) {
    test(`download page (${lang})`, async () => {
      assert.deepEqual(await violations(`${base}${link}&lang=${lang}`), []);
    });
    test(`invalid link page (${lang})`, async () => {
      assert.deepEqual(await violations(`${base}/o/regis/rights/package?token=expired&lang=${lang}`), []);
    });
  }

  test("the zip downloads from the page's button, without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
    try {
      const page = await context.newPage();
      await page.goto(`${base}${link}`);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: /archive/ }).click(),
      ]);
      assert.equal(download.suggestedFilename(), "DSR-2026-0001.zip");
    } finally {
      await context.close();
    }
  });
});
