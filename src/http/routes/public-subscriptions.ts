/**
 * Subscriptions to material changes, on the public site (no token): the form, the double opt-in link, and
 * unsubscribing (a page with one button, and RFC 8058 one-click POST). Thin shells over src/subscriptions.
 * A GET never changes a subscription to "unsubscribed": mail scanners follow links.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app/app-context.ts";
import { organisationName } from "../../documents/format-identity.ts";
import { isAppError } from "../../errors/app-error.ts";
import { getPublication } from "../../publication/get-publication.ts";
import { type Lang, negotiateLanguage } from "../../publication/negotiate-language.ts";
import type { SiteContext } from "../../publication/public-page-html.ts";
import { Slug } from "../../register/model/common.schema.ts";
import { changeSubscription } from "../../subscriptions/change-subscription.ts";
import { createRateLimiter, tooManyAttempts } from "../../subscriptions/rate-limit.ts";
import { requestSubscription } from "../../subscriptions/request-subscription.ts";
import { type SubscribeState, subscriptionPageHtml } from "../../subscriptions/subscription-pages.ts";
import { installPublicErrorPages, PUBLIC_PAGE_HEADERS } from "./public-error-pages.ts";

/** Each accepted POST mails someone: five per address per quarter of an hour is plenty for a person. */
export const SUBSCRIBE_LIMIT = { limit: 5, windowMs: 15 * 60 * 1000 };

const Params = z.object({ slug: Slug });
const LangQuery = z.object({ lang: z.enum(["fr", "en"]).optional() });
const TokenQuery = LangQuery.extend({ token: z.string().min(1).max(2048) });
const SubscribeBody = z.object({
  email: z.string().max(320).default(""),
  lang: z.enum(["fr", "en"]).optional(),
  /** The honeypot: hidden from people, filled in by bots. */
  website: z.string().max(2000).optional(),
});

export const publicSubscriptionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  installPublicErrorPages(app);
  const limiter = createRateLimiter(SUBSCRIBE_LIMIT);
  // Forms post url-encoded bodies; RFC 8058 allows multipart for the one-click POST, whose body we ignore.
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: 8192 },
    (_r, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  app.addContentTypeParser("multipart/form-data", { parseAs: "string", bodyLimit: 8192 }, (_r, _body, done) =>
    done(null, {}),
  );

  async function site(slug: string, lang: Lang, current: SiteContext["current"]): Promise<SiteContext> {
    const publication = await getPublication(ctx, { slug });
    return {
      slug,
      lang,
      current,
      path: `/o/${slug}/${current === "subscribe" ? "subscribe" : "unsubscribe"}`,
      orgName: organisationName(publication.snapshot.organisation),
      hasProcessorRegister: publication.snapshot.processorRegister.some((e) => e.status === "active"),
    };
  }

  async function send(reply: FastifyReply, status: number, s: SiteContext, state: SubscribeState) {
    return reply
      .status(status)
      .headers(PUBLIC_PAGE_HEADERS)
      .header("cache-control", "no-store")
      .type("text/html; charset=utf-8")
      .send(subscriptionPageHtml(s, state));
  }

  const langOf = (request: FastifyRequest, query: Lang | undefined) =>
    negotiateLanguage(query, request.headers["accept-language"]).lang;
  const hide = { hide: true } as const;

  app.get(
    "/o/:slug/subscribe",
    { schema: { ...hide, params: Params, querystring: LangQuery } },
    async (request, reply) => {
      const s = await site(request.params.slug, langOf(request, request.query.lang), "subscribe");
      return send(reply, 200, s, ctx.config.smtpUrl ? { kind: "form" } : { kind: "unavailable" });
    },
  );

  app.post(
    "/o/:slug/subscribe",
    { schema: { ...hide, params: Params, querystring: LangQuery, body: SubscribeBody } },
    async (request, reply) => {
      const lang = langOf(request, request.query.lang);
      const s = await site(request.params.slug, lang, "subscribe");
      if (!ctx.config.smtpUrl) return send(reply, 503, s, { kind: "unavailable" });
      if (!limiter.hit(request.ip)) {
        throw tooManyAttempts("too many subscription attempts");
      }
      // A bot filled the hidden field: answer as for a person, send nothing.
      if (request.body.website) return send(reply, 200, s, { kind: "sent" });
      try {
        await requestSubscription(ctx, {
          slug: request.params.slug,
          email: request.body.email,
          lang: request.body.lang ?? lang,
        });
      } catch (error) {
        if (isAppError(error) && error.code === "VALIDATION_FAILED") {
          const message =
            lang === "fr" ? "saisissez une adresse e-mail valide." : "enter a valid e-mail address.";
          return send(reply, 400, s, { kind: "form", error: message, email: request.body.email });
        }
        throw error;
      }
      return send(reply, 200, s, { kind: "sent" });
    },
  );

  app.get(
    "/o/:slug/subscribe/confirm",
    { schema: { ...hide, params: Params, querystring: TokenQuery } },
    async (request, reply) => {
      const lang = langOf(request, request.query.lang);
      await changeSubscription(ctx, {
        slug: request.params.slug,
        token: request.query.token,
        action: "confirm",
      });
      return send(reply, 200, await site(request.params.slug, lang, "subscribe"), { kind: "confirmed" });
    },
  );

  app.get(
    "/o/:slug/unsubscribe",
    { schema: { ...hide, params: Params, querystring: TokenQuery } },
    async (request, reply) => {
      const s = await site(request.params.slug, langOf(request, request.query.lang), "other");
      return send(reply, 200, s, { kind: "unsubscribe", token: request.query.token });
    },
  );

  app.post(
    "/o/:slug/unsubscribe",
    { schema: { ...hide, params: Params, querystring: TokenQuery } },
    async (request, reply) => {
      await changeSubscription(ctx, {
        slug: request.params.slug,
        token: request.query.token,
        action: "unsubscribe",
      });
      const s = await site(request.params.slug, langOf(request, request.query.lang), "other");
      return send(reply, 200, s, { kind: "unsubscribed" });
    },
  );
};
