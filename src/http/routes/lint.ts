import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app/app-context.ts";
import { lintRegister } from "../../lint/lint-register.ts";
import { SEVERITIES, type Severity } from "../../lint/lint-types.ts";
import { exportRegister } from "../../register/io/export-register.ts";
import { todayIso } from "../../register/today-iso.ts";
import { SECURED, SlugParams, withErrors } from "../api-schemas.ts";
import { organisationFor } from "../auth.ts";

const Finding = z.object({
  code: z.string().describe("Stable rule code, e.g. ART30-PURPOSE-MISSING"),
  severity: z.enum(SEVERITIES as [Severity, ...Severity[]]),
  path: z.string().describe("Register path of the field, e.g. activities[0].purposes"),
  message: z.string(),
  article: z.string().describe("Where the rule comes from, e.g. Art. 30(1)(b)"),
});

const LintBody = z.object({
  findings: z.array(Finding),
  summary: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
});

/** The register linter over an organisation's stored register (archived documents included, as exported). */
export const lintRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    "/organisations/:slug/lint",
    {
      schema: {
        ...SECURED,
        tags: ["register"],
        summary: "Check the register against Art. 30 and the rules around it",
        params: SlugParams,
        querystring: z.object({
          lang: z
            .enum(["fr", "en"])
            .optional()
            .describe("Language of the messages; the organisation's default language when unset"),
        }),
        response: withErrors({ 200: LintBody }),
      },
    },
    async (request) => {
      const { org } = await organisationFor(ctx, request, request.params.slug);
      const register = await exportRegister(ctx, { slug: org.slug });
      const { lang } = request.query;
      const findings = lintRegister(register, { today: todayIso(ctx.now()), ...(lang ? { lang } : {}) });
      const summary: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
      for (const finding of findings) summary[finding.severity]++;
      return { findings, summary };
    },
  );
};
