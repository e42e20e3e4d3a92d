import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import type { AppContext } from "../../app/app-context.ts";
import { ConfigSchema } from "../../config/config.schema.ts";
import { openText } from "../../crypto/seal.ts";
import { rotateKeys } from "../../keys/rotate-keys.ts";
import { createTestContext, type TestContext } from "../../testing/test-context.ts";
import { forwardToController } from "./forward-to-controller.ts";
import { emailPartyRef } from "./resolve-controller-route.ts";
import { loadDemo, receiveRequest } from "./testing/forwarding-fixtures.ts";

const keyA = randomBytes(32).toString("base64");
const keyB = randomBytes(32).toString("base64");
const ADDRESS = "dpo@cabinet-durand.example";
let ctx: TestContext;
let julie: string;

before(async () => {
  ctx = await createTestContext("forward-key-rotation", { secretKey: keyA });
  julie = await loadDemo(ctx, "julie-desk");
});
after(() => ctx.close());

const withKeys = (secretKey: string, previousSecretKeys: string[]): AppContext => ({
  ...ctx,
  config: Object.freeze(ConfigSchema.parse({ ...ctx.config, secretKey, previousSecretKeys })),
});

const forward = (c: AppContext, requestId: string) =>
  forwardToController(c, {
    orgId: julie,
    requestId,
    actor: "test",
    body: { controllerRef: "slash-clients", email: ADDRESS.toUpperCase(), lang: "fr" },
  });

test("a controller reached by e-mail is still recognised after a key rotation and once the old key is gone", async () => {
  const request = await receiveRequest(ctx, { orgId: julie, role: "processor" });
  const first = await forward(ctx, request.id);
  assert.equal(first.party.ref, emailPartyRef(ctx.config, ADDRESS));
  const row = await ctx.db
    .selectFrom("request_parties")
    .select(["id", "address_sealed"])
    .where("id", "=", first.party.id)
    .executeTakeFirstOrThrow();
  assert.ok(row.address_sealed && !row.address_sealed.includes("cabinet-durand"), "the address is sealed");
  assert.equal(
    openText(ctx.config, row.address_sealed, { use: "email-encryption", aad: `party:${row.id}` }),
    ADDRESS.toUpperCase(),
  );

  // Restarted on a new key, before `keys rotate`: the stored ref is still under the old key.
  const rotating = withKeys(keyB, [keyA]);
  await assert.rejects(forward(rotating, request.id), (e: Error & { details?: unknown }) => {
    assert.match(JSON.stringify(e.details), /already_forwarded/);
    return true;
  });

  await rotateKeys(rotating);
  const onlyB = withKeys(keyB, []);
  const party = await ctx.db
    .selectFrom("request_parties")
    .select("party_ref")
    .where("id", "=", first.party.id)
    .executeTakeFirstOrThrow();
  assert.equal(party.party_ref, emailPartyRef(onlyB.config, ADDRESS), "the ref was recomputed");
  assert.notEqual(party.party_ref, first.party.ref);
  await assert.rejects(forward(onlyB, request.id), (e: Error & { details?: unknown }) => {
    assert.match(JSON.stringify(e.details), /already_forwarded/);
    return true;
  });
});
