/**
 * Shared by the request routes' tests: a server whose logs are captured (to check that no personal data
 * reaches them), organisations with a register activity, and a requester whose name, address and words
 * must never show up where they should not.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import * as testApi from "node:test";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { verifyAudit } from "../../audit/verify-audit.ts";
import { createToken } from "../../auth/create-token.ts";
import type { ConfigInput } from "../../config/config.schema.ts";
import { scheduleMailDelivery } from "../../rights/intake/schedule-mail-delivery.ts";
import { sampleActivity, sampleOrganisation } from "../../testing/fixtures.ts";
import { createTestContext } from "../../testing/test-context.ts";
import { buildServer } from "../build-server.ts";
import { type ApiKit, bearer, type Headers } from "../testing/api-test-kit.ts";

/** Who asks. Each value is distinctive, so finding it anywhere is a leak, not a coincidence. */
export const JEANNE = {
  name: "Jeanne Quillardet",
  email: "jeanne.quillardet@example.net",
  postalAddress: "12 rue des Lilas, 75011 Paris",
  message: "Je souhaite recevoir la copie de mes données",
} as const;

/** The values of JEANNE that must not leak (the name in parts too). */
export const JEANNE_SECRETS = ["Quillardet", "jeanne.quillardet", "rue des Lilas", "copie de mes données"];

export const api = "/api/v1";
export const requestsOf = (slug: string) => `${api}/organisations/${slug}/requests`;

export type RequestsKit = ApiKit & {
  /** Every log line written so far (JSON text). */
  logs: string[];
  /** A manual entry for `slug`, checked to be created; returns its id. */
  enter: (slug: string, headers: Headers, body?: Record<string, unknown>) => Promise<string>;
};

export function letterFrom(requester: Record<string, unknown> = JEANNE): Record<string, unknown> {
  return { type: "access", channel: "letter", receivedAt: "2026-11-20", requester };
}

/** Like startApi, with the logs captured at the most verbose level. */
export async function startRequestsApi(
  name: string,
  config: Partial<ConfigInput> = {},
): Promise<RequestsKit> {
  const base = await createTestContext(name, config);
  const logs: string[] = [];
  const log = (await import("pino")).default(
    { level: "trace" },
    {
      write: (line: string) => {
        logs.push(line);
      },
    },
  );
  const ctx = { ...base, log };
  const app = await buildServer(ctx);
  await app.ready();
  const admin = bearer((await createToken(ctx, { admin: true, name: "admin", actor: "test" })).token);
  const call = (options: InjectOptions) => app.inject(options);
  const kit: RequestsKit = {
    ctx,
    app,
    admin,
    call,
    logs,
    organisation: async (slug, overrides = {}) => {
      const res = await call({
        method: "POST",
        url: `${api}/organisations`,
        headers: admin,
        payload: { ...sampleOrganisation(slug), ...overrides },
      });
      if (res.statusCode !== 201) throw new Error(`creating ${slug}: ${res.statusCode} ${res.body}`);
      const activity = await call({
        method: "POST",
        url: `${api}/organisations/${slug}/activities`,
        headers: admin,
        payload: sampleActivity("crm"),
      });
      if (activity.statusCode !== 201) throw new Error(`activity of ${slug}: ${activity.body}`);
      return bearer((await createToken(ctx, { orgSlug: slug, name: `${slug} token`, actor: "test" })).token);
    },
    enter: async (slug, headers, body = letterFrom()) => {
      const res = await call({ method: "POST", url: requestsOf(slug), headers, payload: body });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as string;
    },
    close: async () => {
      // A delivery started by a creation may still run: let it end before the store closes.
      await scheduleMailDelivery(ctx);
      await app.close();
      await base.close();
    },
  };
  return kit;
}

/** Neither the text (a response body, the logs) holds any of the requester's details. */
export function assertNoLeak(text: string, where: string): void {
  for (const secret of JEANNE_SECRETS) {
    assert.equal(text.includes(secret), false, `${where} holds "${secret}"`);
  }
}

/** An error response: status, code, and no personal data in it. */
export function assertError(res: LightMyRequestResponse, status: number, code: string): void {
  assert.equal(res.statusCode, status, res.body);
  assert.equal(res.json().code, code);
  assertNoLeak(res.body, `${status} body`);
}

// --- who may not call a route: the shared "security" third of each route file's tests ---------------

export type Target = { slug: string; id: string; attId: string };

export type Probe = {
  name: string;
  call: (target: Target) => InjectOptions;
  /** The status when the caller is allowed. */
  ok: number;
};

export type SecurityFixture = {
  kit: RequestsKit;
  tokenA: Headers;
  tokenB: Headers;
  /** Org A's request and attachment, and org B's. */
  a: Target;
  b: Target;
};

/** Two organisations, each with a request (from the same person) and an attachment. */
export async function startSecurityFixture(name: string): Promise<SecurityFixture> {
  const kit = await startRequestsApi(name);
  const tokenA = await kit.organisation("org-a");
  const tokenB = await kit.organisation("org-b");
  const target = async (slug: string, headers: Headers): Promise<Target> => {
    const id = await kit.enter(slug, headers, { ...letterFrom(), identityVerified: true });
    const att = await kit.call({
      method: "POST",
      url: `${requestsOf(slug)}/${id}/attachments`,
      headers,
      payload: {
        name: "Quillardet.pdf",
        mediaType: "application/pdf",
        contentBase64: Buffer.from("%PDF Quillardet").toString("base64"),
        purpose: "identity",
      },
    });
    assert.equal(att.statusCode, 201, att.body);
    return { slug, id, attId: att.json().id as string };
  };
  return { kit, tokenA, tokenB, a: await target("org-a", tokenA), b: await target("org-b", tokenB) };
}

