/**
 * Accessibility of the counterpart pages, checked by axe-core in a real Chromium: the controller's decision
 * page and the processor's answer page, in French and English, as a form, with an error, and once answered.
 */
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { type PublicKit, startPublicKit } from "../../publication/testing/public-kit.ts";
import { importRegister } from "../../register/io/import-register.ts";
import { forwardToController } from "../../rights/forwarding/forward-to-controller.ts";
import { instructProcessors } from "../../rights/forwarding/instruct-processors.ts";
import { type PartyPage, partyPagePath, signPartyLink } from "../../rights/forwarding/party-links.ts";
import { createRequest } from "../../rights/requests/create-request.ts";
import { AXE_SKIP, type AxeBrowser, launchAxeBrowser } from "../../testing/axe-browser.ts";
import { sampleActivity, sampleOrganisation } from "../../testing/fixtures.ts";

describe("counterpart pages pass axe-core in Chromium", { skip: AXE_SKIP }, () => {
  let kit: PublicKit;
  let base: string;
  let browser: import("playwright-core").Browser;
  let violations: AxeBrowser["violations"];
  const tokens: Record<PartyPage, string[]> = { "controller-decision": [], "processor-answer": [] };

  before(async () => {
    kit = await startPublicKit("http-party-pages-axe");
    const summary = await importRegister(kit.ctx, {
      body: {
        gardien: 1,
        organisation: sampleOrganisation("acme"),
        processors: [
          { ref: "hoster", name: "Hoster", kind: "processor", contact: { email: "dpo@hoster.example" } },
        ],
        activities: [
          sampleActivity("crm", {
            recipients: [{ kind: "processor", name: { en: "Host" }, processorRef: "hoster" }],
          }),
        ],
        processorRegister: [
          {
            ref: "client",
            status: "active",
            controller: { name: "Client", contact: { email: "dpo@client.example" } },
          },
        ],
      },
      actor: "test",
      allowCreate: true,
    });
    const orgId = summary.organisation.id;
    // Two of each: one page stays a form, the other is answered in the browser.
    for (const email of ["a@example.org", "b@example.org"]) {
      const asProcessor = await createRequest(kit.ctx, {
        orgId,
        actor: "test",
        input: {
          type: "erasure",
          channel: "email",
          role: "processor",
          identityVerified: true,
          requester: { email },
        },
      });
      const { party } = await forwardToController(kit.ctx, {
        orgId,
        requestId: asProcessor.request.id,
        actor: "test",
        body: { controllerRef: "client" },
      });
      tokens["controller-decision"].push(
        signPartyLink(kit.ctx.config, {
          requestId: asProcessor.request.id,
          partyId: party.id,
          now: new Date(),
        }).token,
      );
      const asController = await createRequest(kit.ctx, {
        orgId,
        actor: "test",
        input: { type: "access", channel: "email", identityVerified: true, requester: { email } },
      });
      const { parties } = await instructProcessors(kit.ctx, {
        orgId,
        requestId: asController.request.id,
        actor: "test",
        body: {},
      });
      tokens["processor-answer"].push(
        signPartyLink(kit.ctx.config, {
          requestId: asController.request.id,
          partyId: parties[0]!.id,
          now: new Date(),
        }).token,
      );
    }
    await kit.app.listen({ host: "127.0.0.1", port: 0 });
    base = `http://127.0.0.1:${(kit.app.server.address() as AddressInfo).port}`;
    ({ browser, violations } = await launchAxeBrowser());
  });
  after(async () => {
    await browser?.close();
    await kit?.close();
  });

  for (const which of ["controller-decision", "processor-answer"] as const) {
    for (const lang of ["fr", "en"] as const) {
      test(`${which} (${lang}): form, form with an error`, async () => {
        const context = await browser.newContext({ bypassCSP: true });
        try {
          const page = await context.newPage();
          const res = await page.goto(
            `${base}${partyPagePath({ slug: "acme", page: which, token: tokens[which][0]!, lang })}`,
          );
          assert.equal(res?.status(), 200);
          assert.equal(await page.getAttribute("html", "lang"), lang);
          assert.deepEqual(await violations(page), []);
          // Submitted without a choice (the browser's own check switched off): the error page.
          await Promise.all([
            page.waitForNavigation(),
            page.evaluate("{ const f = document.querySelector('form'); f.noValidate = true; f.submit(); }"),
          ]);
          assert.ok((await page.content()).includes('role="alert"'));
          assert.deepEqual(await violations(page), []);
        } finally {
          await context.close();
        }
      });
    }
    test(`${which}: answered in the browser, without JavaScript`, async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.goto(
          `${base}${partyPagePath({ slug: "acme", page: which, token: tokens[which][1]!, lang: "en" })}`,
        );
        await page.check(which === "controller-decision" ? "#choice-confirm" : "#choice-completed");
        await page.fill("#text", "Done on our side.");
        await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
        assert.match(await page.content(), /recorded/);
      } finally {
        await context.close();
      }
      const checked = await browser.newContext({ bypassCSP: true });
      try {
        const page = await checked.newPage();
        await page.goto(
          `${base}${partyPagePath({ slug: "acme", page: which, token: tokens[which][1]!, lang: "fr" })}`,
        );
        assert.deepEqual(await violations(page), []);
      } finally {
        await checked.close();
      }
    });
  }
});
