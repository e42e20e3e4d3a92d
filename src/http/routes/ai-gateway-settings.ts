/**
 * The staff side of the AI gateway (src/ai-gateway), per organisation: its settings, its usage counts,
 * and what it tells the register. An organisation-scoped token acts on its own organisation, an admin
 * token on any (see auth.ts). The upstream key is write-only: no response carries it.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { deleteGatewaySettings } from "../../ai-gateway/delete-gateway-settings.ts";
import { GatewaySettingsInput, GatewaySettingsView } from "../../ai-gateway/gateway-settings.schema.ts";
import { getGatewaySettings } from "../../ai-gateway/get-gateway-settings.ts";
import { getGatewayUsage, MAX_USAGE_DAYS } from "../../ai-gateway/get-gateway-usage.ts";
import { putGatewaySettings } from "../../ai-gateway/put-gateway-settings.ts";
import { reportGatewayCoverage } from "../../ai-gateway/report-gateway-coverage.ts";
import { syncGatewayActivity } from "../../ai-gateway/sync-gateway-activity.ts";
import type { AppContext } from "../../app/app-context.ts";
import { ENTITY_TYPES } from "../../pii/index.ts";
import { IsoDate } from "../../register/model/common.schema.ts";
import { DATA_CATEGORY_CODES } from "../../register/model/vocabulary.ts";
import { SECURED, SlugParams, withErrors } from "../api-schemas.ts";
import { organisationFor } from "../auth.ts";

const TAG = "ai gateway";
const common = { ...SECURED, tags: [TAG], params: SlugParams };

const Counts = z.object({
  requests: z.number().int().describe("Gateway calls"),
  replacements: z.number().int().describe("Values replaced, all types"),
  byType: z
    .record(z.string(), z.object({ replacements: z.number().int(), requests: z.number().int() }))
    .describe("Per entity type: values replaced, and calls in which the type was found"),
});
const UsageBody = z.object({
  from: z.string(),
  to: z.string(),
  totals: Counts,
  days: z.array(Counts.extend({ day: z.string() })),
});
const EntityTypeBody = z.enum(ENTITY_TYPES);
const CategoryBody = z.enum(DATA_CATEGORY_CODES);
const Localized = z.object({ fr: z.string(), en: z.string() });
const ReportBody = z.object({
  activityRef: z.string().nullable(),
  seen: z.array(
    z.object({ entityType: EntityTypeBody, category: CategoryBody, replacements: z.number().int() }),
  ),
  findings: z.array(
    z.object({
      code: z.string(),
      severity: z.enum(["error", "warning"]),
      path: z.string(),
      message: Localized,
      article: z.string(),
      category: CategoryBody.optional(),
      entityTypes: z.array(EntityTypeBody).optional(),
    }),
  ),
});
const SyncBody = z.object({
  activityRef: z.string(),
  revision: z.number().int(),
  changed: z.boolean(),
  added: z.array(z.object({ id: z.string(), category: CategoryBody, entityTypes: z.array(EntityTypeBody) })),
});

export const aiGatewaySettingsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const path = "/organisations/:slug/ai-gateway";

  app.put(
    path,
    {
      schema: {
        ...common,
        summary: "Set the organisation's AI gateway: upstream, key (write-only), model, register activity",
        description:
          "Replaces the settings, except apiKey: omitted, the stored key stays; null removes it. The key " +
          "is sealed at rest and never returned. 201 when the settings are created.",
        body: GatewaySettingsInput,
        response: withErrors({ 200: GatewaySettingsView, 201: GatewaySettingsView }),
      },
    },
    async (request, reply) => {
      const { org, principal } = await organisationFor(ctx, request, request.params.slug);
      const result = await putGatewaySettings(ctx, { org, body: request.body, actor: principal.actor });
      return reply.status(result.created ? 201 : 200).send(result.settings);
    },
  );

  app.get(
    path,
    {
      schema: {
        ...common,
        summary: "The organisation's AI gateway settings (apiKeySet tells whether a key is stored)",
        response: withErrors({ 200: GatewaySettingsView }),
      },
    },
    async (request) => {
      const { org } = await organisationFor(ctx, request, request.params.slug);
      return getGatewaySettings(ctx, { org });
    },
  );

  app.delete(
    path,
    {
      schema: {
        ...common,
        summary: "Remove the organisation's AI gateway settings and key; usage counts are kept",
        response: withErrors({ 204: z.null().describe("Removed") }),
      },
    },
    async (request, reply) => {
      const { org, principal } = await organisationFor(ctx, request, request.params.slug);
      await deleteGatewaySettings(ctx, { org, actor: principal.actor });
      return reply.status(204).send(null);
    },
  );

  app.get(
    `${path}/usage`,
    {
      schema: {
        ...common,
        summary: "What the AI gateway replaced, per day and per entity type (counts only)",
        description: `Days are UTC, inclusive; default the last 30 days; at most ${MAX_USAGE_DAYS} days.`,
        querystring: z.object({ from: IsoDate.optional(), to: IsoDate.optional() }),
        response: withErrors({ 200: UsageBody }),
      },
    },
    async (request) => {
      const { org } = await organisationFor(ctx, request, request.params.slug);
      return getGatewayUsage(ctx, { orgId: org.id, ...request.query });
    },
  );

  app.get(
    `${path}/report`,
    {
      schema: {
        ...common,
        summary: "What the AI gateway saw that its register activity does not declare",
        description:
          "Findings in the linter's style: AI-GATEWAY-ACTIVITY-UNSET, AI-GATEWAY-ACTIVITY-UNKNOWN, " +
          "AI-GATEWAY-CATEGORY-UNDECLARED (Art. 30(1)(c)).",
        response: withErrors({ 200: ReportBody }),
      },
    },
    async (request) => {
      const { org } = await organisationFor(ctx, request, request.params.slug);
      return reportGatewayCoverage(ctx, { org });
    },
  );

  app.post(
    `${path}/sync-activity`,
    {
      schema: {
        ...common,
        summary: "Declare in the register activity (activityRef) the data categories the gateway has seen",
        description:
          "Adds the missing categories through the register's update (new revision, audit entry); removes " +
          "nothing. 409 NOT_CONFIGURED naming activityRef when it is unset or names no current activity.",
        response: withErrors({ 200: SyncBody }),
      },
    },
    async (request) => {
      const { org, principal } = await organisationFor(ctx, request, request.params.slug);
      return syncGatewayActivity(ctx, { org, actor: principal.actor });
    },
  );
};
