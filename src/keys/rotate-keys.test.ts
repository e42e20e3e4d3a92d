import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import type { AppContext } from "../app/app-context.ts";
import { verifyAudit } from "../audit/verify-audit.ts";
import { ConfigSchema } from "../config/config.schema.ts";
import { loadKeyring } from "../crypto/keyring.ts";
import { createOrganisation } from "../register/organisations/create-organisation.ts";
import { createRequest } from "../rights/requests/create-request.ts";
import { getRequest } from "../rights/requests/get-request.ts";
import { addRequestAttachment } from "../rights/staff/add-request-attachment.ts";
import { getRequestAttachment } from "../rights/staff/get-request-attachment.ts";
import { decryptEmail, emailLookupHash, encryptEmail } from "../subscriptions/protect-email.ts";
import { sampleOrganisation } from "../testing/fixtures.ts";
import { createTestContext, type TestContext } from "../testing/test-context.ts";
import { rotateKeys } from "./rotate-keys.ts";

// Every byte value, so a rotation that decoded the content as text would corrupt it.
const BINARY = Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256));

describe("rotateKeys", () => {
  const keyA = randomBytes(32).toString("base64");
  const keyB = randomBytes(32).toString("base64");
  let ctx: TestContext;
  let rotated: AppContext;
  let orgId: string;
  let requestId: string;
  before(async () => {
    ctx = await createTestContext("keys-rotate", { secretKey: keyA });
    orgId = (await createOrganisation(ctx, { body: sampleOrganisation("acme"), actor: "test" })).id;
    const created = await createRequest(ctx, {
      orgId,
      actor: "test",
      input: { type: "access", channel: "api", requester: { name: "Ana Lima", email: "ana@example.org" } },
    });
    requestId = created.request.id;
    await ctx.db
      .insertInto("subscribers")
      .values({
        id: "s1",
        org_id: orgId,
        email_hash: emailLookupHash(ctx.config, "sub@example.org"),
        email_encrypted: encryptEmail(ctx.config, "sub@example.org"),
        lang: "fr",
        status: "confirmed",
        created_at: ctx.now().toISOString(),
        confirmed_at: null,
        unsubscribed_at: null,
      })
      .execute();
    await addRequestAttachment(ctx, {
      orgId,
      requestId,
      actor: "test",
      input: {
        name: "scan-ana.bin",
        mediaType: "application/octet-stream",
        contentBase64: BINARY.toString("base64"),
        purpose: "identity",
      },
    });
    rotated = {
      ...ctx,
      config: Object.freeze(
        ConfigSchema.parse({ ...ctx.config, secretKey: keyB, previousSecretKeys: [keyA] }),
      ),
    };
  });
  after(() => ctx.close());

  test("a dry run counts what a rotation would re-seal and changes nothing", async () => {
    const report = await rotateKeys(rotated, { dryRun: true });
    assert.equal(report.total, 4, JSON.stringify(report));
    assert.equal(report.columns.find((c) => c.column === "requester_sealed")?.resealed, 1);
    assert.equal((await rotateKeys(rotated, { dryRun: true })).total, report.total);
  });

  test("re-seals every value under the new key; the old key is then no longer needed", async () => {
    const report = await rotateKeys(rotated);
    assert.equal(report.total, 4);
    assert.equal((await rotateKeys(rotated, { dryRun: true })).total, 0);
    const kid = loadKeyring(rotated.config).current.kid;
    const row = await ctx.db
      .selectFrom("requests")
      .select("requester_sealed")
      .where("id", "=", requestId)
      .executeTakeFirstOrThrow();
    assert.ok(row.requester_sealed.startsWith(`v2.${kid}.`));
    const onlyB: AppContext = {
      ...ctx,
      config: Object.freeze(ConfigSchema.parse({ ...ctx.config, secretKey: keyB, previousSecretKeys: [] })),
    };
    assert.equal((await getRequest(onlyB, { orgId, requestId })).requester.email, "ana@example.org");
    // Lookup hashes were recomputed: the same person asking again is still recognised as a duplicate.
    const again = await createRequest(onlyB, {
      orgId,
      actor: "test",
      input: { type: "access", channel: "api", requester: { email: "ANA@example.org" } },
    });
    assert.equal(again.duplicateOf?.id, requestId);
    const attachment = await ctx.db.selectFrom("request_attachments").select("id").executeTakeFirstOrThrow();
    const file = await getRequestAttachment(onlyB, { orgId, requestId, attachmentId: attachment.id });
    assert.deepEqual(Buffer.from(file.content), BINARY);
    assert.equal(file.meta.name, "scan-ana.bin");
    const sub = await ctx.db.selectFrom("subscribers").selectAll().executeTakeFirstOrThrow();
    assert.equal(decryptEmail(onlyB.config, sub.email_encrypted), "sub@example.org");
    assert.equal(sub.email_hash, emailLookupHash(onlyB.config, "Sub@Example.org"));
    assert.equal((await verifyAudit(ctx.db)).valid, true);
  });
});

test("gardien keys rotate: dry run, rotation, then nothing left", async () => {
  const { createTestStoreEnv } = await import("../testing/test-store-env.ts");
  const { runCliCapture } = await import("../testing/run-cli-capture.ts");
  const store = await createTestStoreEnv("keys-rotate-cli");
  try {
    const dry = await runCliCapture(["keys", "rotate", "--dry-run", "--json"], store.env);
    assert.equal(dry.code, 0, dry.stderr);
    assert.equal((JSON.parse(dry.stdout) as { dryRun: boolean }).dryRun, true);
    const bad = await runCliCapture(["keys", "rotate", "--dry-run=maybe"], store.env);
    assert.equal(bad.code, 2);
    const run = await runCliCapture(["keys", "rotate"], store.env);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /re-encrypted with key [0-9a-f]{8}/);
  } finally {
    await store.cleanup();
  }
});
