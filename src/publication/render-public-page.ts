import { organisationName } from "../documents/format-identity.ts";
import { renderMarkdown } from "../documents/render-markdown.ts";
import { renderPdf } from "../documents/render-pdf.ts";
import type { Lang } from "./negotiate-language.ts";
import { buildPublicDocument, type PublicPage, publicActivities } from "./public-documents.ts";
import { publicDocumentHtml } from "./public-page-html.ts";
import type { PublicationWithSnapshot } from "./publication-types.ts";
import { say } from "./register-keys.ts";

export const PUBLIC_FORMATS = ["html", "md", "json", "pdf"] as const;
export type PublicFormat = (typeof PUBLIC_FORMATS)[number];

export type RenderedPage = { body: string | Uint8Array; contentType: string; etag: string };

export type PageRequest = {
  slug: string;
  page: PublicPage;
  ref?: string | undefined;
  lang: Lang;
  format: PublicFormat;
  /** True for `/versions/{n}` URLs: the page says it is archived and links to the current one. */
  isVersion: boolean;
  /** Absolute URL of the published privacy policy, for notices when the register names none. */
  policyUrl?: string | undefined;
};

/** Strong ETag: the version, the document, the language and the format decide the bytes. */
export function pageEtag(
  number: number,
  request: Pick<PageRequest, "page" | "ref" | "lang" | "format" | "isVersion">,
): string {
  const ref = request.ref ? `.${request.ref}` : "";
  return `"v${number}-${request.page}${ref}-${request.lang}-${request.format}${request.isVersion ? "-archived" : ""}"`;
}

/** Path of a page, without query: what the language link and the archived-version banner point at. */
export function pagePath(
  request: Pick<PageRequest, "slug" | "page" | "ref" | "isVersion">,
  number: number,
): string {
  const doc = request.page === "activity" ? `activities/${request.ref ?? ""}` : request.page;
  return `/o/${request.slug}/${doc}${request.isVersion ? `/versions/${number}` : ""}`;
}

/**
 * One public page of a published version, in one language and format. The HTML is the documents' own
 * renderer inside the site's frame (navigation, language link, version line); every register value is escaped
 * by the renderers. PDF renders the same document model, so every page exists in every format.
 */
export async function renderPublicPage(
  publication: PublicationWithSnapshot,
  request: PageRequest,
): Promise<RenderedPage> {
  const register = publication.snapshot;
  const etag = pageEtag(publication.number, request);
  const doc = buildPublicDocument(register, request);
  switch (request.format) {
    case "pdf":
      return { body: await renderPdf(doc, { lang: request.lang }), contentType: "application/pdf", etag };
    case "md":
      return { body: renderMarkdown(doc), contentType: "text/markdown; charset=utf-8", etag };
    case "json":
      return {
        body: `${JSON.stringify(doc, null, 2)}\n`,
        contentType: "application/json; charset=utf-8",
        etag,
      };
    case "html": {
      const activities = publicActivities(register).map((a) => ({
        ref: a.ref,
        name: say(a.name, request.lang),
      }));
      const body = publicDocumentHtml(
        {
          slug: request.slug,
          orgName: organisationName(register.organisation),
          lang: request.lang,
          current: request.page,
          path: pagePath(request, publication.number),
          hasProcessorRegister: register.processorRegister.some((e) => e.status === "active"),
        },
        doc,
        {
          number: publication.number,
          publishedAt: publication.publishedAt,
          isVersion: request.isVersion,
          activities,
        },
      );
      return { body, contentType: "text/html; charset=utf-8", etag };
    }
  }
}
