import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sql } from "kysely";
import { z } from "zod";
import type { AppContext } from "../../app/app-context.ts";
import { registerJsonSchema } from "../../register/io/register-json-schema.ts";
import { withErrors } from "../api-schemas.ts";

/**
 * The routes that need no token: they hold no register data. Registered outside the /api/v1 scope
 * that carries the auth hook.
 */
export const metaRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    "/healthz",
    {
      schema: {
        tags: ["meta"],
        summary: "Liveness and store check",
        response: withErrors({
          200: z.object({ status: z.literal("ok"), db: z.enum(["sqlite", "postgres"]) }),
        }),
      },
    },
    async () => {
      // A round trip to the store: a server that cannot reach its database is not healthy.
      await sql`select 1`.execute(ctx.db);
      return { status: "ok" as const, db: ctx.dialect };
    },
  );

  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  app.get(
    "/api/v1/schema/register",
    {
      schema: {
        tags: ["register"],
        summary: "JSON Schema (draft 2020-12) of register files, for editors and CI",
        response: withErrors({ 200: z.record(z.string(), z.unknown()) }),
      },
    },
    async (_request, reply) =>
      reply.header("cache-control", "public, max-age=3600").send(registerJsonSchema()),
  );
};
