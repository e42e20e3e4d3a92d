import { writeFileSync } from "node:fs";
import { z } from "zod";
import { renderDocumentFile } from "../../documents/render-document.ts";
import { RenderRequestFields, renderCombinationIssues } from "../../documents/render-request.schema.ts";
import { validationError } from "../../errors/app-error.ts";
import { exportRegister } from "../../register/io/export-register.ts";
import { Slug } from "../../register/model/common.schema.ts";
import type { CliCommand } from "../cli-command.ts";

const USAGE =
  "doc render --org SLUG --doc register|sheet|processor-register|privacy|notice [--activity REF] [--notice short|long] [--policy-url URL] [--lang fr|en] [--format html|md|json|jsonld|pdf] [--output FILE]";

/** Flag names as typed; the combination rules live in src/documents and report on their own field names. */
const FLAG_OF = {
  doc: "doc",
  format: "format",
  activity: "activity",
  notice: "notice",
  policyUrl: "policy-url",
} as const;

const Options = z
  .object({
    org: Slug,
    doc: RenderRequestFields.doc,
    lang: RenderRequestFields.lang,
    format: RenderRequestFields.format,
    activity: RenderRequestFields.activity,
    notice: RenderRequestFields.notice,
    "policy-url": RenderRequestFields.policyUrl,
    output: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    for (const issue of renderCombinationIssues({ ...v, policyUrl: v["policy-url"] })) {
      ctx.addIssue({ code: "custom", path: [FLAG_OF[issue.field]], message: issue.message });
    }
  });

export const docRenderCommand: CliCommand<typeof Options> = {
  path: ["doc", "render"],
  usage: USAGE,
  summary:
    "Generate a document from the register: public register, CNIL sheet, processor register, policy, notice",
  flags: {
    org: { type: "string" },
    doc: { type: "string" },
    lang: { type: "string" },
    format: { type: "string" },
    activity: { type: "string" },
    notice: { type: "string" },
    "policy-url": { type: "string" },
    output: { type: "string", short: "o" },
  },
  schema: Options,
  async run({ options, io, openContext }) {
    // A PDF is bytes: on a terminal it would be noise, so it goes to a file or to a redirected standard output.
    if (options.format === "pdf" && !options.output && process.stdout.isTTY) {
      throw validationError([
        {
          path: "--output",
          rule: "required",
          message: "a PDF is binary: give --output FILE or redirect stdout",
        },
      ]);
    }
    const register = await exportRegister(await openContext(), { slug: options.org });
    const { body } = await renderDocumentFile(register, {
      doc: options.doc,
      lang: options.lang,
      format: options.format,
      activity: options.activity,
      notice: options.notice,
      policyUrl: options["policy-url"],
    });
    if (options.output) writeFileSync(options.output, body);
    else if (typeof body === "string") io.stdout(body);
    else {
      await new Promise<void>((resolve, reject) =>
        process.stdout.write(body, (error) => (error ? reject(error) : resolve())),
      );
    }
    return 0;
  },
};
