/**
 * Controller side, within one Gardien: the demo Régis instructs every processor its register lists for a
 * request (another organisation here, one reached by e-mail over a real SMTP server, one with no contact on
 * file), tracks each answer, and cannot close the request until each answered or was waived with a reason.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { openText } from "../../crypto/seal.ts";
import { PUBLIC_URL, type PublicKit, startPublicKit } from "../../publication/testing/public-kit.ts";
import { importRegister } from "../../register/io/import-register.ts";
import { sampleOrganisation } from "../../testing/fixtures.ts";
import { type SmtpTestServer, startSmtpTestServer } from "../../testing/smtp-test-server.ts";
import { scheduleMailDelivery } from "../intake/schedule-mail-delivery.ts";
import { getRequest } from "../requests/get-request.ts";
import { transitionRequest } from "../requests/transition-request.ts";
import { runForwardingTick, scheduleForwardingDelivery } from "./run-forwarding-tick.ts";
import {
  linkLocally,
  loadDemo,
  PERSON,
  receiveRequest,
  regisWithProcessors,
} from "./testing/forwarding-fixtures.ts";

type Party = {
  id: string;
  ref: string;
  channel: string;
  status: string;
  reason: string | null;
  result: string | null;
};

describe("regis as a controller instructs its processors", () => {
  let kit: PublicKit;
  let smtp: SmtpTestServer;
  let regis: string;
  let ia: string;
  const api = (slug: string, id: string, rest = "") => `/api/v1/organisations/${slug}/requests/${id}${rest}`;

  before(async () => {
    smtp = await startSmtpTestServer();
    kit = await startPublicKit("forwarding-controller-side", { smtpUrl: smtp.url });
    regis = await loadDemo(kit.ctx, "regis", regisWithProcessors);
    // The partner AI model is an organisation of this Gardien, with Régis in its processor register.
    ia = (
      await importRegister(kit.ctx, {
        body: {
          gardien: 1,
          organisation: {
            ...sampleOrganisation("ia-partenaire"),
            legalName: "IA Partenaire",
            roles: ["processor"],
          },
          processorRegister: [
            { ref: "regis", status: "active", controller: { name: "Agence Moiré (Régis)" } },
          ],
        },
        actor: "test",
        allowCreate: true,
      })
    ).organisation.id;
    await linkLocally(kit.ctx, {
      controller: { id: regis, slug: "regis", name: "Agence Moiré", processorRef: "modele-ia-partenaire" },
      processor: { id: ia, slug: "ia-partenaire", name: "IA Partenaire", controllerRef: "regis" },
    });
  });
  after(async () => {
    await scheduleMailDelivery(kit.ctx);
    await scheduleForwardingDelivery(kit.ctx);
    await kit.close();
    await smtp.close();
  });

  test("instruct, track every answer, close only when each processor answered or was waived", async () => {
    const request = await receiveRequest(kit.ctx, { orgId: regis, role: "controller" });
    const res = await kit.call({
      method: "POST",
      url: api("regis", request.id, "/instruct-processors"),
      headers: kit.admin,
      payload: { instruction: "Supprimez les conversations de cette personne." },
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as { parties: Party[]; request: { status: string } };
    assert.equal(body.request.status, "awaiting_processors");
    const byRef = new Map(body.parties.map((p) => [p.ref, p]));
    assert.deepEqual([...byRef.keys()].sort(), ["hebergeur-ue", "modele-ia-partenaire", "support-externe"]);
    assert.equal(byRef.get("modele-ia-partenaire")?.channel, "internal");
    assert.equal(byRef.get("modele-ia-partenaire")?.status, "sent");
    assert.equal(byRef.get("hebergeur-ue")?.channel, "email");
    assert.equal(byRef.get("hebergeur-ue")?.status, "sent");
    assert.equal(byRef.get("support-externe")?.channel, "manual");
    assert.equal(byRef.get("support-externe")?.status, "pending");
    assert.equal(byRef.get("support-externe")?.reason, "no_contact");

    // Running it again reaches nobody twice.
    const again = await kit.call({
      method: "POST",
      url: api("regis", request.id, "/instruct-processors"),
      headers: kit.admin,
      payload: {},
    });
    assert.equal(again.json().parties.length, 3);
    const rows = await kit.ctx.db.selectFrom("requests").select(["id"]).where("org_id", "=", ia).execute();
    assert.equal(rows.length, 1, "one copy at the partner, not two");

    // The partner's copy: a processor-side request, already instructed.
    const copy = await getRequest(kit.ctx, { orgId: ia, requestId: rows[0]!.id });
    assert.equal(copy.role, "processor");
    assert.equal(copy.status, "in_progress");
    assert.equal(copy.external?.parentRequestId, request.id);
    const instruction = await kit.ctx.db
      .selectFrom("request_events")
      .selectAll()
      .where("request_id", "=", copy.id)
      .where("kind", "=", "controller_instruction")
      .executeTakeFirstOrThrow();
    assert.equal(
      openText(kit.ctx.config, instruction.data_sealed!, {
        use: "requester-identity",
        aad: `${copy.id}:event:${instruction.id}`,
      }),
      "Supprimez les conversations de cette personne.",
    );

    // Closing is refused while processors are missing, and says which.
    const early = await kit.call({
      method: "POST",
      url: api("regis", request.id, `/parties/${byRef.get("support-externe")!.id}/waive`),
      headers: kit.admin,
      payload: { reason: "   " },
    });
    assert.equal(early.statusCode, 400, "a waiver needs a reason");
    await assert.rejects(
      transitionRequest(kit.ctx, {
        orgId: regis,
        requestId: request.id,
        to: "answered",
        outcome: "granted",
        actor: "test",
      }),
      (error: { code: string; details: { rule: string } }) =>
        error.code === "CONFLICT" && error.details.rule === "processors_pending",
    );

    // 1. The partner here answers by finishing its own copy: the scheduler brings the answer back.
    await transitionRequest(kit.ctx, {
      orgId: ia,
      requestId: copy.id,
      to: "answered",
      outcome: "granted",
      actor: "test",
    });
    assert.equal((await runForwardingTick(kit.ctx)).internalAnswers, 1);

    // 2. The host answers on its page, reached from the instruction mail.
    await scheduleMailDelivery(kit.ctx);
    const [mail] = await smtp.waitFor(1);
    assert.deepEqual(mail?.to, ["rgpd@hebergeur-ue.example"]);
    assert.match(mail?.body ?? "", /Supprimez les conversations/);
    assert.match(mail?.body ?? "", new RegExp(PERSON.email.replace(/\./g, "\\.")));
    const path = /(https:\/\/\S+\/rights\/processor-answer\?token=\S+)/
      .exec(mail?.body ?? "")![1]!
      .replace(PUBLIC_URL, "");
    const page = await kit.call({ method: "GET", url: path });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Instruction transmise par Agence Moiré/);
    assert.ok(!page.body.includes(PERSON.name), "no personal data on the page");
    const notDone = await kit.call({
      method: "POST",
      url: path,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "choice=not_done",
    });
    assert.equal(notDone.statusCode, 400, "not possible needs a reason");
    const done = await kit.call({
      method: "POST",
      url: path,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "choice=completed&text=Sauvegardes+purg%C3%A9es",
    });
    assert.equal(done.statusCode, 200);

    // Still one missing: the answer is refused and names it.
    const blocked = await kit.call({
      method: "GET",
      url: api("regis", request.id, "/parties"),
      headers: kit.admin,
    });
    const missing = (blocked.json().items as Party[]).filter(
      (p) => p.status === "pending" || p.status === "sent",
    );
    assert.deepEqual(
      missing.map((p) => p.ref),
      ["support-externe"],
    );
    await assert.rejects(
      transitionRequest(kit.ctx, {
        orgId: regis,
        requestId: request.id,
        to: "answered",
        outcome: "granted",
        actor: "test",
      }),
      (error: { details: { processors: string[] } }) =>
        JSON.stringify(error.details.processors) === JSON.stringify(["support-externe"]),
    );

    // 3. The support desk has no contact on file: staff proceed without it, and say why.
    const waive = await kit.call({
      method: "POST",
      url: api("regis", request.id, `/parties/${byRef.get("support-externe")!.id}/waive`),
      headers: kit.admin,
      payload: { reason: "Le support n'a accès qu'aux tickets, clos et purgés à 30 jours." },
    });
    assert.equal(waive.statusCode, 200, waive.body);
    assert.equal(waive.json().status, "waived");
    const waived = await kit.ctx.db
      .selectFrom("request_events")
      .selectAll()
      .where("request_id", "=", request.id)
      .where("kind", "=", "processor_waived")
      .executeTakeFirstOrThrow();
    assert.ok(waived.data_sealed, "the reason is sealed");
    assert.ok(!waived.data.includes("tickets"));

    const final = (
      await kit.call({ method: "GET", url: api("regis", request.id, "/parties"), headers: kit.admin })
    ).json();
    assert.deepEqual((final.items as Party[]).map((p) => [p.ref, p.status, p.result]).sort(), [
      ["hebergeur-ue", "answered", "completed"],
      ["modele-ia-partenaire", "answered", "completed"],
      ["support-externe", "waived", null],
    ]);
    // Every processor accounted for: the request went back to in progress and can now be answered.
    assert.equal((await getRequest(kit.ctx, { orgId: regis, requestId: request.id })).status, "in_progress");
    const answered = await transitionRequest(kit.ctx, {
      orgId: regis,
      requestId: request.id,
      to: "answered",
      outcome: "granted",
      actor: "test",
    });
    assert.equal(answered.status, "answered");
  });

  test("a request still waiting for identity goes to no processor", async () => {
    const { createRequest } = await import("../requests/create-request.ts");
    const { request } = await createRequest(kit.ctx, {
      orgId: regis,
      actor: "test",
      input: { type: "access", channel: "web_form", requester: { email: "autre@exemple.fr" } },
    });
    const res = await kit.call({
      method: "POST",
      url: api("regis", request.id, "/instruct-processors"),
      headers: kit.admin,
      payload: {},
    });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().details.rule, "status");
    const parties = await kit.ctx.db
      .selectFrom("request_parties")
      .select("id")
      .where("request_id", "=", request.id)
      .execute();
    assert.equal(parties.length, 0);
  });

  test("a processor-side request cannot instruct processors, nor a controller-side one be forwarded", async () => {
    const own = await receiveRequest(kit.ctx, { orgId: regis, role: "controller", type: "access" });
    const forward = await kit.call({
      method: "POST",
      url: api("regis", own.id, "/forward"),
      headers: kit.admin,
      payload: { controllerRef: "anything" },
    });
    assert.equal(forward.statusCode, 409);
    assert.equal(forward.json().details.rule, "role_processor");
  });

  test("a partner already handling the same person's request gets the instruction on that request", async () => {
    // The partner has an open rectification from the same person: the copy is its duplicate, closed at once.
    const open = await receiveRequest(kit.ctx, { orgId: ia, role: "processor", type: "rectification" });
    const request = await receiveRequest(kit.ctx, {
      orgId: regis,
      role: "controller",
      type: "rectification",
    });
    const res = await kit.call({
      method: "POST",
      url: api("regis", request.id, "/instruct-processors"),
      headers: kit.admin,
      payload: {},
    });
    assert.equal(res.statusCode, 200, res.body);
    const partner = (
      res.json() as { parties: Array<Party & { remoteRequestId: string | null }> }
    ).parties.find((p) => p.ref === "modele-ia-partenaire");
    assert.equal(partner?.remoteRequestId, open.id, "tracked on the request the partner works on");
    const controller = await kit.ctx.db
      .selectFrom("request_parties")
      .select(["request_id", "status"])
      .where("org_id", "=", ia)
      .where("role", "=", "controller")
      .where("target_org_id", "=", regis)
      .where("remote_request_id", "=", request.id)
      .executeTakeFirstOrThrow();
    assert.equal(controller.request_id, open.id);
    // The closed copy is not an answer: nothing comes back until the open request is answered.
    assert.equal((await runForwardingTick(kit.ctx)).internalAnswers, 0);
    await transitionRequest(kit.ctx, {
      orgId: ia,
      requestId: open.id,
      to: "answered",
      outcome: "no_action",
      actor: "test",
    });
    assert.equal((await runForwardingTick(kit.ctx)).internalAnswers, 1);
  });
});
