import assert from "node:assert/strict";
import { test } from "node:test";
import { ConfigSchema } from "../config/config.schema.ts";
import { isAppError } from "../errors/app-error.ts";
import { assertPublicUpstream, isPrivateAddress } from "./assert-public-upstream.ts";

const strict = Object.freeze(ConfigSchema.parse({}));
const lenient = Object.freeze(ConfigSchema.parse({ aiAllowPrivateUpstreams: "true" }));

test("private, loopback, link-local and unique-local addresses are recognised", () => {
  for (const a of [
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "::1",
    "::",
    "fd00::1",
    "fe80::1",
    "::ffff:127.0.0.1",
  ]) {
    assert.equal(isPrivateAddress(a), true, a);
  }
  for (const a of [
    "1.1.1.1",
    "172.32.0.1",
    "8.8.8.8",
    "2001:4860:4860::8888",
    "::ffff:8.8.8.8",
    "100.128.0.1",
  ]) {
    assert.equal(isPrivateAddress(a), false, a);
  }
});

test("settings pointing at the install's network are refused unless the install allows it", async () => {
  await assert.rejects(
    assertPublicUpstream(strict, "http://127.0.0.1:11434/v1", "settings"),
    (e: unknown) => {
      assert.ok(isAppError(e));
      assert.equal(e.code, "VALIDATION_FAILED");
      assert.deepEqual(
        (e.details as { issues: Array<{ path: string; rule: string }> }).issues.map((i) => [i.path, i.rule]),
        [["upstreamUrl", "public_address"]],
      );
      return true;
    },
  );
  await assert.rejects(assertPublicUpstream(strict, "http://localhost:8080/v1", "settings"));
  await assert.rejects(
    assertPublicUpstream(strict, "http://[::1]:8080/v1", "call"),
    (e: unknown) => isAppError(e) && e.code === "NOT_CONFIGURED",
  );
  await assert.rejects(assertPublicUpstream(strict, "http://169.254.169.254/latest", "settings"));
  await assertPublicUpstream(lenient, "http://127.0.0.1:11434/v1", "settings");
  await assertPublicUpstream(strict, "https://93.184.215.14/v1", "settings");
});
