import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openApp } from "../../app/open-app.ts";
import { loadConfig } from "../../config/load-config.ts";
import { createOrganisation } from "../../register/organisations/create-organisation.ts";
import { createRequest } from "../../rights/requests/create-request.ts";
import { sampleOrganisation } from "../../testing/fixtures.ts";
import { runCliCapture } from "../../testing/run-cli-capture.ts";
import { type SmtpTestServer, startSmtpTestServer } from "../../testing/smtp-test-server.ts";
import { createTestStoreEnv } from "../../testing/test-store-env.ts";

let env: Record<string, string>;
let cleanup: () => Promise<void>;
let smtp: SmtpTestServer;

/** A store holding one request received 40 days ago (a letter entered late): past its due date. */
async function seedOverdueRequest(storeEnv: Record<string, string>): Promise<void> {
  const { ctx, close } = await openApp(loadConfig({ env: storeEnv }), { loadDemo: false });
  try {
    for (const slug of ["acme", "globex"]) {
      const body = { ...sampleOrganisation(slug), dpo: { email: `dpo@${slug}.example` } };
      const orgId = (await createOrganisation(ctx, { body, actor: "test" })).id;
      await createRequest(ctx, {
        orgId,
        actor: "test",
        input: {
          type: "access",
          channel: "letter",
          receivedAt: new Date(Date.now() - 40 * 86_400_000).toISOString(),
          requester: { name: "Jeanne Martin", email: "jeanne@example.net" },
        },
      });
    }
  } finally {
    await close();
  }
}

before(async () => {
  smtp = await startSmtpTestServer();
  ({ env, cleanup } = await createTestStoreEnv("rights-run-reminders"));
  env.GARDIEN_SMTP_URL = smtp.url;
  await seedOverdueRequest(env);
});
after(async () => {
  await cleanup();
  await smtp.close();
});

const cli = (...argv: string[]) => runCliCapture(argv, env);

test("rights run-reminders flags one organisation's overdue request, mails its DPO, and is idempotent", async () => {
  const first = await cli("rights", "run-reminders", "--org", "acme");
  assert.equal(first.code, 0, first.stderr);
  assert.match(
    first.stdout,
    /^1 open request\(s\) due soon or overdue: 0 reminder\(s\) queued, 1 flagged overdue/,
  );
  assert.match(first.stdout, /Mails: 1 sent, 0 to retry, 0 failed\./);
  assert.equal(smtp.mails.length, 1);
  assert.deepEqual(smtp.mails[0]!.to, ["dpo@acme.example"]);
  assert.ok(!first.stdout.includes("jeanne") && !first.stdout.includes("Jeanne"));

  const again = await cli("rights", "run-reminders", "--org", "acme", "--json");
  assert.equal(again.code, 0, again.stderr);
  const result = JSON.parse(again.stdout) as { overdue: number; reminders: number; candidates: number };
  assert.deepEqual([result.candidates, result.overdue, result.reminders], [0, 0, 0]);

  // Without --org: every organisation; Acme's request is not flagged twice.
  const all = await cli("rights", "run-reminders");
  assert.equal(all.code, 0, all.stderr);
  assert.match(all.stdout, /1 flagged overdue/);
  assert.equal(smtp.mails.length, 2);
  assert.deepEqual(smtp.mails[1]!.to, ["dpo@globex.example"]);
});

test("rights run-reminders refuses a bad or unknown organisation with the field named", async () => {
  const bad = await cli("rights", "run-reminders", "--org", "Not A Slug");
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--org/);
  const unknown = await cli("rights", "run-reminders", "--org", "nobody");
  assert.equal(unknown.code, 3);
  assert.match(unknown.stderr, /organisation/);
  const extra = await cli("rights", "run-reminders", "--orgs", "acme");
  assert.equal(extra.code, 2);
});
