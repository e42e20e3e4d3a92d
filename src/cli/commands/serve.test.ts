import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { openApp } from "../../app/open-app.ts";
import { loadConfig } from "../../config/load-config.ts";
import { createOrganisation } from "../../register/organisations/create-organisation.ts";
import { createRequest } from "../../rights/requests/create-request.ts";
import { sampleOrganisation } from "../../testing/fixtures.ts";
import { runCliCapture } from "../../testing/run-cli-capture.ts";
import { startSmtpTestServer } from "../../testing/smtp-test-server.ts";
import { createTestStoreEnv } from "../../testing/test-store-env.ts";

let env: Record<string, string>;
let cleanup: () => Promise<void>;
before(async () => {
  ({ env, cleanup } = await createTestStoreEnv("serve"));
});
after(() => cleanup());

/** What `npm start` runs, as a real process on a real port: demo loaded, health, OpenAPI, a clean stop. */
test("serve starts on the configured port with the demo organisations and stops on SIGTERM", {
  timeout: 60_000,
}, async () => {
  const root = join(import.meta.dirname, "../../..");
  const child = spawn(
    process.execPath,
    [join(root, "src/main.ts"), "serve", "--port", "0", "--host", "127.0.0.1"],
    {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  try {
    let out = "";
    child.stdout.setEncoding("utf8");
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line in time: ${out}`)), 20_000);
      child.stdout.on("data", (chunk: string) => {
        out += chunk;
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      let errors = "";
      child.stderr.setEncoding("utf8");
      child.stderr.on("data", (chunk: string) => {
        errors += chunk;
      });
      child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${errors}`)));
    });
    const health = await fetch(`${url}/healthz`);
    assert.equal(health.status, 200);
    assert.equal(((await health.json()) as { status: string }).status, "ok");
    const openapi = (await (await fetch(`${url}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: object;
    };
    assert.match(openapi.openapi, /^3\./);
    assert.ok(Object.keys(openapi.paths).some((p) => p.includes("activities")));
    const orgs = await fetch(`${url}/api/v1/organisations`);
    assert.equal(orgs.status, 401, "the register is not readable without a token");
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      const [code] = await exited;
      assert.equal(code, 0, "a clean stop on SIGTERM");
    }
  }
});

/** The scheduler `serve` starts: an overdue request is flagged and its DPO mailed, and SIGTERM still stops cleanly. */
test("serve runs the rights reminders at --rights-interval and stops them on SIGTERM", {
  timeout: 60_000,
}, async () => {
  const smtp = await startSmtpTestServer();
  const store = await createTestStoreEnv("serve-rights");
  try {
    const { ctx, close } = await openApp(loadConfig({ env: store.env }), { loadDemo: false });
    try {
      const orgId = (
        await createOrganisation(ctx, {
          body: { ...sampleOrganisation("acme"), dpo: { email: "dpo@acme.example" } },
          actor: "test",
        })
      ).id;
      await createRequest(ctx, {
        orgId,
        actor: "test",
        input: {
          type: "erasure",
          channel: "letter",
          receivedAt: new Date(Date.now() - 40 * 86_400_000).toISOString(),
          requester: { email: "jeanne@example.net" },
        },
      });
    } finally {
      await close();
    }
    const root = join(import.meta.dirname, "../../..");
    const child = spawn(
      process.execPath,
      [join(root, "src/main.ts"), "serve", "--port", "0", "--host", "127.0.0.1", "--rights-interval", "1"],
      {
        env: { ...process.env, ...store.env, GARDIEN_SMTP_URL: smtp.url },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const exited = once(child, "exit");
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      out += chunk;
    });
    try {
      const [mail] = await smtp.waitFor(1, 20_000);
      assert.deepEqual(mail!.to, ["dpo@acme.example"]);
      assert.match(out, /rights reminders: every 1 s/);
    } finally {
      child.kill("SIGTERM");
    }
    const [code] = await exited;
    assert.equal(code, 0, "a clean stop on SIGTERM with the scheduler running");
    assert.equal(smtp.mails.length, 1, "one overdue mail, whatever the number of runs");
  } finally {
    await store.cleanup();
    await smtp.close();
  }
});

test("serve refuses a bad --rights-interval before opening anything", async () => {
  for (const value of ["-1", "soon", "90000"]) {
    const result = await runCliCapture(["serve", "--rights-interval", value], env);
    assert.equal(result.code, 2, value);
    assert.match(result.stderr, /--rights-interval/);
  }
});
