/**
 * The public site: the latest *published* version of each organisation's documents, and every earlier
 * version at `.../versions/{n}`. No token: this is what the organisation chose to publish. Pages come
 * from the in-memory cache (src/publication/public-page-cache.ts), with a strong ETag (304 on a match).
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app/app-context.ts";
import { parseOrThrow } from "../../errors/from-zod.ts";
import { cachedPublicPage, getPublicPage } from "../../publication/get-public-page.ts";
import { negotiateLanguage } from "../../publication/negotiate-language.ts";
import type { PublicPage } from "../../publication/public-documents.ts";
import { PUBLIC_FORMATS, type RenderedPage } from "../../publication/render-public-page.ts";
import { Ref, Slug } from "../../register/model/common.schema.ts";
import { installPublicErrorPages, PUBLIC_PAGE_HEADERS } from "./public-error-pages.ts";

const Query = z.object({
  lang: z.enum(["fr", "en"]).optional(),
  format: z.enum(PUBLIC_FORMATS).default("html"),
});
const Version = z.coerce.number().int().min(1).max(1_000_000);
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

const LATEST_CACHE = "public, max-age=300";
const VERSION_CACHE = "public, max-age=31536000, immutable";

/** `If-None-Match` holds one or more ETags, or `*`; weak comparison is allowed for GET (RFC 9110 §13.1.2). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}

/**
 * The page routes validate their few parameters by hand rather than through route schemas: this is the
 * hottest path of the install (bench/public-pages.ts), and the same Zod schemas run only on the inputs.
 */
function parse<S extends z.ZodType>(schema: S, value: unknown, prefix: string): z.output<S> {
  return parseOrThrow(schema, value, prefix);
}

const SlugParams = z.object({ slug: Slug });
const SlugVersionParams = z.object({ slug: Slug, version: Version });
const RefParams = z.object({ slug: Slug, ref: Ref });
const RefVersionParams = z.object({ slug: Slug, ref: Ref, version: Version });

/** The common case, `?lang=xx` or nothing, without a Zod pass; anything else goes through the schema. */
function parseQuery(query: unknown): z.output<typeof Query> {
  const q = query as Record<string, unknown>;
  const keys = Object.keys(q);
  if (keys.length === 0) return { format: "html" };
  if (keys.length === 1 && (q.lang === "fr" || q.lang === "en")) return { lang: q.lang, format: "html" };
  return parse(Query, query, "querystring");
}

export const publicPageRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  installPublicErrorPages(app);

  function serve(
    request: FastifyRequest,
    reply: FastifyReply,
    input: { slug: string; page: PublicPage; ref?: string; version?: number },
  ) {
    const query = parseQuery(request.query);
    const { lang, negotiated } = negotiateLanguage(query.lang, request.headers["accept-language"]);
    const pageInput = { ...input, lang, format: query.format };
    const cached = cachedPublicPage(ctx, pageInput);
    if (cached) return send(request, reply, cached, input.version !== undefined, negotiated);
    return getPublicPage(ctx, pageInput).then(({ page }) =>
      send(request, reply, page, input.version !== undefined, negotiated),
    );
  }

  // Header sets per page and cache policy, built once: this is the hot path.
  const headerSets = new WeakMap<RenderedPage, Record<"latest" | "version", Record<string, string>>>();
  function headersOf(page: RenderedPage, isVersion: boolean): Record<string, string> {
    let sets = headerSets.get(page);
    if (!sets) {
      const common = { ...PUBLIC_PAGE_HEADERS, etag: page.etag, "content-type": page.contentType };
      sets = {
        latest: { ...common, "cache-control": LATEST_CACHE },
        version: { ...common, "cache-control": VERSION_CACHE },
      };
      headerSets.set(page, sets);
    }
    return isVersion ? sets.version : sets.latest;
  }

  function send(
    request: FastifyRequest,
    reply: FastifyReply,
    page: RenderedPage,
    isVersion: boolean,
    negotiated: boolean,
  ) {
    reply.headers(headersOf(page, isVersion));
    if (negotiated) reply.header("vary", "Accept-Language");
    if (matches(request.headers["if-none-match"], page.etag)) return reply.code(304).send();
    return reply.send(page.body);
  }

  const slugOf = (params: unknown) => {
    const slug = (params as { slug?: unknown }).slug;
    // Fast path: a well-formed slug needs no Zod pass; a bad one gets the schema's error.
    return typeof slug === "string" && SLUG.test(slug) ? slug : parse(SlugParams, params, "params").slug;
  };
  for (const page of ["register", "privacy", "notice", "processor-register"] as const) {
    app.get(`/o/:slug/${page}`, (request, reply) =>
      serve(request, reply, { slug: slugOf(request.params), page }),
    );
    app.get(`/o/:slug/${page}/versions/:version`, (request, reply) => {
      const { slug, version } = parse(SlugVersionParams, request.params, "params");
      return serve(request, reply, { slug, page, version });
    });
  }
  app.get("/o/:slug/activities/:ref", (request, reply) => {
    const { slug, ref } = parse(RefParams, request.params, "params");
    return serve(request, reply, { slug, page: "activity", ref });
  });
  app.get("/o/:slug/activities/:ref/versions/:version", (request, reply) => {
    const { slug, ref, version } = parse(RefVersionParams, request.params, "params");
    return serve(request, reply, { slug, page: "activity", ref, version });
  });
};
