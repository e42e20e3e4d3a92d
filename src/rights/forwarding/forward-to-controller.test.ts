/**
 * Processor side, within one Gardien: the demo Julie Desk (loaded from its register file) receives a request
 * about a client's data and forwards it to the client controller — another organisation here, or by e-mail
 * over a real SMTP server — and nothing happens before the controller's instruction.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { openText } from "../../crypto/seal.ts";
import { PUBLIC_URL, type PublicKit, startPublicKit } from "../../publication/testing/public-kit.ts";
import { type SmtpTestServer, startSmtpTestServer } from "../../testing/smtp-test-server.ts";
import { scheduleMailDelivery } from "../intake/schedule-mail-delivery.ts";
import { deliverRequestMails } from "../mail/deliver-request-mails.ts";
import { getRequest } from "../requests/get-request.ts";
import { transitionRequest } from "../requests/transition-request.ts";
import { runForwardingTick, scheduleForwardingDelivery } from "./run-forwarding-tick.ts";
import {
  linkLocally,
  loadClientController,
  loadDemo,
  PERSON,
  receiveRequest,
} from "./testing/forwarding-fixtures.ts";

describe("julie-desk as a processor forwards to its client controller", () => {
  let kit: PublicKit;
  let smtp: SmtpTestServer;
  let julie: string;
  let durand: string;
  const api = (slug: string, id: string, rest: string) =>
    `/api/v1/organisations/${slug}/requests/${id}${rest}`;

  async function settled() {
    await scheduleMailDelivery(kit.ctx);
    await scheduleForwardingDelivery(kit.ctx);
  }

  async function events(requestId: string) {
    const rows = await kit.ctx.db
      .selectFrom("request_events")
      .selectAll()
      .where("request_id", "=", requestId)
      .orderBy("seq")
      .execute();
    return rows.map((e) => ({
      kind: e.kind,
      actor: e.actor,
      data: JSON.parse(e.data) as Record<string, unknown>,
      text: e.data_sealed
        ? openText(kit.ctx.config, e.data_sealed, {
            use: "requester-identity",
            aad: `${requestId}:event:${e.id}`,
          })
        : null,
    }));
  }

  async function requestsOf(orgId: string) {
    return kit.ctx.db
      .selectFrom("requests")
      .selectAll()
      .where("org_id", "=", orgId)
      .orderBy("number")
      .execute();
  }

  before(async () => {
    smtp = await startSmtpTestServer();
    kit = await startPublicKit("forwarding-processor-side", { smtpUrl: smtp.url });
    julie = await loadDemo(kit.ctx, "julie-desk");
    durand = await loadClientController(kit.ctx, "cabinet-durand");
    await linkLocally(kit.ctx, {
      controller: { id: durand, slug: "cabinet-durand", name: "Cabinet Durand", processorRef: "julie-desk" },
      processor: { id: julie, slug: "julie-desk", name: "Julie Desk", controllerRef: "slash-clients" },
    });
  });
  after(async () => {
    await settled();
    await kit.close();
    await smtp.close();
  });

  test("internal: the controller gets the request, nothing happens before its instruction, then it proceeds", async () => {
    const received = await receiveRequest(kit.ctx, { orgId: julie, role: "processor" });
    const res = await kit.call({
      method: "POST",
      url: api("julie-desk", received.id, "/forward"),
      headers: kit.admin,
      payload: { controllerRef: "slash-clients", peer: "cabinet-durand", note: "Contact de votre agenda." },
    });
    assert.equal(res.statusCode, 201, res.body);
    const forwarded = res.json();
    assert.equal(forwarded.party.channel, "internal");
    assert.equal(forwarded.party.status, "sent");
    assert.equal(forwarded.party.controllerRef, "slash-clients");
    assert.equal(forwarded.request.status, "awaiting_controller");

    // The controller's copy: its own request, held as controller, pointing at Julie Desk's.
    const [copyRow] = await requestsOf(durand);
    assert.ok(copyRow);
    const copy = await getRequest(kit.ctx, { orgId: durand, requestId: copyRow.id });
    assert.equal(copy.channel, "forwarded");
    assert.equal(copy.role, "controller");
    assert.equal(copy.external?.parentRequestId, received.id);
    assert.equal(copy.external?.source, "internal");
    assert.deepEqual(copy.requester, PERSON);
    assert.equal(copy.receivedAt, received.receivedAt, "the period runs from the person's request");
    const parties = (
      await kit.call({ method: "GET", url: api("cabinet-durand", copy.id, "/parties"), headers: kit.admin })
    ).json();
    assert.equal(parties.items.length, 1);
    assert.equal(parties.items[0].origin, true);
    assert.equal(parties.items[0].status, "pending");

    // Time passes, the scheduler runs: still nothing without the controller's instruction.
    kit.ctx.setNow("2026-11-30T09:00:00.000Z");
    await runForwardingTick(kit.ctx);
    await deliverRequestMails(kit.ctx);
    assert.equal(
      (await getRequest(kit.ctx, { orgId: julie, requestId: received.id })).status,
      "awaiting_controller",
    );
    assert.ok(!(await events(received.id)).some((e) => e.kind === "controller_instruction"));
    assert.equal(smtp.mails.length, 0);
    // The controller cannot close its copy while the processor waits for it.
    const close = await kit.call({
      method: "POST",
      url: api("cabinet-durand", copy.id, `/parties/${parties.items[0].id}/waive`),
      headers: kit.admin,
      payload: { reason: "Pas besoin" },
    });
    assert.equal(close.statusCode, 409);
    assert.equal(close.json().details.rule, "origin_needs_instruction");

    const instruct = await kit.call({
      method: "POST",
      url: api("cabinet-durand", copy.id, "/instruct-processors"),
      headers: kit.admin,
      payload: { instruction: "Effacez le rendez-vous et le contact." },
    });
    assert.equal(instruct.statusCode, 200, instruct.body);
    const origin = instruct.json().parties.find((p: { origin: boolean }) => p.origin);
    assert.equal(origin.status, "sent");
    assert.equal(origin.decision, "confirm");
    assert.equal(instruct.json().request.status, "awaiting_processors");

    // Julie Desk: the instruction is recorded (sealed), then the request proceeds.
    const after = await getRequest(kit.ctx, { orgId: julie, requestId: received.id });
    assert.equal(after.status, "in_progress");
    const instruction = (await events(received.id)).find((e) => e.kind === "controller_instruction");
    assert.equal(instruction?.data.decision, "confirm");
    assert.equal(instruction?.data.via, "internal");
    assert.equal(instruction?.text, "Effacez le rendez-vous et le contact.");
    const raw = JSON.stringify(
      await kit.ctx.db.selectFrom("request_events").select(["data", "data_sealed"]).execute(),
    );
    assert.ok(!raw.includes("Effacez le rendez-vous"), "the instruction is sealed at rest");

    // Julie Desk does the work and answers: the controller's copy sees it and can be answered.
    await transitionRequest(kit.ctx, {
      orgId: julie,
      requestId: received.id,
      to: "answered",
      outcome: "granted",
      actor: "test",
    });
    const back = (
      await kit.call({ method: "GET", url: api("cabinet-durand", copy.id, "/parties"), headers: kit.admin })
    ).json();
    assert.equal(back.items[0].status, "answered");
    assert.equal(back.items[0].result, "completed");
    assert.equal((await getRequest(kit.ctx, { orgId: durand, requestId: copy.id })).status, "in_progress");
    await transitionRequest(kit.ctx, {
      orgId: durand,
      requestId: copy.id,
      to: "answered",
      outcome: "granted",
      actor: "test",
    });
  });

  test("internal: the controller keeps the request; the processor closes it and tells the person", async () => {
    const received = await receiveRequest(kit.ctx, { orgId: julie, role: "processor", type: "access" });
    const res = await kit.call({
      method: "POST",
      url: api("julie-desk", received.id, "/forward"),
      headers: kit.admin,
      payload: { controllerRef: "slash-clients" }, // the one peer registered for slash-clients
    });
    assert.equal(res.statusCode, 201, res.body);
    const copy = (await requestsOf(durand)).at(-1)!;
    const refuse = await kit.call({
      method: "POST",
      url: api("cabinet-durand", copy.id, "/instruct-processors"),
      headers: kit.admin,
      payload: { decision: "do_not_act", instruction: "Nous répondons nous-mêmes à la personne." },
    });
    assert.equal(refuse.statusCode, 200, refuse.body);
    assert.equal(refuse.json().parties[0].status, "cancelled");
    const closed = await getRequest(kit.ctx, { orgId: julie, requestId: received.id });
    assert.equal(closed.status, "closed");
    await deliverRequestMails(kit.ctx);
    const [mail] = await smtp.waitFor(1);
    assert.deepEqual(mail?.to, [PERSON.email]);
    assert.match(mail?.body ?? "", /Cabinet Durand/);
    assert.match(mail?.body ?? "", /traite votre demande directement|c'est lui qui vous répondra/);
  });

  test("e-mail: a signed link to confirm, over the loopback SMTP server", async () => {
    smtp.mails.length = 0;
    const received = await receiveRequest(kit.ctx, {
      orgId: julie,
      role: "processor",
      type: "rectification",
    });
    const res = await kit.call({
      method: "POST",
      url: api("julie-desk", received.id, "/forward"),
      headers: kit.admin,
      payload: { controllerRef: "slash-clients", email: "dpo@cabinet-durand.example", lang: "fr" },
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().party.channel, "email");
    assert.match(res.json().party.ref, /^email-[0-9a-f]{12}$/);
    await settled();
    const [mail] = await smtp.waitFor(1);
    assert.deepEqual(mail?.to, ["dpo@cabinet-durand.example"]);
    // The controller needs to know whose data it decides on: the mail names the person (the page does not).
    assert.match(mail?.body ?? "", /Camille Lefèvre/);
    const url = /(https:\/\/\S+\/rights\/controller-decision\?token=\S+)/.exec(mail?.body ?? "")?.[1];
    assert.ok(url, "the mail carries the decision link");
    const path = url.replace(PUBLIC_URL, "");

    const page = await kit.call({ method: "GET", url: path });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Demande transmise par Julie Desk/);
    assert.ok(
      !page.body.includes("Camille") && !page.body.includes(PERSON.email),
      "no personal data on the page",
    );
    assert.match(page.headers["content-security-policy"] as string, /default-src 'none'/);
    // Opening the link decides nothing.
    assert.equal(
      (await getRequest(kit.ctx, { orgId: julie, requestId: received.id })).status,
      "awaiting_controller",
    );

    const empty = await kit.call({
      method: "POST",
      url: path,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "text=",
    });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /choisissez votre décision/);
    assert.match(empty.body, /aria-describedby="choice-confirm-hint choice-error"/);

    const confirm = await kit.call({
      method: "POST",
      url: path,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ choice: "confirm", text: "Corrigez le nom de famille." }).toString(),
    });
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Décision enregistrée/);
    const after = await getRequest(kit.ctx, { orgId: julie, requestId: received.id });
    assert.equal(after.status, "in_progress");
    const instruction = (await events(received.id)).filter((e) => e.kind === "controller_instruction");
    assert.equal(instruction.length, 1);
    assert.equal(instruction[0]?.data.via, "email");
    assert.equal(instruction[0]?.text, "Corrigez le nom de famille.");
    assert.match(instruction[0]?.actor ?? "", /^controller-link:/);

    // The link is spent: a second post shows the recorded decision and records nothing more.
    const again = await kit.call({
      method: "POST",
      url: path,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "choice=refuse",
    });
    assert.equal(again.statusCode, 200);
    assert.match(again.body, /demande confirmée/);
    assert.equal((await events(received.id)).filter((e) => e.kind === "controller_instruction").length, 1);
  });

  test("e-mail: the controller refuses on the page; the request closes and the person is told", async () => {
    smtp.mails.length = 0;
    // Another type: the rectification above is still open, and the same person's second one would be its duplicate.
    const received = await receiveRequest(kit.ctx, { orgId: julie, role: "processor", type: "access" });
    const res = await kit.call({
      method: "POST",
      url: api("julie-desk", received.id, "/forward"),
      headers: kit.admin,
      payload: { controllerRef: "slash-clients", email: "dpo@autre-client.example", lang: "en" },
    });
    assert.equal(res.statusCode, 201, res.body);
    await settled();
    const [mail] = await smtp.waitFor(1);
    assert.match(mail?.headers ?? "", /Subject: Data subject request to confirm/);
    const path = /(https:\/\/\S+\/rights\/controller-decision\?token=\S+)/
      .exec(mail?.body ?? "")![1]!
      .replace(PUBLIC_URL, "");
    const refuse = await kit.call({
      method: "POST",
      url: path,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "choice=refuse",
    });
    assert.equal(refuse.statusCode, 200);
    assert.match(refuse.body, /Decision recorded/);
    assert.equal((await getRequest(kit.ctx, { orgId: julie, requestId: received.id })).status, "closed");
    await settled();
    const mails = await smtp.waitFor(2);
    assert.deepEqual(mails[1]?.to, [PERSON.email]);
  });

  test("a forward that duplicates an open request at the controller waits on the request being handled", async () => {
    // Cabinet Durand still handles the access request forwarded earlier (it kept it): a new one of the same
    // person is its duplicate, closed at once — Julie Desk's wait must hang on the open one.
    const [open] = (await requestsOf(durand)).filter(
      (r) => r.type === "access" && r.status === "in_progress",
    );
    assert.ok(open);
    const received = await receiveRequest(kit.ctx, { orgId: julie, role: "processor", type: "access" });
    const res = await kit.call({
      method: "POST",
      url: api("julie-desk", received.id, "/forward"),
      headers: kit.admin,
      payload: { controllerRef: "slash-clients", peer: "cabinet-durand" },
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().party.remoteRequestId, open.id);
    const duplicate = (await requestsOf(durand)).at(-1)!;
    assert.equal(duplicate.duplicate_of, open.id);
    assert.equal(duplicate.status, "closed");
    const parties = (
      await kit.call({ method: "GET", url: api("cabinet-durand", open.id, "/parties"), headers: kit.admin })
    ).json();
    const waiting = parties.items.find((p: { status: string }) => p.status === "pending");
    assert.equal(waiting.ref, "julie-desk-2");
    const instruct = await kit.call({
      method: "POST",
      url: api("cabinet-durand", open.id, "/instruct-processors"),
      headers: kit.admin,
      payload: { instruction: "Envoyez-lui ses rendez-vous." },
    });
    assert.equal(instruct.statusCode, 200, instruct.body);
    assert.equal((await getRequest(kit.ctx, { orgId: julie, requestId: received.id })).status, "in_progress");
  });
});
