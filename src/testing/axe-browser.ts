import { existsSync } from "node:fs";
import type { Browser, Page } from "playwright-core";

const CHROMIUM = "/usr/bin/chromium";

/** For `describe(…, { skip: AXE_SKIP })`: the reason when no browser is installed, else false. */
export const AXE_SKIP: string | false = existsSync(CHROMIUM)
  ? false
  : `${CHROMIUM} is missing: the axe-core checks need a real browser`;

export type AxeBrowser = {
  browser: Browser;
  /** Runs axe-core in the page; one line per violation (rule, help, targets), empty when the page passes. */
  violations: (page: Page) => Promise<string[]>;
  close: () => Promise<void>;
};

/**
 * A headless Chromium for accessibility checks. The public pages forbid every script (CSP): open them in a
 * context created with `{ bypassCSP: true }` so that axe, and only axe, can run.
 */
export async function launchAxeBrowser(): Promise<AxeBrowser> {
  const { chromium } = await import("playwright-core");
  const axeSource = (await import("axe-core")).default.source;
  const browser = await chromium.launch({
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
  return {
    browser,
    violations: async (page) => {
      await page.addScriptTag({ content: axeSource });
      const result = (await page.evaluate("axe.run()")) as {
        violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }>;
      };
      return result.violations.map(
        (v) => `${v.id}: ${v.help} (${JSON.stringify(v.nodes.map((n) => n.target))})`,
      );
    },
    close: () => browser.close(),
  };
}
