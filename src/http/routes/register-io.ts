import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app/app-context.ts";
import { exportRegister } from "../../register/io/export-register.ts";
import { importRegister } from "../../register/io/import-register.ts";
import { serializeRegister } from "../../register/io/register-file-format.ts";
import {
  CONTENT_TYPES,
  serializeRegisterSpreadsheet,
} from "../../register/io/spreadsheet/register-spreadsheet.ts";
import { RegisterFile } from "../../register/model/register-file.schema.ts";
import {
  ImportSummaryBody,
  QueryBool,
  SECURED,
  SlugParams,
  uncheckedResponse,
  withErrors,
} from "../api-schemas.ts";
import { assertMayActOnSlug, organisationFor } from "../auth.ts";

const TAG = "register";

/** A whole register is larger than any single document: 10 MiB, against 1 MiB elsewhere. */
export const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

/** Register-as-code over HTTP: the same file `gardien register export` writes and `import` reads. */
export const registerIoRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    "/organisations/:slug/export",
    {
      schema: {
        ...SECURED,
        tags: [TAG],
        summary: "Export the whole register (archived documents included)",
        params: SlugParams,
        querystring: z.object({ format: z.enum(["json", "yaml", "ods", "xlsx"]).default("json") }),
        response: withErrors({
          200: {
            description: "The register file",
            content: {
              "application/json": { schema: uncheckedResponse(RegisterFile) },
              "application/yaml": { schema: z.string() },
              [CONTENT_TYPES.ods]: { schema: z.string().describe("CNIL register spreadsheet (ODS)") },
              [CONTENT_TYPES.xlsx]: { schema: z.string().describe("CNIL register spreadsheet (XLSX)") },
            },
          },
        }),
      },
    },
    async (request, reply) => {
      const { org } = await organisationFor(ctx, request, request.params.slug);
      const file = await exportRegister(ctx, { slug: org.slug });
      const format = request.query.format;
      if (format === "ods" || format === "xlsx") {
        // Fastify sends a Buffer as is, past the serializer; the OpenAPI document only needs to name the type.
        const bytes = Buffer.from(serializeRegisterSpreadsheet(file, format));
        return reply
          .header("content-type", CONTENT_TYPES[format])
          .header("content-disposition", `attachment; filename="${org.slug}.registre.${format}"`)
          .send(bytes as never);
      }
      if (format === "yaml") {
        return reply
          .header("content-type", "application/yaml; charset=utf-8")
          .header("content-disposition", `inline; filename="${org.slug}.gardien.yaml"`)
          .send(serializeRegister(file, "yaml"));
      }
      return reply.header("content-type", "application/json; charset=utf-8").send(file);
    },
  );

  app.post(
    "/organisations/:slug/import",
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        ...SECURED,
        tags: [TAG],
        summary: "Import a register file (an admin token may create the organisation)",
        description:
          "Validated whole before anything is written, then written in one transaction. " +
          "With prune=true, documents the file no longer holds are archived.",
        params: SlugParams,
        querystring: z.object({ prune: QueryBool.optional() }),
        body: RegisterFile,
        response: withErrors({ 200: ImportSummaryBody, 201: ImportSummaryBody }),
      },
    },
    async (request, reply) => {
      const { slug } = request.params;
      const principal = await assertMayActOnSlug(ctx, request, slug);
      const summary = await importRegister(ctx, {
        expectedSlug: slug,
        body: request.body,
        actor: principal.actor,
        ...(request.query.prune !== undefined ? { prune: request.query.prune } : {}),
        ...(principal.admin
          ? { allowCreate: true }
          : { onlyOrgId: principal.orgId ?? "", allowCreate: false }),
      });
      return reply.status(summary.organisation.outcome === "created" ? 201 : 200).send(summary);
    },
  );
};
