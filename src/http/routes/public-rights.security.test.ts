/**
 * Who may not use the person's links: forged, altered, expired or wrong-purpose tokens, a token of one
 * organisation's request on another's path, and a status link long after its request was closed. And
 * what never reaches the logs: names, addresses, messages, tokens.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { LightMyRequestResponse } from "fastify";
import { buildServer } from "../../http/build-server.ts";
import {
  PUBLIC_URL,
  type PublicKit,
  sampleActivity,
  startPublicKit,
} from "../../publication/testing/public-kit.ts";
import { importRegister } from "../../register/io/import-register.ts";
import { scheduleMailDelivery } from "../../rights/intake/schedule-mail-delivery.ts";
import { signRequestLink } from "../../rights/links/request-link.ts";
import { sampleOrganisation } from "../../testing/fixtures.ts";
import { type CapturedMail, startSmtpTestServer } from "../../testing/smtp-test-server.ts";
import { createTestContext } from "../../testing/test-context.ts";

const form = (slug: string, fields: Record<string, string>, ip: string, lang = "fr") => ({
  method: "POST" as const,
  url: `/o/${slug}/rights?lang=${lang}`,
  headers: { "content-type": "application/x-www-form-urlencoded" },
  payload: new URLSearchParams(fields).toString(),
  remoteAddress: ip,
});
const postToken = (url: string, fields: Record<string, string>) => ({
  method: "POST" as const,
  url,
  headers: { "content-type": "application/x-www-form-urlencoded" },
  payload: new URLSearchParams(fields).toString(),
  remoteAddress: "10.3.9.9",
});

function linkIn(mail: CapturedMail, page: string): string {
  const match = new RegExp(
    `${PUBLIC_URL}(/o/[a-z0-9-]+/rights/${page}\\?token=[A-Za-z0-9_.%-]+&lang=(?:fr|en))`,
  ).exec(mail.body);
  assert.ok(match?.[1], `no ${page} link`);
  return match[1];
}
const tokenOf = (path: string) => decodeURIComponent(/token=([^&]+)/.exec(path)![1]!);

function assertInvalidLink(res: LightMyRequestResponse, what: string) {
  assert.equal(res.statusCode, 400, `${what}: ${res.statusCode}`);
  assert.match(res.headers["content-type"] as string, /text\/html/);
  assert.equal(res.headers["cache-control"], "no-store", what);
  assert.equal(res.headers["referrer-policy"], "no-referrer", what);
  assert.match(res.body, /n&#39;est pas valide ou a expiré|invalid or has expired/, what);
}

describe("public rights links: security", () => {
  let kit: PublicKit;
  let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
  let verifyA: string;
  let statusA: string;
  let requestA: string;
  before(async () => {
    smtp = await startSmtpTestServer();
    kit = await startPublicKit("http-public-rights-security", { smtpUrl: smtp.url });
    await kit.writeRegister("org-a", [sampleActivity("crm")]);
    await kit.writeRegister("org-b", [sampleActivity("crm")]);
    const res = await kit.call(
      form("org-a", { type: "access", name: "Alice Durand", email: "alice@example.org" }, "10.3.0.1"),
    );
    assert.equal(res.statusCode, 200);
    const [mail] = await smtp.waitFor(1);
    await scheduleMailDelivery(kit.ctx);
    verifyA = linkIn(mail!, "verify");
    statusA = linkIn(mail!, "status");
    requestA = (await kit.ctx.db.selectFrom("requests").select("id").executeTakeFirstOrThrow()).id;
  });
  after(async () => {
    await scheduleMailDelivery(kit.ctx);
    await kit.close();
    await smtp.close();
  });

  const state = async () => {
    const row = await kit.ctx.db
      .selectFrom("requests")
      .select(["status", "identity_status"])
      .where("id", "=", requestA)
      .executeTakeFirstOrThrow();
    return { ...row };
  };

  test("forged, altered and malformed tokens give the same 400 page on every link, GET and POST", async () => {
    const good = tokenOf(verifyA);
    const [payload, signature] = good.split(".");
    const flipped = `${payload}.${signature!.slice(0, -1)}${signature!.endsWith("A") ? "B" : "A"}`;
    // A payload rewritten to another request, with the original signature.
    const otherPayload = Buffer.from(
      JSON.stringify({ r: "00000000-0000-4000-8000-000000000000", p: "identity", e: Date.now() * 2, n: "x" }),
    ).toString("base64url");
    for (const token of [flipped, `${otherPayload}.${signature}`, "abc.def", "nodot", `${good}.extra`]) {
      for (const page of ["verify", "status", "more-info"]) {
        assertInvalidLink(
          await kit.call(`/o/org-a/rights/${page}?token=${encodeURIComponent(token)}`),
          `GET ${page}`,
        );
      }
      assertInvalidLink(await kit.call(postToken("/o/org-a/rights/verify", { token })), "POST verify");
      assertInvalidLink(
        await kit.call(postToken("/o/org-a/rights/status", { token, action: "withdraw" })),
        "POST status",
      );
      assertInvalidLink(
        await kit.call(postToken("/o/org-a/rights/more-info", { token, answer: "x" })),
        "POST more-info",
      );
    }
    assert.equal((await kit.call("/o/org-a/rights/verify")).statusCode, 400, "no token at all");
    assert.deepEqual(await state(), { status: "awaiting_identity", identity_status: "pending" });
  });

  test("a token works only for its purpose", async () => {
    const status = tokenOf(statusA);
    const identity = tokenOf(verifyA);
    assertInvalidLink(
      await kit.call(`/o/org-a/rights/verify?token=${encodeURIComponent(status)}`),
      "status as identity",
    );
    assertInvalidLink(
      await kit.call(postToken("/o/org-a/rights/verify", { token: status })),
      "status as identity (POST)",
    );
    assertInvalidLink(
      await kit.call(postToken("/o/org-a/rights/status", { token: identity, action: "withdraw" })),
      "identity as status",
    );
    assertInvalidLink(
      await kit.call(`/o/org-a/rights/more-info?token=${encodeURIComponent(identity)}`),
      "identity as more-info",
    );
    assert.deepEqual(await state(), { status: "awaiting_identity", identity_status: "pending" });
  });

  test("a token for org A's request fails on org B's path, and does nothing there", async () => {
    for (const path of [verifyA, statusA]) {
      const onB = path.replace("/o/org-a/", "/o/org-b/");
      assertInvalidLink(await kit.call(onB), onB);
    }
    assertInvalidLink(
      await kit.call(postToken("/o/org-b/rights/verify", { token: tokenOf(verifyA) })),
      "verify on B",
    );
    assertInvalidLink(
      await kit.call(postToken("/o/org-b/rights/status", { token: tokenOf(statusA), action: "withdraw" })),
      "withdraw on B",
    );
    assert.equal((await kit.call(verifyA.replace("/o/org-a/", "/o/no-such-org/"))).statusCode, 404);
    assert.deepEqual(await state(), { status: "awaiting_identity", identity_status: "pending" });
  });

  test("an identity link expires after identityLinkHours; the error page speaks the reader's language", async () => {
    try {
      kit.ctx.setNow("2026-11-27T09:00:01.000Z"); // 72 hours and a second after the request
      const fr = await kit.call(verifyA);
      assertInvalidLink(fr, "expired");
      assert.match(fr.body, /<html lang="fr">/);
      const en = await kit.call(verifyA.replace("lang=fr", "lang=en"));
      assert.match(en.body, /This link is invalid or has expired/);
      assertInvalidLink(
        await kit.call(postToken("/o/org-a/rights/verify", { token: tokenOf(verifyA) })),
        "expired POST",
      );
      assert.deepEqual(await state(), { status: "awaiting_identity", identity_status: "pending" });
      kit.ctx.setNow("2026-11-27T08:59:00.000Z");
      assert.equal((await kit.call(verifyA)).statusCode, 200, "still valid a minute before");
    } finally {
      kit.ctx.setNow("2026-11-24T09:00:00.000Z");
    }
  });

  test("a status link works while the request is open, then statusLinkDays after it is closed", async () => {
    try {
      kit.ctx.setNow("2027-06-01T09:00:00.000Z");
      assert.equal((await kit.call(statusA)).statusCode, 200, "open: still valid months later");
      const out = await kit.call(
        postToken("/o/org-a/rights/status", { token: tokenOf(statusA), action: "withdraw" }),
      );
      assert.equal(out.statusCode, 200);
      kit.ctx.setNow("2028-05-31T09:00:00.000Z"); // 365 days after withdrawal
      assert.equal((await kit.call(statusA)).statusCode, 200);
      kit.ctx.setNow("2028-06-01T09:00:01.000Z");
      assertInvalidLink(await kit.call(statusA), "closed for longer than statusLinkDays");
      // A token whose own expiry has passed is refused whatever the request's state.
      const expired = signRequestLink(kit.ctx.config, {
        requestId: requestA,
        purpose: "status",
        expiresAt: Date.parse("2028-01-01T00:00:00Z"),
      });
      kit.ctx.setNow("2027-12-31T00:00:00.000Z");
      assert.equal((await kit.call(`/o/org-a/rights/status?token=${expired}`)).statusCode, 200);
      kit.ctx.setNow("2028-01-01T00:00:01.000Z");
      assertInvalidLink(await kit.call(`/o/org-a/rights/status?token=${expired}`), "token past its expiry");
    } finally {
      kit.ctx.setNow("2026-11-24T09:00:00.000Z");
    }
  });
});

describe("public rights: no personal data in the logs", () => {
  test("a whole flow at trace level logs no name, address, message, customer id or token", async () => {
    const smtp = await startSmtpTestServer();
    const ctx = await createTestContext("http-public-rights-logs", {
      smtpUrl: smtp.url,
      publicUrl: PUBLIC_URL,
    });
    const lines: string[] = [];
    const log = (await import("pino")).default(
      { level: "trace" },
      { write: (line: string) => void lines.push(line) },
    );
    const logged = { ...ctx, log };
    const app = await buildServer(logged);
    try {
      await importRegister(logged, {
        body: { gardien: 1, organisation: sampleOrganisation("acme"), activities: [sampleActivity("crm")] },
        actor: "test",
        allowCreate: true,
      });
      const secrets = [
        "Léa Fontaine",
        "lea.fontaine@example.net",
        "CUST-99881",
        "ma fiche client est fausse",
        "Maître Robert",
      ];
      const sent = await app.inject(
        form(
          "acme",
          {
            type: "rectification",
            name: secrets[0]!,
            email: secrets[1]!,
            customerId: secrets[2]!,
            message: secrets[3]!,
            representative: secrets[4]!,
          },
          "10.4.0.1",
        ),
      );
      assert.equal(sent.statusCode, 200);
      // A post with errors echoes values to the page, never to the log.
      const bad = await app.inject(
        form("acme", { type: "rectification", name: secrets[0]!, email: "lea@" }, "10.4.0.1"),
      );
      assert.equal(bad.statusCode, 400);
      const [mail] = await smtp.waitFor(1);
      await scheduleMailDelivery(logged);
      const verify = linkIn(mail!, "verify");
      const status = linkIn(mail!, "status");
      await app.inject(verify);
      await app.inject(postToken("/o/acme/rights/verify", { token: tokenOf(verify) }));
      await app.inject(status);
      await app.inject(`/o/acme/rights/status?token=forged.${tokenOf(status).split(".")[1]}`);
      await scheduleMailDelivery(logged);
      const all = lines.join("\n");
      assert.ok(lines.length > 5, "the requests were logged");
      assert.match(all, /"route":"\/o\/:slug\/rights\/verify"/);
      for (const secret of [
        ...secrets,
        "lea.fontaine",
        tokenOf(verify),
        tokenOf(status),
        tokenOf(status).split(".")[1]!,
      ])
        assert.equal(all.includes(secret), false, `the log holds ${secret}`);
    } finally {
      await app.close();
      await ctx.close();
      await smtp.close();
    }
  });
});
