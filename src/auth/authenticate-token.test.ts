import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { isAppError } from "../errors/app-error.ts";
import { archiveOrganisation } from "../register/organisations/archive-organisation.ts";
import { createOrganisation } from "../register/organisations/create-organisation.ts";
import { sampleOrganisation } from "../testing/fixtures.ts";
import { createTestContext, type TestContext } from "../testing/test-context.ts";
import { authenticateToken } from "./authenticate-token.ts";
import { createToken, hashToken } from "./create-token.ts";
import { revokeToken } from "./revoke-token.ts";

let ctx: TestContext;
before(async () => {
  ctx = await createTestContext("authenticate-token");
  await createOrganisation(ctx, { body: sampleOrganisation("t-org"), actor: "t" });
  await createOrganisation(ctx, { body: sampleOrganisation("t-gone"), actor: "t" });
});
after(() => ctx.close());

const rejected = (err: unknown) => isAppError(err) && err.code === "UNAUTHENTICATED";

test("a token is stored only as its SHA-256 and authenticates to its scope", async () => {
  const created = await createToken(ctx, { orgSlug: "t-org", name: "n", actor: "t" });
  const row = await ctx.db
    .selectFrom("api_tokens")
    .selectAll()
    .where("id", "=", created.id)
    .executeTakeFirstOrThrow();
  assert.equal(row.token_hash, hashToken(created.token));
  assert.ok(!Object.values(row).includes(created.token));
  const principal = await authenticateToken(ctx, created.token);
  assert.equal(principal.admin, false);
  assert.equal(principal.actor, `token:${created.id}`);
  await assert.rejects(authenticateToken(ctx, `${created.token}x`), rejected);
  await assert.rejects(authenticateToken(ctx, "not-a-token"), rejected);
});

test("a revoked token is refused at once, even right after a successful (cached) check", async () => {
  const created = await createToken(ctx, { orgSlug: "t-org", name: "n", actor: "t" });
  await authenticateToken(ctx, created.token);
  await revokeToken(ctx, { id: created.id, actor: "t" });
  await assert.rejects(authenticateToken(ctx, created.token), rejected);
});

test("the tokens of an archived organisation stop working", async () => {
  const created = await createToken(ctx, { orgSlug: "t-gone", name: "n", actor: "t" });
  await authenticateToken(ctx, created.token);
  await archiveOrganisation(ctx, { slug: "t-gone", actor: "t" });
  await assert.rejects(authenticateToken(ctx, created.token), rejected);
});
