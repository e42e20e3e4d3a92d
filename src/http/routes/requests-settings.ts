import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../app/app-context.ts";
import {
  getRightsSettings,
  RightsSettings,
  updateRightsSettings,
} from "../../rights/settings/rights-settings.ts";
import { SECURED, SlugParams, withErrors } from "../api-schemas.ts";
import { organisationFor } from "../auth.ts";
import { TAG } from "./requests-schemas.ts";

/** How the organisation runs its requests: reminder days, who else is reminded, how long links live. */
export const rightsSettingsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const path = "/organisations/:slug/rights-settings";

  app.get(
    path,
    {
      schema: {
        ...SECURED,
        tags: [TAG],
        summary: "Read the organisation's rights settings (defaults until first set)",
        params: SlugParams,
        response: withErrors({ 200: RightsSettings }),
      },
    },
    async (request) => {
      const { org } = await organisationFor(ctx, request, request.params.slug);
      return getRightsSettings(ctx.db, org.id);
    },
  );

  app.put(
    path,
    {
      schema: {
        ...SECURED,
        tags: [TAG],
        summary: "Replace the organisation's rights settings (omitted fields take their defaults)",
        params: SlugParams,
        body: RightsSettings,
        response: withErrors({ 200: RightsSettings }),
      },
    },
    async (request) => {
      const { org, principal } = await organisationFor(ctx, request, request.params.slug);
      return updateRightsSettings(ctx, { orgId: org.id, actor: principal.actor, settings: request.body });
    },
  );
};
