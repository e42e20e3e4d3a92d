import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { createToken } from "../../auth/create-token.ts";
import type { ConfigInput } from "../../config/config.schema.ts";
import type { OrganisationInput } from "../../register/model/index.ts";
import { sampleOrganisation } from "../../testing/fixtures.ts";
import { createTestContext, type TestContext } from "../../testing/test-context.ts";
import { buildServer } from "../build-server.ts";

export type Headers = Record<string, string>;

export type ApiKit = {
  ctx: TestContext;
  app: FastifyInstance;
  /** Authorization header of an admin token. */
  admin: Headers;
  /** Creates an organisation (as admin) and returns the header of a token scoped to it. */
  organisation: (slug: string, overrides?: Partial<OrganisationInput>) => Promise<Headers>;
  call: (options: InjectOptions) => Promise<LightMyRequestResponse>;
  close: () => Promise<void>;
};

export function bearer(token: string): Headers {
  return { authorization: `Bearer ${token}` };
}

/** A server over a fresh store (SQLite, or a PostgreSQL schema when TEST_DATABASE_URL is set), driven by inject(). */
export async function startApi(name: string, config: Partial<ConfigInput> = {}): Promise<ApiKit> {
  const ctx = await createTestContext(name, config);
  const app = await buildServer(ctx);
  await app.ready();
  const admin = bearer((await createToken(ctx, { admin: true, name: "admin", actor: "test" })).token);
  const call = (options: InjectOptions) => app.inject(options);
  return {
    ctx,
    app,
    admin,
    call,
    organisation: async (slug, overrides = {}) => {
      const res = await call({
        method: "POST",
        url: "/api/v1/organisations",
        headers: admin,
        payload: { ...sampleOrganisation(slug), ...overrides },
      });
      if (res.statusCode !== 201) throw new Error(`creating ${slug}: ${res.statusCode} ${res.body}`);
      return bearer((await createToken(ctx, { orgSlug: slug, name: `${slug} token`, actor: "test" })).token);
    },
    close: async () => {
      await app.close();
      await ctx.close();
    },
  };
}

/** The error body's issues, for assertions on paths and rules. */
export function issuesOf(
  res: LightMyRequestResponse,
): Array<{ path: string; rule: string; message: string }> {
  return (res.json() as { details: { issues: Array<{ path: string; rule: string; message: string }> } })
    .details.issues;
}
