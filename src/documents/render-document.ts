import { AppError, validationError } from "../errors/app-error.ts";
import { issuesFromZod } from "../errors/from-zod.ts";
import type { RegisterFile } from "../register/model/register-file.schema.ts";
import { buildInformationNotice } from "./build-information-notice.ts";
import { buildPrivacyPolicy } from "./build-privacy-policy.ts";
import { buildProcessorRegister } from "./build-processor-register.ts";
import { buildPublicRegister } from "./build-public-register.ts";
import { buildRegisterSheets } from "./build-register-sheet.ts";
import type { GardienDocument } from "./document-model.ts";
import { exportDpvJsonLd } from "./export-dpv-jsonld.ts";
import { renderHtml } from "./render-html.ts";
import { renderMarkdown } from "./render-markdown.ts";
import { renderPdf } from "./render-pdf.ts";
import { RenderRequest } from "./render-request.schema.ts";

export type RenderedDocument = { mediaType: string; extension: string; body: string };
/** A rendered document in any format: PDF is bytes. */
export type RenderedFile = { mediaType: string; extension: string; body: string | Buffer };

/** The validated request, with the language defaulting to the organisation's. */
function parseRequest(register: RegisterFile, request: RenderRequest) {
  const parsed = RenderRequest.safeParse(request);
  if (!parsed.success) throw validationError(issuesFromZod(parsed.error));
  return { ...parsed.data, lang: parsed.data.lang ?? register.organisation.settings.defaultLanguage };
}

/** The document model of a request: every fact computed once, for every output format. */
export function buildDocument(register: RegisterFile, request: RenderRequest): GardienDocument {
  const r = parseRequest(register, request);
  switch (r.doc) {
    case "register":
      return buildPublicRegister(register, { lang: r.lang });
    case "sheet":
      return buildRegisterSheets(register, { lang: r.lang, activity: r.activity });
    case "processor-register":
      return buildProcessorRegister(register, { lang: r.lang });
    case "privacy":
      return buildPrivacyPolicy(register, { lang: r.lang });
    case "notice":
      return buildInformationNotice(register, {
        lang: r.lang,
        activity: r.activity ?? "",
        form: r.notice,
        policyUrl: r.policyUrl,
      });
  }
}

/**
 * Renders one document of a register in one text format (renderDocumentFile adds PDF, and is what the CLI uses).
 * Throws VALIDATION_FAILED naming the field for a combination that makes no sense (jsonld for a policy...),
 * NOT_FOUND for an unknown activity.
 *
 * @example renderDocument(register, { doc: "register", lang: "fr", format: "md" }).body
 */
export function renderDocument(register: RegisterFile, request: RenderRequest): RenderedDocument {
  const r = parseRequest(register, request);
  if (r.format === "jsonld") {
    return {
      mediaType: "application/ld+json",
      extension: "jsonld",
      body: `${JSON.stringify(exportDpvJsonLd(register), null, 2)}\n`,
    };
  }
  const doc = buildDocument(register, r);
  switch (r.format) {
    case "html":
      return { mediaType: "text/html; charset=utf-8", extension: "html", body: renderHtml(doc) };
    case "md":
      return { mediaType: "text/markdown; charset=utf-8", extension: "md", body: renderMarkdown(doc) };
    case "json":
      return { mediaType: "application/json", extension: "json", body: `${JSON.stringify(doc, null, 2)}\n` };
    case "pdf":
      throw new AppError("INTERNAL", "pdf is binary and asynchronous: render it with renderDocumentFile");
  }
}

/**
 * Renders one document in any format, PDF included (bytes, built asynchronously by pdfkit); the text formats are
 * those of renderDocument, with the same validation.
 *
 * @example (await renderDocumentFile(register, { doc: "privacy", lang: "fr", format: "pdf" })).mediaType // "application/pdf"
 */
export async function renderDocumentFile(
  register: RegisterFile,
  request: RenderRequest,
): Promise<RenderedFile> {
  const r = parseRequest(register, request);
  if (r.format !== "pdf") return renderDocument(register, r);
  const body = await renderPdf(buildDocument(register, r), { lang: r.lang });
  return { mediaType: "application/pdf", extension: "pdf", body };
}
