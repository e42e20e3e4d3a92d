import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import { ConfigSchema } from "../../config/config.schema.ts";
import { isAppError } from "../../errors/app-error.ts";
import { signRequestLink, verifyRequestLink } from "./request-link.ts";

const key = randomBytes(32).toString("base64");
const config = Object.freeze(ConfigSchema.parse({ secretKey: key }));
const now = new Date("2026-11-24T10:00:00Z");
const invalid = (e: unknown) => isAppError(e) && (e.details as { reason: string }).reason === "invalid_link";

test("a link opens for its purpose until it expires", () => {
  const token = signRequestLink(config, {
    requestId: "r1",
    purpose: "status",
    expiresAt: now.getTime() + 1000,
    subject: "p",
  });
  assert.deepEqual(verifyRequestLink(config, token, "status", now), {
    requestId: "r1",
    purpose: "status",
    expiresAt: now.getTime() + 1000,
    subject: "p",
  });
  assert.throws(() => verifyRequestLink(config, token, "package", now), invalid);
  assert.throws(() => verifyRequestLink(config, token, "status", new Date(now.getTime() + 1001)), invalid);
});

test("two links for one request differ; a forged or altered one fails", () => {
  const claims = { requestId: "r1", purpose: "identity" as const, expiresAt: now.getTime() + 1000 };
  const a = signRequestLink(config, claims);
  assert.notEqual(a, signRequestLink(config, claims));
  const [payload, signature] = a.split(".");
  const forged = Buffer.from(JSON.stringify({ r: "r2", p: "identity", e: now.getTime() + 1000 })).toString(
    "base64url",
  );
  assert.throws(() => verifyRequestLink(config, `${forged}.${signature}`, "identity", now), invalid);
  assert.throws(() => verifyRequestLink(config, `${payload}.x${signature}`, "identity", now), invalid);
  assert.throws(() => verifyRequestLink(config, "garbage", "identity", now), invalid);
  const other = Object.freeze(ConfigSchema.parse({ secretKey: randomBytes(32).toString("base64") }));
  assert.throws(() => verifyRequestLink(other, a, "identity", now), invalid);
});

test("links signed before a key rotation keep working while the old key is listed", () => {
  const token = signRequestLink(config, {
    requestId: "r1",
    purpose: "package",
    expiresAt: now.getTime() + 1000,
  });
  const rotated = Object.freeze(
    ConfigSchema.parse({ secretKey: randomBytes(32).toString("base64"), previousSecretKeys: key }),
  );
  assert.equal(verifyRequestLink(rotated, token, "package", now).requestId, "r1");
});