/** What org B holds, as an admin sees it: nothing a refused call may change. */
async function stateOf(f: SecurityFixture): Promise<unknown> {
  const [details, settings] = await Promise.all([
    f.kit.call({ method: "GET", url: `${requestsOf("org-b")}/${f.b.id}`, headers: f.kit.admin }),
    f.kit.call({ method: "GET", url: `${api}/organisations/org-b/rights-settings`, headers: f.kit.admin }),
  ]);
  const requests = await f.kit.ctx.db.selectFrom("requests").select("id").execute();
  return { details: details.json(), settings: settings.json(), count: requests.length };
}

/** A 404 body without what differs between two 404s: the request id of the call, and the key looked up. */
function shapeOf(res: LightMyRequestResponse, ids: string[]): unknown {
  let body = res.body;
  for (const id of ids) body = body.replaceAll(id, "<id>");
  const { requestId: _r, ...rest } = JSON.parse(body) as Record<string, unknown>;
  return { status: res.statusCode, ...rest };
}

/**
 * The checks every request route must pass: 401 without a valid token; 403 with another organisation's
 * token (and org B unchanged); 404 for another organisation's request (or attachment) named under one's
 * own organisation, indistinguishable from an unknown id; admin allowed everywhere; no personal data in
 * refusals or logs. `probes` run in order; put destructive ones (delete) last.
 */
export function describeSecurity(
  title: string,
  name: string,
  probes: Probe[],
  options: { perRequest: boolean },
): void {
  const { describe, test, before, after } = testApi;
  describe(`${title}: security`, () => {
    let f: SecurityFixture;
    before(async () => {
      f = await startSecurityFixture(name);
    });
    after(() => f.kit.close());

    test("without a token, with an unknown one, or with another scheme: 401, nothing done", async () => {
      const before = await stateOf(f);
      for (const headers of [{}, bearer("gdn_not-a-real-token"), { authorization: "Basic dXNlcjpwYXNz" }]) {
        for (const probe of probes) {
          for (const target of [f.a, f.b]) {
            const res = await f.kit.call({
              ...probe.call(target),
              headers: { ...probe.call(target).headers, ...headers },
            });
            assertError(res, 401, "UNAUTHENTICATED");
          }
        }
      }
      assert.deepEqual(await stateOf(f), before);
    });

    test("org A's token on org B's routes: 403, org B unchanged; on a slug that does not exist: 403 too", async () => {
      const before = await stateOf(f);
      for (const probe of probes) {
        const call = probe.call(f.b);
        const res = await f.kit.call({ ...call, headers: { ...call.headers, ...f.tokenA } });
        assertError(res, 403, "FORBIDDEN");
        const ghost = probe.call({ ...f.b, slug: "no-such-org" });
        const probeGhost = await f.kit.call({ ...ghost, headers: { ...ghost.headers, ...f.tokenA } });
        assertError(probeGhost, 403, "FORBIDDEN");
        const asAdmin = await f.kit.call({ ...ghost, headers: { ...ghost.headers, ...f.kit.admin } });
        assertError(asAdmin, 404, "NOT_FOUND");
      }
      assert.deepEqual(await stateOf(f), before);
    });

    if (options.perRequest) {
      test("org B's request (or attachment) under org A: the same 404 as an unknown id", async () => {
        const before = await stateOf(f);
        const unknown = { id: randomUUID(), attId: randomUUID() };
        let compared = 0;
        for (const probe of probes) {
          for (const [label, crossed] of [
            ["B's request", { ...f.a, id: f.b.id }],
            ["B's attachment", { ...f.a, attId: f.b.attId }],
          ] as const) {
            const callCrossed = probe.call(crossed);
            if (callCrossed.url === probe.call(f.a).url) continue; // the probe does not name that id
            const callUnknown = probe.call({
              ...crossed,
              ...(crossed.id === f.b.id ? { id: unknown.id } : { attId: unknown.attId }),
            });
            const viaB = await f.kit.call({
              ...callCrossed,
              headers: { ...callCrossed.headers, ...f.tokenA },
            });
            const viaUnknown = await f.kit.call({
              ...callUnknown,
              headers: { ...callUnknown.headers, ...f.tokenA },
            });
            assertError(viaB, 404, "NOT_FOUND");
            assert.deepEqual(
              shapeOf(viaB, [f.b.id, f.b.attId]),
              shapeOf(viaUnknown, [unknown.id, unknown.attId]),
              `${probe.name}, ${label}`,
            );
            compared++;
          }
        }
        assert.ok(compared >= 1, "some probe names a request");
        assert.deepEqual(await stateOf(f), before);
      });
    }

    test("an admin token may call every route on every organisation", async () => {
      for (const probe of probes) {
        for (const target of [f.a, f.b]) {
          const call = probe.call(target);
          const res = await f.kit.call({ ...call, headers: { ...call.headers, ...f.kit.admin } });
          assert.equal(res.statusCode, probe.ok, `${probe.name} on ${target.slug}: ${res.body}`);
        }
      }
    });

    test("refusals and logs hold nothing of the requester; the audit trail verifies", async () => {
      assertNoLeak(f.kit.logs.join("\n"), "logs");
      assert.ok(f.kit.logs.length > 0);
      const audit = await verifyAudit(f.kit.ctx.db);
      assert.equal(audit.valid, true, JSON.stringify(audit.chains.filter((c) => !c.valid)));
    });
  });
}
