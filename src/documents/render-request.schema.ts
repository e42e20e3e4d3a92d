import { z } from "zod";
import { Ref, Url } from "../register/model/common.schema.ts";
import { DOCUMENT_KINDS } from "./document-model.ts";

export const RENDER_FORMATS = ["html", "md", "json", "jsonld", "pdf"] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

/** What to render: the fields of `gardien doc render` and, later, of the document routes. */
export const RenderRequestFields = {
  doc: z.enum(DOCUMENT_KINDS),
  /** Unset: the organisation's default language. */
  lang: z.enum(["fr", "en"]).optional(),
  format: z.enum(RENDER_FORMATS).default("html"),
  activity: Ref.optional(),
  notice: z.enum(["short", "long"]).optional(),
  policyUrl: Url.optional(),
};

type Combination = {
  doc: (typeof DOCUMENT_KINDS)[number];
  format: RenderFormat;
  activity?: string | undefined;
  notice?: string | undefined;
  policyUrl?: string | undefined;
};

/**
 * The combinations that make no sense, each reported on the field to change: JSON-LD exists only for the
 * register (it is DPV's model of Art. 30), --activity only selects a sheet or a notice's activity, a notice needs
 * one, and the notice form and policy link only shape a notice.
 */
export function renderCombinationIssues(v: Combination): { field: keyof Combination; message: string }[] {
  const issues: { field: keyof Combination; message: string }[] = [];
  if (v.format === "jsonld" && v.doc !== "register") {
    issues.push({
      field: "format",
      message: `jsonld is only available for the register, not for "${v.doc}"`,
    });
  }
  if (v.activity !== undefined && v.doc !== "sheet" && v.doc !== "notice") {
    issues.push({ field: "activity", message: `only applies to sheet and notice, not to "${v.doc}"` });
  }
  if (v.doc === "notice" && v.activity === undefined) {
    issues.push({ field: "activity", message: "a notice is about one activity: give its ref" });
  }
  if (v.notice !== undefined && v.doc !== "notice") {
    issues.push({ field: "notice", message: `only applies to notice, not to "${v.doc}"` });
  }
  if (v.policyUrl !== undefined && v.doc !== "notice") {
    issues.push({ field: "policyUrl", message: `only applies to notice, not to "${v.doc}"` });
  }
  return issues;
}

export const RenderRequest = z
  .object(RenderRequestFields)
  .strict()
  .superRefine((v, ctx) => {
    for (const issue of renderCombinationIssues(v)) {
      ctx.addIssue({ code: "custom", path: [issue.field], message: issue.message });
    }
  });
export type RenderRequest = z.input<typeof RenderRequest>;
