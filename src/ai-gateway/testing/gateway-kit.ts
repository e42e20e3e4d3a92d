import { randomBytes } from "node:crypto";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import pino from "pino";
import type { AppContext } from "../../app/app-context.ts";
import { createToken } from "../../auth/create-token.ts";
import { buildServer } from "../../http/build-server.ts";
import { sampleActivity, sampleOrganisation } from "../../testing/fixtures.ts";
import { createTestContext, type TestContext } from "../../testing/test-context.ts";
import { startUpstream, type Upstream } from "./start-upstream.ts";

export type Headers = Record<string, string>;

export type GatewayKit = {
  ctx: AppContext & Pick<TestContext, "setNow">;
  app: FastifyInstance;
  upstream: Upstream;
  admin: Headers;
  /** Every log line the server wrote (level trace): tests check no personal value reached them. */
  logs: string[];
  /** Creates an organisation with an activity "ai-assistant" and returns a token scoped to it. */
  organisation: (slug: string) => Promise<Headers>;
  /** PUTs the organisation's gateway settings (upstream: the kit's) and returns the response. */
  configure: (
    slug: string,
    headers: Headers,
    body?: Record<string, unknown>,
  ) => Promise<LightMyRequestResponse>;
  call: (options: InjectOptions) => Promise<LightMyRequestResponse>;
  close: () => Promise<void>;
};

export const UPSTREAM_KEY = "sk-upstream-7f3a9c2e5b1d4e8f";
export const ACTIVITY_REF = "ai-assistant";

export const bearer = (token: string): Headers => ({ authorization: `Bearer ${token}` });

/**
 * A Gardien server over a fresh test store (SQLite, or a PostgreSQL schema with TEST_DATABASE_URL), with
 * a secret key (the upstream key is sealed with it), a real local upstream, and a logger whose lines are kept.
 */
export async function startGatewayKit(name: string): Promise<GatewayKit> {
  // The upstream listens on loopback, which the install must allow explicitly.
  const base = await createTestContext(name, { aiAllowPrivateUpstreams: true });
  const logs: string[] = [];
  const log = pino({ level: "trace" }, { write: (line: string) => void logs.push(line) });
  const config = Object.freeze({ ...base.config, secretKey: randomBytes(32).toString("base64") });
  const ctx = { ...base, config, log };
  const upstream = await startUpstream();
  const app = await buildServer(ctx);
  await app.ready();
  const admin = bearer((await createToken(ctx, { admin: true, name: "admin", actor: "test" })).token);
  const call = (options: InjectOptions) => app.inject(options);
  return {
    ctx,
    app,
    upstream,
    admin,
    logs,
    call,
    organisation: async (slug) => {
      const org = await call({
        method: "POST",
        url: "/api/v1/organisations",
        headers: admin,
        payload: sampleOrganisation(slug),
      });
      if (org.statusCode !== 201) throw new Error(`creating ${slug}: ${org.statusCode} ${org.body}`);
      const activity = await call({
        method: "POST",
        url: `/api/v1/organisations/${slug}/activities`,
        headers: admin,
        payload: sampleActivity(ACTIVITY_REF, { name: { fr: "Assistant IA", en: "AI assistant" } }),
      });
      if (activity.statusCode !== 201) throw new Error(`activity: ${activity.statusCode} ${activity.body}`);
      return bearer((await createToken(ctx, { orgSlug: slug, name: `${slug} token`, actor: "test" })).token);
    },
    configure: (slug, headers, body = {}) =>
      call({
        method: "PUT",
        url: `/api/v1/organisations/${slug}/ai-gateway`,
        headers,
        payload: { upstreamUrl: upstream.url, apiKey: UPSTREAM_KEY, defaultModel: "test-model", ...body },
      }),
    close: async () => {
      await app.close();
      await upstream.close();
      await base.close();
    },
  };
}
