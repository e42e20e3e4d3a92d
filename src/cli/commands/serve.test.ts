import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { after, before, test } from "node:test";
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
