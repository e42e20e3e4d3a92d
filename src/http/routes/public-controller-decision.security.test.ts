/** Who may not use the counterpart pages: anything but a valid, unexpired link of that party, for that organisation. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type PublicKit, startPublicKit } from "../../publication/testing/public-kit.ts";
import { forwardToController } from "../../rights/forwarding/forward-to-controller.ts";
import { instructProcessors } from "../../rights/forwarding/instruct-processors.ts";
import { partyPagePath, signPartyLink } from "../../rights/forwarding/party-links.ts";
import { signRequestLink } from "../../rights/links/request-link.ts";
import { createRequest } from "../../rights/requests/create-request.ts";
import { sampleActivity, sampleOrganisation } from "../../testing/fixtures.ts";

describe("counterpart pages: security", () => {
  let kit: PublicKit;
  let orgId: string;
  const links = { controller: { requestId: "", partyId: "" }, processor: { requestId: "", partyId: "" } };
  const form = { "content-type": "application/x-www-form-urlencoded" };

  const path = (page: "controller-decision" | "processor-answer", token: string, slug = "acme") =>
    partyPagePath({ slug, page, token, lang: "en" });
  const tokenOf = (which: "controller" | "processor", now = kit.ctx.now()) =>
    signPartyLink(kit.ctx.config, { ...links[which], now }).token;

  async function partyStatus(partyId: string) {
    return (
      await kit.ctx.db
        .selectFrom("request_parties")
        .select("status")
        .where("id", "=", partyId)
        .executeTakeFirstOrThrow()
    ).status;
  }

  before(async () => {
    kit = await startPublicKit("http-party-pages-security");
    await kit.writeRegister("other", [sampleActivity("crm")]);
    const { importRegister } = await import("../../register/io/import-register.ts");
    await importRegister(kit.ctx, {
      body: {
        gardien: 1,
        organisation: sampleOrganisation("acme"),
        processors: [
          { ref: "hoster", name: "Hoster", kind: "processor", contact: { email: "dpo@hoster.example" } },
        ],
        activities: [
          sampleActivity("crm", {
            recipients: [{ kind: "processor", name: { en: "Host" }, processorRef: "hoster" }],
          }),
        ],
        processorRegister: [
          {
            ref: "client",
            status: "active",
            controller: { name: "Client", contact: { email: "dpo@client.example" } },
          },
        ],
      },
      actor: "test",
      allowCreate: true,
    });
    orgId = (
      await kit.ctx.db
        .selectFrom("organisations")
        .select("id")
        .where("slug", "=", "acme")
        .executeTakeFirstOrThrow()
    ).id;
    const asProcessor = await createRequest(kit.ctx, {
      orgId,
      actor: "test",
      input: {
        type: "erasure",
        channel: "email",
        role: "processor",
        identityVerified: true,
        requester: { email: "p@example.org" },
      },
    });
    const forwarded = await forwardToController(kit.ctx, {
      orgId,
      requestId: asProcessor.request.id,
      actor: "test",
      body: { controllerRef: "client" },
    });
    links.controller = { requestId: asProcessor.request.id, partyId: forwarded.party.id };
    const asController = await createRequest(kit.ctx, {
      orgId,
      actor: "test",
      input: {
        type: "erasure",
        channel: "email",
        identityVerified: true,
        requester: { email: "c@example.org" },
      },
    });
    const instructed = await instructProcessors(kit.ctx, {
      orgId,
      requestId: asController.request.id,
      actor: "test",
      body: {},
    });
    links.processor = { requestId: asController.request.id, partyId: instructed.parties[0]!.id };
  });
  after(() => kit.close());

  test("a valid link opens its page; GET records nothing", async () => {
    const res = await kit.call(path("controller-decision", tokenOf("controller")));
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers["cache-control"], "no-store");
    assert.equal(res.headers["referrer-policy"], "no-referrer");
    assert.equal(await partyStatus(links.controller.partyId), "sent");
  });

  test("a tampered, foreign-purpose, other-page or expired link is the same 400, and records nothing", async () => {
    const good = tokenOf("controller");
    const [payload, signature] = good.split(".");
    const statusLink = signRequestLink(kit.ctx.config, {
      requestId: links.controller.requestId,
      purpose: "status",
      expiresAt: Date.now() + 86_400_000,
      subject: links.controller.partyId,
    });
    const expired = tokenOf("controller", new Date(kit.ctx.now().getTime() - 31 * 24 * 3600_000));
    for (const [label, url] of [
      [
        "tampered",
        path(
          "controller-decision",
          `${payload}.${signature!.slice(0, -2)}${signature!.endsWith("AA") ? "BB" : "AA"}`,
        ),
      ],
      ["garbage", path("controller-decision", "not-a-token")],
      ["status purpose", path("controller-decision", statusLink)],
      ["processor link on the controller page", path("controller-decision", tokenOf("processor"))],
      ["controller link on the processor page", path("processor-answer", good)],
      ["expired", path("controller-decision", expired)],
      ["another organisation", path("controller-decision", good, "other")],
    ] as const) {
      const get = await kit.call(url);
      assert.equal(get.statusCode, 400, `${label}: GET`);
      assert.match(get.body, /invalid or has expired/);
      const post = await kit.call({ method: "POST", url, headers: form, payload: "choice=confirm" });
      assert.equal(post.statusCode, 400, `${label}: POST`);
    }
    assert.equal(await partyStatus(links.controller.partyId), "sent");
    assert.equal(await partyStatus(links.processor.partyId), "sent");
    const events = await kit.ctx.db
      .selectFrom("request_events")
      .select("kind")
      .where("kind", "in", ["controller_instruction", "processor_answered"])
      .execute();
    assert.equal(events.length, 0);
  });

  test("posts are rate-limited per address", async () => {
    const url = path("controller-decision", "not-a-token");
    let limited = false;
    for (let i = 0; i < 25 && !limited; i++) {
      const res = await kit.call({ method: "POST", url, headers: form, payload: "choice=confirm" });
      limited = res.statusCode === 429;
    }
    assert.ok(limited, "the 21st post in a quarter of an hour is refused");
  });

  test("an unknown organisation is a 404 page", async () => {
    const res = await kit.call(path("controller-decision", tokenOf("controller"), "nobody"));
    assert.equal(res.statusCode, 404);
  });
});
