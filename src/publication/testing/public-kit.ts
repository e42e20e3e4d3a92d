import { randomBytes } from "node:crypto";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import type { AppContext } from "../../app/app-context.ts";
import { createToken } from "../../auth/create-token.ts";
import { buildServer } from "../../http/build-server.ts";
import { importRegister } from "../../register/io/import-register.ts";
import type { ActivityInput, OrganisationInput } from "../../register/model/index.ts";
import { sampleActivity, sampleOrganisation } from "../../testing/fixtures.ts";
import { createTestContext, type TestContext } from "../../testing/test-context.ts";

export type PublicKit = {
  ctx: AppContext & Pick<TestContext, "setNow">;
  app: FastifyInstance;
  admin: Record<string, string>;
  call: (options: InjectOptions | string) => Promise<LightMyRequestResponse>;
  /** Replaces the organisation's register (activities) as a draft: nothing is published. */
  writeRegister: (
    slug: string,
    activities: ActivityInput[],
    org?: Partial<OrganisationInput>,
  ) => Promise<void>;
  publish: (slug: string, note?: string) => Promise<LightMyRequestResponse>;
  close: () => Promise<void>;
};

export const PUBLIC_URL = "https://gardien.example";

/**
 * A server over a fresh test store with what the public site needs: a secret key, a public URL and,
 * when given, an SMTP server. Registers are written through the importer, as drafts of the next version.
 */
export async function startPublicKit(name: string, options: { smtpUrl?: string } = {}): Promise<PublicKit> {
  const base = await createTestContext(name);
  const config = Object.freeze({
    ...base.config,
    secretKey: randomBytes(32).toString("base64"),
    publicUrl: PUBLIC_URL,
    ...(options.smtpUrl ? { smtpUrl: options.smtpUrl } : {}),
  });
  const ctx = { ...base, config };
  const app = await buildServer(ctx);
  await app.ready();
  const admin = {
    authorization: `Bearer ${(await createToken(ctx, { admin: true, name: "admin", actor: "test" })).token}`,
  };
  const call = (options: InjectOptions | string) => app.inject(options);
  return {
    ctx,
    app,
    admin,
    call,
    writeRegister: async (slug, activities, org = {}) => {
      await importRegister(ctx, {
        body: { gardien: 1, organisation: { ...sampleOrganisation(slug), ...org }, activities },
        actor: "test",
        allowCreate: true,
        prune: true,
      });
    },
    publish: (slug, note) =>
      call({
        method: "POST",
        url: `/api/v1/organisations/${slug}/publications`,
        headers: admin,
        payload: note ? { note } : {},
      }),
    close: async () => {
      await app.close();
      await base.close();
    },
  };
}

export { sampleActivity };
