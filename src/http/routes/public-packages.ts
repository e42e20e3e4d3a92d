/**
 * The person's side of a data package (no token, a signed expiring link): `GET /o/{slug}/rights/package?token=`
 * shows what the package holds, until when, and a button per file; the buttons post to `…/package/download`,
 * which sends the zip or the readable copy as a download and records it. A link that is expired, altered, or
 * used under another organisation's address gets one page that says only that. Nothing is cached, no referrer
 * leaves the page, no script runs. Thin shells over src/rights/package.
 */
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app/app-context.ts";
import { isAppError } from "../../errors/app-error.ts";
import { type Lang, negotiateLanguage } from "../../publication/negotiate-language.ts";
import { Slug } from "../../register/model/common.schema.ts";
import { openPackage, packageFile } from "../../rights/package/open-package.ts";
import { invalidPackagePageHtml, packagePageHtml } from "../../rights/package/package-page-html.ts";
import { recordPackageDownload } from "../../rights/package/record-package-download.ts";
import { createRateLimiter, tooManyAttempts } from "../../subscriptions/rate-limit.ts";
import { installPublicErrorPages, PUBLIC_PAGE_HEADERS } from "./public-error-pages.ts";

/** A person opens their link a few times; a scanner of tokens hits the limit at once. */
export const PACKAGE_LIMIT = { limit: 60, windowMs: 15 * 60 * 1000 };

const Params = z.object({ slug: Slug });
const LangQuery = z.object({ lang: z.enum(["fr", "en"]).optional() });
const Token = z.string().min(1).max(2048);
const PageQuery = LangQuery.extend({ token: Token });
const DownloadBody = z.object({ token: Token, file: z.enum(["zip", "html"]) });

const PRIVATE = { ...PUBLIC_PAGE_HEADERS, "cache-control": "no-store" } as const;

function isInvalidLink(error: unknown): boolean {
  return isAppError(error) && (error.details as { reason?: string } | undefined)?.reason === "invalid_link";
}

export const publicPackageRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  installPublicErrorPages(app);
  const limiter = createRateLimiter(PACKAGE_LIMIT);
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: 8192 },
    (_r, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );

  function limit(ip: string): void {
    if (!limiter.hit(ip)) {
      throw tooManyAttempts("too many package requests");
    }
  }

  function invalid(reply: FastifyReply, lang: Lang) {
    return reply
      .status(400)
      .headers(PRIVATE)
      .header("vary", "Accept-Language")
      .type("text/html; charset=utf-8")
      .send(invalidPackagePageHtml(lang));
  }

  app.get(
    "/o/:slug/rights/package",
    { schema: { hide: true, params: Params, querystring: PageQuery } },
    async (request, reply) => {
      limit(request.ip);
      const negotiated = negotiateLanguage(request.query.lang, request.headers["accept-language"]).lang;
      try {
        const opened = await openPackage(ctx, { slug: request.params.slug, token: request.query.token });
        // The package was built in the request's language: the page follows it unless the person switches.
        const lang = request.query.lang ?? opened.lang;
        return reply
          .headers(PRIVATE)
          .type("text/html; charset=utf-8")
          .send(
            packagePageHtml({
              slug: request.params.slug,
              lang,
              token: request.query.token,
              orgName: opened.orgName,
              reference: opened.reference,
              expiresOn: opened.expiresOn,
              zipBytes: Number(opened.attachment.size),
            }),
          );
      } catch (error) {
        if (isInvalidLink(error)) return invalid(reply, negotiated);
        throw error;
      }
    },
  );

  app.post(
    "/o/:slug/rights/package/download",
    { schema: { hide: true, params: Params, querystring: LangQuery, body: DownloadBody } },
    async (request, reply) => {
      limit(request.ip);
      const lang = negotiateLanguage(request.query.lang, request.headers["accept-language"]).lang;
      try {
        const opened = await openPackage(ctx, { slug: request.params.slug, token: request.body.token });
        const file = await packageFile(ctx, opened, request.body.file);
        await recordPackageDownload(ctx, opened, request.body.file);
        return (
          reply
            .headers(PRIVATE)
            // A download, never a page of this site: the readable copy opens from the person's disk.
            .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
            .header("content-disposition", `attachment; filename="${file.fileName}"`)
            .type(file.mediaType)
            .send(file.body)
        );
      } catch (error) {
        if (isInvalidLink(error)) return invalid(reply, lang);
        throw error;
      }
    },
  );
};
