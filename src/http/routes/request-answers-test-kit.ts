/**
 * Shared by the tests of request-answers.ts and public-packages.ts: a server over a fresh store with a public
 * URL (the base of package links) and, when given, a real loopback SMTP server; demo or sample registers; and
 * requests created through the rights operations.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { createToken } from "../../auth/create-token.ts";
import { demoRegisterPath, readRegisterYaml } from "../../demo/read-demo-registers.ts";
import { importRegister } from "../../register/io/import-register.ts";
import type { ActivityInput } from "../../register/model/index.ts";
import { scheduleMailDelivery } from "../../rights/intake/schedule-mail-delivery.ts";
import type { CreateRequestInput } from "../../rights/model/request.schema.ts";
import { createRequest } from "../../rights/requests/create-request.ts";
import { sampleActivity, sampleOrganisation } from "../../testing/fixtures.ts";
import { createTestContext, type TestContext } from "../../testing/test-context.ts";
import { buildServer } from "../build-server.ts";
import { bearer, type Headers } from "../testing/api-test-kit.ts";

export const PUBLIC_URL = "https://gardien.example";

/** Who asks: distinctive values, so finding one in a log, an event or an error is a leak. */
export const LEA = { name: "Léa Vautrin-Moreau", email: "lea.vautrin@example.net" } as const;
export const LEA_SECRETS = ["Vautrin", "lea.vautrin"];

export type AnswersKit = {
  ctx: TestContext;
  app: FastifyInstance;
  admin: Headers;
  call: (options: InjectOptions) => Promise<LightMyRequestResponse>;
  /** Imports a demo register (or a sample organisation with the given activities); returns a scoped token. */
  organisation: (slug: string, activities?: ActivityInput[]) => Promise<{ id: string; headers: Headers }>;
  /** A request of `orgId`, identity verified unless told otherwise; returns its id. */
  request: (orgId: string, input?: Partial<CreateRequestInput>) => Promise<string>;
  /** Waits for the background delivery of queued mails. */
  deliver: () => Promise<void>;
  close: () => Promise<void>;
};

const DEMO = new Set(["regis", "logeas", "julie-desk"]);

export async function startAnswersApi(name: string, options: { smtpUrl?: string } = {}): Promise<AnswersKit> {
  const ctx = await createTestContext(name, {
    publicUrl: PUBLIC_URL,
    ...(options.smtpUrl ? { smtpUrl: options.smtpUrl } : {}),
  });
  const app = await buildServer(ctx);
  await app.ready();
  const admin = bearer((await createToken(ctx, { admin: true, name: "admin", actor: "test" })).token);
  return {
    ctx,
    app,
    admin,
    call: (o) => app.inject(o),
    organisation: async (slug, activities = [sampleActivity("crm")]) => {
      const body = DEMO.has(slug)
        ? readRegisterYaml(demoRegisterPath(slug as "regis"))
        : { gardien: 1, organisation: sampleOrganisation(slug), activities };
      const summary = await importRegister(ctx, { body, actor: "test", allowCreate: true });
      const token = await createToken(ctx, { orgSlug: slug, name: `${slug} token`, actor: "test" });
      return { id: summary.organisation.id, headers: bearer(token.token) };
    },
    request: async (orgId, input = {}) => {
      const { request } = await createRequest(ctx, {
        orgId,
        actor: "test",
        input: {
          type: "access",
          channel: "api",
          requester: LEA,
          identityVerified: true,
          lang: "fr",
          ...input,
        },
      });
      return request.id;
    },
    deliver: () => scheduleMailDelivery(ctx),
    close: async () => {
      await scheduleMailDelivery(ctx);
      await app.close();
      await ctx.close();
    },
  };
}

export const answersOf = (slug: string, id: string) => `/api/v1/organisations/${slug}/requests/${id}`;

/** The package link in a letter (Markdown or HTML): the first URL to the package page. */
export function packageLinkIn(text: string): string {
  // The link's target (in parentheses or an href), not its text: Markdown escapes "_" in the text.
  const url = /https:\/\/gardien\.example(\/o\/[a-z0-9-]+\/rights\/package\?token=[A-Za-z0-9._%-]+)[)"]/;
  const match = url.exec(text);
  if (!match?.[1]) throw new Error("no package link in the text");
  return match[1];
}

/**
 * The readable text of a captured mail: its body with any base64 part decoded (nodemailer picks base64 or
 * quoted-printable per part; the test SMTP server already decodes the latter).
 */
export function mailText(mail: { body: string }): string {
  return mail.body.replace(
    /Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/g,
    (_m, data: string) => Buffer.from(data.replace(/\s+/g, ""), "base64").toString("utf8"),
  );
}
