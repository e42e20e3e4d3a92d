import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import pino from "pino";
import type { AppContext } from "../../app/app-context.ts";
import { createOrganisation } from "../../register/organisations/create-organisation.ts";
import { sampleOrganisation } from "../../testing/fixtures.ts";
import { type SmtpTestServer, startSmtpTestServer } from "../../testing/smtp-test-server.ts";
import { createTestContext, type TestContext } from "../../testing/test-context.ts";
import { createRequest } from "../requests/create-request.ts";
import { startRightsScheduler } from "./start-rights-scheduler.ts";

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe("startRightsScheduler", () => {
  let ctx: TestContext;
  let smtp: SmtpTestServer;
  let orgId: string;
  before(async () => {
    smtp = await startSmtpTestServer();
    ctx = await createTestContext("rights-scheduler", { smtpUrl: smtp.url });
    orgId = (await createOrganisation(ctx, { body: sampleOrganisation("acme"), actor: "test" })).id;
    // A letter received on 1 February, entered on 26 February: due 1 March, 3 days left.
    ctx.setNow("2027-02-26T10:00:00Z");
    await createRequest(ctx, {
      orgId,
      actor: "test",
      input: {
        type: "erasure",
        channel: "letter",
        receivedAt: "2027-02-01T10:00:00Z",
        requester: { email: "jeanne@example.net" },
      },
    });
  });
  after(async () => {
    await ctx.close();
    await smtp.close();
  });

  test("runs every interval, sends a due reminder once however many runs, and stops cleanly", async () => {
    let ticks = 0;
    const scheduler = startRightsScheduler(ctx, {
      intervalMs: 10,
      firstRunDelayMs: 0,
      onTick: (outcome) => {
        assert.ok("result" in outcome);
        ticks++;
      },
    });
    await smtp.waitFor(1);
    await until(() => ticks >= 5);
    await scheduler.stop();
    const stoppedAt = ticks;
    await new Promise((r) => setTimeout(r, 60));
    assert.equal(ticks, stoppedAt, "no run after stop()");
    assert.equal(smtp.mails.length, 1, "one reminder for five runs and more");
    assert.deepEqual(smtp.mails[0]!.to, ["privacy@example.org"]);
    await scheduler.stop(); // idempotent
  });

  test("a failing run is logged without personal data, and the next runs go on", async () => {
    const lines: string[] = [];
    const log = pino({ level: "info" }, { write: (line: string) => lines.push(line) });
    let broken = true;
    // A store that fails with a message quoting personal data, as a driver error may.
    const db = new Proxy(ctx.db, {
      get(target, property) {
        if (broken && property === "selectFrom") {
          return () => {
            throw new Error('relation failed for "Jeanne Martin" <jeanne@example.net>');
          };
        }
        const value = Reflect.get(target, property, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const failing: AppContext = { ...ctx, db, log };
    const outcomes: string[] = [];
    const scheduler = startRightsScheduler(failing, {
      intervalMs: 5,
      firstRunDelayMs: 0,
      onTick: (outcome) => {
        outcomes.push("error" in outcome ? "error" : "ok");
        if (outcomes.length === 2) broken = false;
      },
    });
    await until(() => outcomes.includes("ok"));
    await scheduler.stop();
    assert.deepEqual(outcomes.slice(0, 2), ["error", "error"]);
    const logged = lines.join("");
    assert.match(logged, /rights scheduler run failed/);
    assert.match(logged, /\[quoted\]/);
    for (const personal of ["Jeanne", "Martin", "jeanne@example.net"]) {
      assert.ok(!logged.includes(personal), `log holds ${personal}`);
    }
  });
});
