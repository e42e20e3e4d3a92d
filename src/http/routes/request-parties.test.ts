import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createRequest } from "../../rights/requests/create-request.ts";
import { sampleActivity } from "../../testing/fixtures.ts";
import { type ApiKit, type Headers, issuesOf, startApi } from "../testing/api-test-kit.ts";

describe("request parties: answers recorded by staff, and their errors", () => {
  let kit: ApiKit;
  let token: Headers;
  let orgId: string;
  const url = (id: string, rest: string) => `/api/v1/organisations/acme/requests/${id}${rest}`;

  async function controllerRequest(email: string) {
    const { request } = await createRequest(kit.ctx, {
      orgId,
      actor: "test",
      input: { type: "erasure", channel: "email", identityVerified: true, requester: { email } },
    });
    return request.id;
  }

  before(async () => {
    kit = await startApi("http-request-parties");
    token = await kit.organisation("acme");
    orgId = (
      await kit.ctx.db
        .selectFrom("organisations")
        .select("id")
        .where("slug", "=", "acme")
        .executeTakeFirstOrThrow()
    ).id;
    for (const ref of ["hoster", "mailer"]) {
      await kit.call({
        method: "POST",
        url: "/api/v1/organisations/acme/processors",
        headers: token,
        payload: { ref, name: ref.toUpperCase(), kind: "processor" },
      });
    }
    await kit.call({
      method: "POST",
      url: "/api/v1/organisations/acme/processors",
      headers: token,
      payload: { ref: "tax-office", name: "Tax office", kind: "recipient" },
    });
    await kit.call({
      method: "POST",
      url: "/api/v1/organisations/acme/activities",
      headers: token,
      payload: sampleActivity("crm", {
        recipients: [
          { kind: "processor", name: { en: "Host" }, processorRef: "hoster" },
          { kind: "authority", name: { en: "Tax office" }, processorRef: "tax-office" },
        ],
        transfers: [{ recipient: "Mailer", processorRef: "mailer" }],
      }),
    });
  });
  after(() => kit.close());

  test("processors come from recipients and transfers, never from mere recipients; answers by role", async () => {
    const id = await controllerRequest("a@example.org");
    const instructed = await kit.call({
      method: "POST",
      url: url(id, "/instruct-processors"),
      headers: token,
      payload: {},
    });
    assert.equal(instructed.statusCode, 200, instructed.body);
    const parties = instructed.json().parties as Array<{ id: string; ref: string; activityRefs: string[] }>;
    assert.deepEqual(parties.map((p) => p.ref).sort(), ["hoster", "mailer"]);
    assert.deepEqual(parties[0]?.activityRefs, ["crm"]);
    const [first, second] = parties;

    const wrongField = await kit.call({
      method: "POST",
      url: url(id, `/parties/${first!.id}/answer`),
      headers: token,
      payload: { decision: "confirm" },
    });
    assert.equal(wrongField.statusCode, 400);
    assert.deepEqual(
      issuesOf(wrongField).map((i) => `${i.path}:${i.rule}`),
      ["result:required"],
    );
    const mixed = await kit.call({
      method: "POST",
      url: url(id, `/parties/${first!.id}/answer`),
      headers: token,
      payload: { result: "completed", instruction: "x" },
    });
    assert.deepEqual(
      issuesOf(mixed).map((i) => `${i.path}:${i.rule}`),
      ["instruction:role"],
    );
    const bad = await kit.call({
      method: "POST",
      url: url(id, `/parties/${first!.id}/answer`),
      headers: token,
      payload: { result: "maybe" },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(issuesOf(bad)[0]?.path, "result");

    const answered = await kit.call({
      method: "POST",
      url: url(id, `/parties/${first!.id}/answer`),
      headers: token,
      payload: { result: "no_data", note: "Nothing on file." },
    });
    assert.equal(answered.statusCode, 200, answered.body);
    assert.equal(answered.json().status, "answered");
    assert.equal(answered.json().result, "no_data");
    const twice = await kit.call({
      method: "POST",
      url: url(id, `/parties/${first!.id}/answer`),
      headers: token,
      payload: { result: "completed" },
    });
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json().details.rule, "already_answered");
    const waiveAnswered = await kit.call({
      method: "POST",
      url: url(id, `/parties/${first!.id}/waive`),
      headers: token,
      payload: { reason: "late" },
    });
    assert.equal(waiveAnswered.statusCode, 409);

    const noReason = await kit.call({
      method: "POST",
      url: url(id, `/parties/${second!.id}/waive`),
      headers: token,
      payload: {},
    });
    assert.equal(noReason.statusCode, 400);
    assert.equal(issuesOf(noReason)[0]?.path, "reason");
    const waived = await kit.call({
      method: "POST",
      url: url(id, `/parties/${second!.id}/waive`),
      headers: token,
      payload: { reason: "Mailer closed its business." },
    });
    assert.equal(waived.json().status, "waived");
    const request = await kit.call({ method: "GET", url: url(id, "/parties"), headers: token });
    assert.equal(request.headers["cache-control"], "no-store");
  });

  test("forwarding needs a processor-side request, a known client controller and a way to reach it", async () => {
    const { request } = await createRequest(kit.ctx, {
      orgId,
      actor: "test",
      input: {
        type: "erasure",
        channel: "email",
        role: "processor",
        identityVerified: true,
        requester: { email: "b@example.org" },
      },
    });
    const unknown = await kit.call({
      method: "POST",
      url: url(request.id, "/forward"),
      headers: token,
      payload: { controllerRef: "nobody" },
    });
    assert.equal(unknown.statusCode, 400);
    assert.deepEqual(
      issuesOf(unknown).map((i) => `${i.path}:${i.rule}`),
      ["controllerRef:known_register_entry"],
    );
    await kit.call({
      method: "POST",
      url: "/api/v1/organisations/acme/processor-register",
      headers: token,
      payload: { ref: "client-x", status: "active", controller: { name: "Client X" } },
    });
    const nowhere = await kit.call({
      method: "POST",
      url: url(request.id, "/forward"),
      headers: token,
      payload: { controllerRef: "client-x" },
    });
    assert.equal(nowhere.statusCode, 400);
    assert.deepEqual(
      issuesOf(nowhere).map((i) => `${i.path}:${i.rule}`),
      ["email:required"],
    );
    const both = await kit.call({
      method: "POST",
      url: url(request.id, "/forward"),
      headers: token,
      payload: { controllerRef: "client-x", peer: "p", email: "c@example.org" },
    });
    assert.equal(both.statusCode, 400);
    const peerUnknown = await kit.call({
      method: "POST",
      url: url(request.id, "/forward"),
      headers: token,
      payload: { controllerRef: "client-x", peer: "ghost" },
    });
    assert.deepEqual(
      issuesOf(peerUnknown).map((i) => `${i.path}:${i.rule}`),
      ["peer:known_peer"],
    );
    const parties = await kit.ctx.db
      .selectFrom("request_parties")
      .select("id")
      .where("request_id", "=", request.id)
      .execute();
    assert.equal(parties.length, 0, "nothing stored");
  });
});
