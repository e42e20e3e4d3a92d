import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { CompiledQuery, sql } from "kysely";
import { isAppError } from "../../errors/app-error.ts";
import { createDocument } from "../../register/documents/create-document.ts";
import { createOrganisation } from "../../register/organisations/create-organisation.ts";
import { sampleActivity, sampleOrganisation } from "../../testing/fixtures.ts";
import { createTestContext, type TestContext } from "../../testing/test-context.ts";
import { answerRequest } from "../answer/answer-request.ts";
import { createRequest } from "../requests/create-request.ts";
import { addPackageData } from "./add-package-data.ts";
import { collectPackageContent } from "./collect-package-content.ts";
import { PACKAGE_LIMITS } from "./package-data.types.ts";
import { GENERATED_PACKAGE } from "./publish-package.ts";
import { expiredPackagesQuery, purgeExpiredPackages } from "./purge-expired-packages.ts";

describe("the data package on the store", () => {
  let ctx: TestContext;
  let orgId: string;
  before(async () => {
    ctx = await createTestContext("rights-package-store");
    orgId = (await createOrganisation(ctx, { body: sampleOrganisation("acme"), actor: "test" })).id;
    await createDocument(ctx, { kind: "activity", orgId, body: sampleActivity("crm"), actor: "test" });
  });
  after(() => ctx.close());

  const newRequest = async (email: string, type: "access" | "portability" = "portability") =>
    (
      await createRequest(ctx, {
        orgId,
        actor: "test",
        input: { type, channel: "api", requester: { email }, identityVerified: true },
      })
    ).request.id;

  test("postings are sealed, merged by source and type in arrival order, and recorded without their values", async () => {
    const requestId = await newRequest("marc.quibel@example.net");
    await addPackageData(ctx, {
      orgId,
      requestId,
      actor: "token:sys",
      source: "crm",
      recordType: "contact",
      records: [{ name: "Marc Quibel", phone: "+33 6 11 22 33 44" }],
    });
    await addPackageData(ctx, {
      orgId,
      requestId,
      actor: "token:sys",
      source: "billing",
      records: [{ invoice: "F-1", amount: 12 }],
    });
    const second = await addPackageData(ctx, {
      orgId,
      requestId,
      actor: "token:sys",
      source: "crm",
      recordType: "contact",
      records: [{ name: "M. Quibel" }],
    });
    assert.equal(second.records, 1);
    assert.equal(second.recordType, "contact");
    const content = await collectPackageContent(ctx, ctx.db, { orgId, requestId });
    assert.deepEqual(content.sources, [
      { source: "billing", types: [{ recordType: "records", records: [{ invoice: "F-1", amount: 12 }] }] },
      {
        source: "crm",
        types: [
          {
            recordType: "contact",
            records: [{ name: "Marc Quibel", phone: "+33 6 11 22 33 44" }, { name: "M. Quibel" }],
          },
        ],
      },
    ]);
    const stored = JSON.stringify(
      await ctx.db
        .selectFrom("request_attachments")
        .selectAll()
        .where("request_id", "=", requestId)
        .execute(),
    );
    const events = JSON.stringify(
      await ctx.db.selectFrom("request_events").selectAll().where("request_id", "=", requestId).execute(),
    );
    const audit = JSON.stringify(await ctx.db.selectFrom("audit_entries").selectAll().execute());
    for (const value of ["Quibel", "+33 6 11", "F-1"]) {
      assert.ok(!stored.includes(value), `attachments hold ${value}`);
      assert.ok(!events.includes(value), `events hold ${value}`);
      assert.ok(!audit.includes(value), `audit holds ${value}`);
    }
    assert.match(events, /\\"dataSource\\":\\"crm\\"/);
    const rows = await ctx.db
      .selectFrom("request_attachments")
      .select(["purpose", "source", "media_type"])
      .where("request_id", "=", requestId)
      .execute();
    assert.ok(
      rows.every((r) => r.purpose === "package" && r.source === "api" && r.media_type === "application/json"),
    );
  });

  test("a posting over the size limit is refused with the limit, and nothing is stored", async () => {
    const requestId = await newRequest("big@example.net");
    const chunk = "x".repeat(1000);
    const records = Array.from({ length: Math.ceil(PACKAGE_LIMITS.maxBytes / 1000) + 10 }, () => ({ chunk }));
    await assert.rejects(
      addPackageData(ctx, {
        orgId,
        requestId,
        actor: "t",
        source: "crm",
        records: records.slice(0, 9000),
      }),
      (e: unknown) =>
        isAppError(e) &&
        e.code === "PAYLOAD_TOO_LARGE" &&
        (e.details as { limitBytes: number }).limitBytes === PACKAGE_LIMITS.maxBytes,
    );
    await assert.rejects(
      addPackageData(ctx, {
        orgId,
        requestId: "00000000-0000-4000-8000-000000000000",
        actor: "t",
        source: "crm",
        records: [{}],
      }),
      (e: unknown) => isAppError(e) && e.code === "NOT_FOUND",
    );
    const rows = await ctx.db
      .selectFrom("request_attachments")
      .select("id")
      .where("request_id", "=", requestId)
      .execute();
    assert.equal(rows.length, 0);
  });

  test("built packages are purged once their link has expired, with a timeline entry", async () => {
    ctx.setNow("2026-11-24T09:00:00Z");
    const requestId = await newRequest("purge@example.net", "access");
    await addPackageData(ctx, {
      orgId,
      requestId,
      actor: "t",
      source: "crm",
      records: [{ a: 1 }],
    });
    const answer = await answerRequest(ctx, { orgId, requestId, actor: "t", input: { outcome: "granted" } });
    assert.ok(answer.package);
    ctx.setNow("2026-12-24T08:59:59Z");
    assert.deepEqual(await purgeExpiredPackages(ctx), { removed: 0 });
    ctx.setNow("2026-12-24T09:00:01Z");
    assert.deepEqual(await purgeExpiredPackages(ctx), { removed: 1 });
    const left = await ctx.db
      .selectFrom("request_attachments")
      .select(["purpose", "source"])
      .where("request_id", "=", requestId)
      .execute();
    assert.ok(!left.some((r) => r.source === GENERATED_PACKAGE.source), "the built package is gone");
    assert.ok(
      left.some((r) => r.purpose === "package" && r.source === "api"),
      "the material it was built from stays",
    );
    const removed = await ctx.db
      .selectFrom("request_events")
      .select("data")
      .where("request_id", "=", requestId)
      .where("kind", "=", "attachment_removed")
      .executeTakeFirstOrThrow();
    assert.equal(JSON.parse(removed.data).reason, "link_expired");
  });

  test("the minute-by-minute look for expired packages reads an index, not every attachment", async () => {
    const query = expiredPackagesQuery(ctx.db, orgId, "2026-12-01T00:00:00Z").compile();
    const plan = await ctx.db.transaction().execute(async (trx) => {
      if (ctx.dialect === "sqlite") {
        const rows = await trx.executeQuery(
          CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
        );
        return JSON.stringify(rows.rows);
      }
      // PostgreSQL picks by table statistics; a test table is tiny, so sequential scans are set aside.
      await sql`set local enable_seqscan = off`.execute(trx);
      const rows = await trx.executeQuery(CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]));
      return JSON.stringify(rows.rows);
    });
    assert.ok(plan.includes("request_attachments_expiry"), plan);
  });
});
