/**
 * Who may NOT download a package: a forged, altered, expired or wrong-purpose token; a valid token under
 * another organisation's address; a token naming anything but the built package. Each gets the same page,
 * which names no organisation and no request, and nothing is downloaded or recorded.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { answerRequest } from "../../rights/answer/answer-request.ts";
import { signRequestLink } from "../../rights/links/request-link.ts";
import { addPackageData } from "../../rights/package/add-package-data.ts";
import { PACKAGE_LIMIT } from "./public-packages.ts";
import { type AnswersKit, packageLinkIn, startAnswersApi } from "./request-answers-test-kit.ts";

describe("public package links: who may not use them", () => {
  let kit: AnswersKit;
  let alpha: { id: string };
  let beta: { id: string };
  let requestId: string;
  let betaRequestId: string;
  let token: string;
  let reference: string;
  before(async () => {
    kit = await startAnswersApi("http-public-packages-security");
    alpha = await kit.organisation("alpha");
    beta = await kit.organisation("beta");
    requestId = await kit.request(alpha.id);
    await addPackageData(kit.ctx, {
      orgId: alpha.id,
      requestId,
      actor: "test",
      source: "crm",
      records: [{ secret: "valeur-très-privée" }],
    });
    const answer = await answerRequest(kit.ctx, {
      orgId: alpha.id,
      requestId,
      actor: "test",
      input: { outcome: "granted" },
    });
    reference = answer.request.reference;
    token = decodeURIComponent(packageLinkIn(answer.letter.markdown).split("token=")[1]!);
    betaRequestId = await kit.request(beta.id);
  });
  after(() => kit.close());

  const page = (slug: string, t: string, ip = "10.0.0.1") =>
    kit.call({
      method: "GET",
      url: `/o/${slug}/rights/package?token=${encodeURIComponent(t)}`,
      remoteAddress: ip,
    });
  const download = (slug: string, t: string, ip = "10.0.0.1") =>
    kit.call({
      method: "POST",
      url: `/o/${slug}/rights/package/download`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ token: t, file: "zip" }).toString(),
      remoteAddress: ip,
    });
  const downloads = async () =>
    (
      await kit.ctx.db
        .selectFrom("request_events")
        .select("id")
        .where("kind", "=", "package_downloaded")
        .execute()
    ).length;

  function assertRefused(res: Awaited<ReturnType<typeof page>>, what: string): void {
    assert.equal(res.statusCode, 400, `${what}: ${res.statusCode}`);
    assert.match(String(res.headers["content-type"]), /text\/html/, what);
    assert.equal(res.headers["cache-control"], "no-store", what);
    assert.equal(res.headers["referrer-policy"], "no-referrer", what);
    assert.equal(res.headers["content-disposition"], undefined, what);
    assert.ok(res.body.includes("Lien de téléchargement invalide ou expiré"), what);
    for (const leak of ["ALPHA SAS", "BETA SAS", reference, "valeur-très-privée"]) {
      assert.ok(!res.body.includes(leak), `${what} reveals ${leak}`);
    }
  }

  test("the genuine link works under its own organisation, and opening the page records no download", async () => {
    const res = await page("alpha", token);
    assert.equal(res.statusCode, 200);
    assert.ok(res.body.includes("ALPHA SAS"));
    assert.equal(await downloads(), 0);
  });

  test("forged, altered, truncated and missing tokens", async () => {
    const [payload, signature] = token.split(".") as [string, string];
    const flipped = `${payload}.${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`;
    const otherPayload = Buffer.from(
      JSON.stringify({ r: requestId, p: "package", e: Date.now() * 2, s: "x" }),
    ).toString("base64url");
    for (const [what, t] of [
      ["garbage", "not-a-token"],
      ["altered signature", flipped],
      ["forged payload", `${otherPayload}.${signature}`],
      ["truncated", token.slice(0, 20)],
      ["extra part", `${token}.x`],
    ] as const) {
      assertRefused(await page("alpha", t), what);
      assertRefused(await download("alpha", t), `${what} (download)`);
    }
    const missing = await kit.call({
      method: "GET",
      url: "/o/alpha/rights/package",
      remoteAddress: "10.0.0.1",
    });
    assert.equal(missing.statusCode, 400);
    assert.equal(await downloads(), 0);
  });

  test("organisation A's package through organisation B's address (or an unknown one) is refused", async () => {
    assertRefused(await page("beta", token), "under beta");
    assertRefused(await download("beta", token), "download under beta");
    assertRefused(await page("gamma", token), "unknown organisation");
    // A valid token for beta's request, used under alpha's address.
    const betaToken = signRequestLink(kit.ctx.config, {
      requestId: betaRequestId,
      purpose: "package",
      expiresAt: kit.ctx.now().getTime() + 86_400_000,
      subject: "00000000-0000-4000-8000-000000000000",
    });
    assertRefused(await page("alpha", betaToken), "beta's request under alpha");
    assert.equal(await downloads(), 0);
  });

  test("a token of another purpose, or naming something other than the built package, is refused", async () => {
    const material = await kit.ctx.db
      .selectFrom("request_attachments")
      .select("id")
      .where("request_id", "=", requestId)
      .where("purpose", "=", "package")
      .where("source", "=", "api")
      .executeTakeFirstOrThrow();
    const expiresAt = kit.ctx.now().getTime() + 86_400_000;
    const built = await kit.ctx.db
      .selectFrom("request_attachments")
      .select("id")
      .where("request_id", "=", requestId)
      .where("purpose", "=", "package")
      .where("source", "=", "generated")
      .executeTakeFirstOrThrow();
    for (const [what, t] of [
      [
        "status purpose",
        signRequestLink(kit.ctx.config, { requestId, purpose: "status", expiresAt, subject: built.id }),
      ],
      [
        "the raw material",
        signRequestLink(kit.ctx.config, { requestId, purpose: "package", expiresAt, subject: material.id }),
      ],
      ["no subject", signRequestLink(kit.ctx.config, { requestId, purpose: "package", expiresAt })],
      [
        "expired",
        signRequestLink(kit.ctx.config, {
          requestId,
          purpose: "package",
          expiresAt: kit.ctx.now().getTime() - 1,
          subject: built.id,
        }),
      ],
    ] as const) {
      assertRefused(await page("alpha", t), what);
      assertRefused(await download("alpha", t), `${what} (download)`);
    }
    assert.equal(await downloads(), 0);
  });

  test("English page when asked; a download needs a POST with a known file kind", async () => {
    const en = await kit.call({
      method: "GET",
      url: "/o/alpha/rights/package?token=x&lang=en",
      remoteAddress: "10.0.0.1",
    });
    assert.ok(en.body.includes("Download link invalid or expired"));
    assert.ok(en.body.includes('<html lang="en">'));
    const viaGet = await kit.call({
      method: "GET",
      url: `/o/alpha/rights/package/download?token=${encodeURIComponent(token)}`,
      remoteAddress: "10.0.0.1",
    });
    assert.equal(viaGet.statusCode, 404);
    const badKind = await kit.call({
      method: "POST",
      url: "/o/alpha/rights/package/download",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ token, file: "../../etc/passwd" }).toString(),
      remoteAddress: "10.0.0.1",
    });
    assert.equal(badKind.statusCode, 400);
    assert.equal(await downloads(), 0);
  });

  test("a client that keeps trying is slowed down (429)", async () => {
    let last = 0;
    for (let i = 0; i <= PACKAGE_LIMIT.limit; i++)
      last = (await page("alpha", "guess", "10.9.9.9")).statusCode;
    assert.equal(last, 429);
    // Another address is not affected.
    assert.equal((await page("alpha", token, "10.9.9.8")).statusCode, 200);
  });
});
