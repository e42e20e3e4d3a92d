/**
 * Accessibility of the package pages, checked by axe-core in a real Chromium: the download page and the
 * invalid-link page, in French and English, must have no violation. The download buttons are plain forms.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { answerRequest } from "../../rights/answer/answer-request.ts";
import { addPackageData } from "../../rights/package/add-package-data.ts";
import { type AnswersKit, packageLinkIn, startAnswersApi } from "./request-answers-test-kit.ts";

const CHROMIUM = "/usr/bin/chromium";
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing: the axe-core checks need a real browser`;

describe("package pages pass axe-core in Chromium", { skip }, () => {
  let kit: AnswersKit;
  let base: string;
  let link: string;
  let browser: import("playwright-core").Browser;
  let axeSource: string;
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
    const { chromium } = await import("playwright-core");
    axeSource = (await import("axe-core")).default.source;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    });
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
      await page.addScriptTag({ content: axeSource });
      const result = (await page.evaluate("axe.run()")) as {
        violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }>;
      };
      return result.violations.map(
        (v) => `${v.id}: ${v.help} (${JSON.stringify(v.nodes.map((n) => n.target))})`,
      );
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
