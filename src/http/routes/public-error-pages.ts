import type { FastifyInstance } from "fastify";
import { httpStatusFor } from "../../errors/error-codes.ts";
import { negotiateLanguage } from "../../publication/negotiate-language.ts";
import { statusPageHtml, statusTitle } from "../../publication/public-status-page.ts";
import { errorBody, toAppError } from "../error-handler.ts";

/** Security headers of every public page: no script at all, no framing, no referrer leaking a link's token. */
export const PUBLIC_PAGE_HEADERS = {
  "content-security-policy":
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
} as const;

/**
 * Errors on the public site are pages for people, in their language (`?lang`, then Accept-Language, then
 * French), except when the reader asked for JSON. Same codes and statuses as the API's error handler.
 */
export function installPublicErrorPages(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error, request);
    const query = request.query as { lang?: unknown; format?: unknown } | undefined;
    const asked = query?.lang === "fr" || query?.lang === "en" ? query.lang : undefined;
    const { lang } = negotiateLanguage(asked, request.headers["accept-language"]);
    const status = httpStatusFor(appError.code);
    if (appError.code === "INTERNAL")
      request.log.error({ error: String(appError.cause ?? appError) }, "request failed");
    reply
      .status(status)
      .headers(PUBLIC_PAGE_HEADERS)
      .header("cache-control", "no-store")
      .header("vary", "Accept-Language");
    if (query?.format === "json") return reply.send(errorBody(appError, request.id, lang));
    return reply
      .type("text/html; charset=utf-8")
      .send(statusPageHtml({ lang, title: statusTitle(status, lang), message: appError.userMessage[lang] }));
  });
}
