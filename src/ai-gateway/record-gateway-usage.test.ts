import assert from "node:assert/strict";
import { test } from "node:test";
import { createOrganisation } from "../register/organisations/create-organisation.ts";
import { sampleOrganisation } from "../testing/fixtures.ts";
import { createTestContext } from "../testing/test-context.ts";
import { getGatewayUsage } from "./get-gateway-usage.ts";
import { recordGatewayUsage } from "./record-gateway-usage.ts";

test("usage: concurrent calls add up exactly, per organisation, day and type", async () => {
  const ctx = await createTestContext("ai-gateway-usage");
  try {
    const a = await createOrganisation(ctx, { body: sampleOrganisation("org-a"), actor: "test" });
    const b = await createOrganisation(ctx, { body: sampleOrganisation("org-b"), actor: "test" });
    // Types given in different orders, all at once: no lost update, no deadlock on PostgreSQL.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        recordGatewayUsage(ctx, {
          orgId: a.id,
          counts: i % 2 === 0 ? { PERSON: 2, EMAIL: 1 } : { EMAIL: 1, PERSON: 2, IBAN: 0 },
        }),
      ),
    );
    await recordGatewayUsage(ctx, { orgId: a.id, counts: {} });
    await recordGatewayUsage(ctx, { orgId: b.id, counts: { FR_NIR: 1 } });

    const usage = await getGatewayUsage(ctx, { orgId: a.id });
    assert.deepEqual(usage.totals, {
      requests: 21,
      replacements: 60,
      byType: { EMAIL: { replacements: 20, requests: 20 }, PERSON: { replacements: 40, requests: 20 } },
    });
    const other = await getGatewayUsage(ctx, { orgId: b.id });
    assert.deepEqual(other.totals.byType, { FR_NIR: { replacements: 1, requests: 1 } }, "per organisation");
  } finally {
    await ctx.close();
  }
});
