import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { isAppError } from "../errors/app-error.ts";
import { loadConfig } from "./load-config.ts";

function dirWithConfig(content?: string, name = "gardien.config.json"): string {
  const dir = mkdtempSync(join(tmpdir(), "gardien-config-"));
  if (content !== undefined) writeFileSync(join(dir, name), content);
  return dir;
}

test("defaults apply when nothing is set, and the result is frozen", () => {
  const cwd = dirWithConfig();
  const config = loadConfig({ argv: [], env: {}, cwd });
  assert.equal(config.port, 3000);
  assert.equal(config.dataDir, join(cwd, "data"));
  assert.equal(config.databaseUrl, undefined);
  assert.ok(Object.isFrozen(config));
  assert.throws(() => {
    (config as { port: number }).port = 1;
  }, TypeError);
});

test("a flag beats the environment, which beats the file", () => {
  const cwd = dirWithConfig(JSON.stringify({ port: 4000, logLevel: "warn", dataDir: "/tmp/from-file" }));
  const config = loadConfig({ argv: ["--port", "5000"], env: { PORT: "4500", LOG_LEVEL: "debug" }, cwd });
  assert.equal(config.port, 5000);
  assert.equal(config.logLevel, "debug");
  assert.equal(config.dataDir, "/tmp/from-file");
  assert.equal(loadConfig({ argv: ["--port=5001"], env: {}, cwd }).port, 5001);
});

test("a YAML config file named by GARDIEN_CONFIG is read", () => {
  const cwd = dirWithConfig("port: 4100\nloadDemo: false\n", "custom.yaml");
  const config = loadConfig({ argv: [], env: { GARDIEN_CONFIG: "custom.yaml" }, cwd });
  assert.equal(config.port, 4100);
  assert.equal(config.loadDemo, false);
});

test("an invalid value stops the start with a message naming the setting and its source", () => {
  const cwd = dirWithConfig();
  assert.throws(
    () => loadConfig({ argv: [], env: { PORT: "seventy" }, cwd }),
    (err: unknown) =>
      isAppError(err) &&
      err.code === "CONFIG_INVALID" &&
      /port \(from environment variable PORT\)/.test(err.message),
  );
  assert.throws(
    () => loadConfig({ argv: [], env: { DATABASE_URL: "mysql://x" }, cwd }),
    (err: unknown) => isAppError(err) && /databaseUrl/.test(err.message) && !/mysql:\/\/x/.test(err.message),
  );
  const bad = dirWithConfig(JSON.stringify({ prot: 1 }));
  assert.throws(() => loadConfig({ argv: [], env: {}, cwd: bad }), /config file/);
});

test("trustProxy reads true or a list of addresses, and names the rule otherwise", () => {
  assert.equal(loadConfig({ env: {} }).trustProxy, false);
  assert.equal(loadConfig({ env: { GARDIEN_TRUST_PROXY: "true" } }).trustProxy, true);
  assert.deepEqual(
    loadConfig({ env: { GARDIEN_TRUST_PROXY: "10.0.0.0/8, 127.0.0.1, fd00::/8" } }).trustProxy,
    ["10.0.0.0/8", "127.0.0.1", "fd00::/8"],
  );
  const dir = dirWithConfig(JSON.stringify({ trustProxy: ["10.0.0.1", "10.1.0.0/16"] }));
  assert.deepEqual(loadConfig({ argv: [], env: {}, cwd: dir }).trustProxy, ["10.0.0.1", "10.1.0.0/16"]);
  // A hop count would let a client that reaches the port directly choose its own address.
  for (const bad of ["everyone", "2", "1.2.3.4/999", "...", "10.0.0.0/33", "10.0.0.1/8/2"]) {
    assert.throws(
      () => loadConfig({ env: { GARDIEN_TRUST_PROXY: bad } }),
      /GARDIEN_TRUST_PROXY[\s\S]*not a hop count|not a hop count[\s\S]*GARDIEN_TRUST_PROXY/,
      bad,
    );
  }
});

test("piiWarmup is on unless turned off, and names the setting when it is not a boolean", () => {
  assert.equal(loadConfig({ env: {} }).piiWarmup, true);
  assert.equal(loadConfig({ env: { GARDIEN_PII_WARMUP: "false" } }).piiWarmup, false);
  assert.equal(loadConfig({ argv: ["--pii-warmup", "0"], env: {} }).piiWarmup, false);
  assert.throws(
    () => loadConfig({ env: { GARDIEN_PII_WARMUP: "sometimes" } }),
    /piiWarmup \(from environment variable GARDIEN_PII_WARMUP\)/,
  );
});

test("piiWorkers reads auto or a number of threads, and names the rule otherwise", () => {
  assert.equal(loadConfig({ env: {} }).piiWorkers, "auto");
  assert.equal(loadConfig({ env: { GARDIEN_PII_WORKERS: "0" } }).piiWorkers, 0);
  assert.equal(loadConfig({ argv: ["--pii-workers", "3"], env: {} }).piiWorkers, 3);
  for (const bad of ["many", "-1", "1.5", "65"]) {
    assert.throws(
      () => loadConfig({ env: { GARDIEN_PII_WORKERS: bad } }),
      /piiWorkers \(from environment variable GARDIEN_PII_WORKERS\)/,
      bad,
    );
  }
});
