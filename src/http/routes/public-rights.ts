/**
 * The person's side of a data subject request, on the public site (no API token): the request form, the
 * identity confirmation, the answer to a request for more information, and the status page with its
 * withdraw button. Thin shells over src/rights/intake and src/rights/identity. The decisions:
 *
 * - Plain HTML forms (url-encoded), no script, the public pages' CSP. Language: `?lang`, then
 *   Accept-Language, then the organisation's language.
 * - Links carry signed, expiring tokens (src/rights/links). A GET only shows a page; every change is a
 *   POST with the token in the body, because mail scanners open links. A bad, expired, other-organisation
 *   or wrong-purpose token gives the same 400 page.
 * - Every page is `Cache-Control: no-store` and `Referrer-Policy: no-referrer`: a token must not reach a
 *   cache, a history sync or another site's logs. The request log keeps the route pattern, never the URL.
 * - Abuse: a honeypot field (filled: the page says "sent", nothing is stored or mailed) and per-IP limits,
 *   RIGHTS_FORM_LIMIT on accepted form posts (a post with errors costs nothing and is not counted) and
 *   RIGHTS_LINK_LIMIT on the token pages' posts. No third-party CAPTCHA.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app/app-context.ts";
import { preferredLanguage } from "../../app/preferred-language.ts";
import { Slug } from "../../register/model/common.schema.ts";
import { answerMoreInfo, MoreInfoAnswer, moreInfoAskState } from "../../rights/identity/answer-more-info.ts";
import { moreInfoPageHtml, verifyPageHtml } from "../../rights/identity/identity-pages.ts";
import { readMoreInfoAsk } from "../../rights/identity/read-more-info-ask.ts";
import { identityCheckState, verifyIdentity } from "../../rights/identity/verify-identity.ts";
import { getRequestStatus } from "../../rights/intake/get-request-status.ts";
import { type IntakeSite, loadIntakeSite } from "../../rights/intake/load-intake-site.ts";
import { maskEmail } from "../../rights/intake/mask-email.ts";
import { openRequestLink } from "../../rights/intake/open-request-link.ts";
import { previewDueDate } from "../../rights/intake/preview-due-date.ts";
import {
  activityRefsOf,
  EMPTY_FORM,
  readFormValues,
  validateRequestForm,
} from "../../rights/intake/request-form.ts";
import { type FormPageState, requestFormPageHtml } from "../../rights/intake/request-form-page.ts";
import { publicRightsPath, signStatusLink } from "../../rights/intake/request-link-urls.ts";
import { requestStatusPageHtml } from "../../rights/intake/request-status-page.ts";
import { scheduleMailDelivery } from "../../rights/intake/schedule-mail-delivery.ts";
import { submitRequestForm } from "../../rights/intake/submit-request-form.ts";
import { withdrawRequest } from "../../rights/intake/withdraw-request.ts";
import { invalidRequestLink } from "../../rights/links/request-link.ts";
import type { Lang, RequestType } from "../../rights/model/request.schema.ts";
import { requestReference } from "../../rights/requests/request-record.ts";
import { getRightsSettings } from "../../rights/settings/rights-settings.ts";
import { createRateLimiter } from "../../subscriptions/rate-limit.ts";
import { installPublicErrorPages, PUBLIC_PAGE_HEADERS } from "./public-error-pages.ts";

/** Each accepted form post records a request and mails someone: five per connection per ten minutes. */
export const RIGHTS_FORM_LIMIT = { limit: 5, windowMs: 10 * 60 * 1000 };
/** Posts on the token pages (confirm, answer, withdraw): a person clicks a few times, a script many. */
export const RIGHTS_LINK_LIMIT = { limit: 30, windowMs: 10 * 60 * 1000 };
/** A message of 10,000 characters, url-encoded, with room for the other fields. */
export const RIGHTS_BODY_LIMIT = 128 * 1024;

const Params = z.object({ slug: Slug });
const LangQuery = z.object({ lang: z.enum(["fr", "en"]).optional() });
const Token = z.string().min(1).max(2048);
const TokenQuery = LangQuery.extend({ token: Token });
const TokenBody = z.object({ token: Token });
const WithdrawBody = z.object({ token: Token, action: z.literal("withdraw") });
const AnswerBody = z.object({ token: Token, answer: z.string().max(20_000).default("") });

/** `a=1&b=2&b=3` → `{ a: "1", b: ["2", "3"] }`: checkboxes repeat their name. */
function parseFormBody(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of new URLSearchParams(text)) {
    const known = out[key];
    if (known === undefined) out[key] = value;
    else if (Array.isArray(known)) known.push(value);
    else out[key] = [known, value];
  }
  return out;
}

export const publicRightsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  installPublicErrorPages(app);
  const formLimiter = createRateLimiter(RIGHTS_FORM_LIMIT);
  const linkLimiter = createRateLimiter(RIGHTS_LINK_LIMIT);
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: RIGHTS_BODY_LIMIT },
    (_request, body, done) => done(null, parseFormBody(String(body))),
  );

  const hide = { hide: true } as const;
  const langOf = (request: FastifyRequest, asked: Lang | undefined, site: IntakeSite): Lang =>
    asked ?? preferredLanguage(request.headers["accept-language"], site.defaultLang);

  function send(reply: FastifyReply, status: number, html: string) {
    return reply
      .status(status)
      .headers(PUBLIC_PAGE_HEADERS)
      .header("cache-control", "no-store")
      .header("vary", "Accept-Language")
      .type("text/html; charset=utf-8")
      .send(html);
  }

  function tooMany(reply: FastifyReply, site: IntakeSite, lang: Lang) {
    reply.header("retry-after", String(RIGHTS_FORM_LIMIT.windowMs / 1000));
    return send(reply, 429, requestFormPageHtml(site, lang, { kind: "too_many" }));
  }

  async function statusPath(site: IntakeSite, requestId: string, lang: Lang): Promise<string> {
    const settings = await getRightsSettings(ctx.db, site.orgId);
    const token = signStatusLink(ctx.config, { requestId, now: ctx.now(), settings });
    return publicRightsPath({ slug: site.slug, page: "status", token, lang });
  }

  // --- the form ------------------------------------------------------------------------------------

  app.get(
    "/o/:slug/rights",
    { schema: { ...hide, params: Params, querystring: LangQuery } },
    async (request, reply) => {
      const site = await loadIntakeSite(ctx, request.params.slug);
      const lang = langOf(request, request.query.lang, site);
      return send(
        reply,
        200,
        requestFormPageHtml(site, lang, { kind: "form", values: EMPTY_FORM, errors: [] }),
      );
    },
  );

  app.post(
    "/o/:slug/rights",
    { bodyLimit: RIGHTS_BODY_LIMIT, schema: { ...hide, params: Params, querystring: LangQuery } },
    async (request, reply) => {
      const site = await loadIntakeSite(ctx, request.params.slug);
      const lang = langOf(request, request.query.lang, site);
      const values = readFormValues(request.body);
      const mailEnabled = ctx.config.smtpUrl !== undefined;
      // A bot filled the hidden field: it is counted and answered like a person, and nothing is kept.
      if (values.website.trim() !== "") {
        if (!formLimiter.hit(request.ip)) return tooMany(reply, site, lang);
        const settings = await getRightsSettings(ctx.db, site.orgId);
        return send(
          reply,
          200,
          requestFormPageHtml(site, lang, {
            kind: "accepted",
            dueOn: await previewDueDate(ctx, site.orgId),
            maskedEmail: maskEmail(values.email.trim()),
            identityLinkHours: settings.identityLinkHours,
            mailEnabled,
          }),
        );
      }
      const checked = validateRequestForm(values, { activityRefs: activityRefsOf(site.activities), lang });
      if (!checked.ok) {
        const state: FormPageState = { kind: "form", values, errors: checked.errors };
        return send(reply, 400, requestFormPageHtml(site, lang, state));
      }
      if (!formLimiter.hit(request.ip)) return tooMany(reply, site, lang);
      const result = await submitRequestForm(ctx, { site, form: checked.form, lang });
      // After the commit, off the response's path: a slow SMTP server never delays the page.
      void scheduleMailDelivery(ctx);
      // The same page for a new request and a duplicate: anyone can type an address, and saying "you
      // already have a request open" would tell them about its owner. The owner learns it by mail.
      return send(
        reply,
        200,
        requestFormPageHtml(site, lang, {
          kind: "accepted",
          reference: result.request.reference,
          dueOn: result.request.dueOn,
          maskedEmail: maskEmail(checked.form.email),
          identityLinkHours: result.identityLinkHours,
          mailEnabled,
        }),
      );
    },
  );

  // --- identity ------------------------------------------------------------------------------------

  app.get(
    "/o/:slug/rights/verify",
    { schema: { ...hide, params: Params, querystring: TokenQuery } },
    async (request, reply) => {
      const site = await loadIntakeSite(ctx, request.params.slug);
      const lang = langOf(request, request.query.lang, site);
      const { row } = await openRequestLink(ctx, {
        orgId: site.orgId,
        token: request.query.token,
        purpose: "identity",
      });
      const reference = requestReference(row.received_at, Number(row.number));
      if (identityCheckState(row, "email_link") === "done") {
        return send(
          reply,
          200,
          verifyPageHtml(site, lang, {
            kind: "verified",
            reference,
            dueOn: row.due_on,
            statusPath: await statusPath(site, row.id, lang),
            already: true,
          }),
        );
      }
      return send(
        reply,
        200,
        verifyPageHtml(site, lang, {
          kind: "confirm",
          reference,
          type: row.type as RequestType,
          token: request.query.token,
        }),
      );
    },
  );

  app.post(
    "/o/:slug/rights/verify",
    { schema: { ...hide, params: Params, querystring: LangQuery, body: TokenBody } },
    async (request, reply) => {
      const site = await loadIntakeSite(ctx, request.params.slug);
      const lang = langOf(request, request.query.lang, site);
      if (!linkLimiter.hit(request.ip)) return tooMany(reply, site, lang);
      const { row } = await openRequestLink(ctx, {
        orgId: site.orgId,
        token: request.body.token,
        purpose: "identity",
      });
      const { changed, request: verified } = await verifyIdentity(ctx, {
        orgId: site.orgId,
        requestId: row.id,
        actor: "requester",
        method: "email_link",
      });
      return send(
        reply,
        200,
        verifyPageHtml(site, lang, {
          kind: "verified",
          reference: verified.reference,
          dueOn: verified.dueOn,
          statusPath: await statusPath(site, row.id, lang),
          already: !changed,
        }),
      );
    },
  );

  // --- more information (Art. 12(6)) ------------------------------------------------------------------

  async function openAsk(site: IntakeSite, token: string) {
    const { row, claims } = await openRequestLink(ctx, { orgId: site.orgId, token, purpose: "more-info" });
    if (!claims.subject) throw invalidRequestLink();
    const asked = await readMoreInfoAsk(ctx.db, ctx.config, {
      orgId: site.orgId,
      requestId: row.id,
      ask: claims.subject,
    });
    return { row, asked, reference: requestReference(row.received_at, Number(row.number)) };
  }

  app.get(
    "/o/:slug/rights/more-info",
    { schema: { ...hide, params: Params, querystring: TokenQuery } },
    async (request, reply) => {
      const site = await loadIntakeSite(ctx, request.params.slug);
      const lang = langOf(request, request.query.lang, site);
      const { row, asked, reference } = await openAsk(site, request.query.token);
      if (moreInfoAskState(row, asked) === "answered") {
        return send(
          reply,
          200,
          moreInfoPageHtml(site, lang, {
            kind: "received",
            reference,
            receivedOn: asked.answeredAt!.slice(0, 10),
            already: true,
          }),
        );
      }
      return send(
        reply,
        200,
        moreInfoPageHtml(site, lang, {
          kind: "question",
          reference,
          question: asked.question,
          token: request.query.token,
        }),
      );
    },
  );

  app.post(
    "/o/:slug/rights/more-info",
    {
      bodyLimit: RIGHTS_BODY_LIMIT,
      schema: { ...hide, params: Params, querystring: LangQuery, body: AnswerBody },
    },
    async (request, reply) => {
      const site = await loadIntakeSite(ctx, request.params.slug);
      const lang = langOf(request, request.query.lang, site);
      if (!linkLimiter.hit(request.ip)) return tooMany(reply, site, lang);
      const { token, answer } = request.body;
      const { row, asked, reference } = await openAsk(site, token);
      if (asked.answeredAt === null && !MoreInfoAnswer.safeParse(answer).success) {
        const error =
          answer.trim() === ""
            ? lang === "fr"
              ? "écrivez votre réponse."
              : "write your answer."
            : lang === "fr"
              ? "5 000 caractères au plus."
              : "5,000 characters at most.";
        return send(
          reply,
          400,
          moreInfoPageHtml(site, lang, {
            kind: "question",
            reference,
            question: asked.question,
            token,
            value: answer,
            error,
          }),
        );
      }
      const result =
        asked.answeredAt !== null
          ? { changed: false, receivedAt: asked.answeredAt }
          : await answerMoreInfo(ctx, { orgId: site.orgId, requestId: row.id, ask: asked.ask, answer });
      return send(
        reply,
        200,
        moreInfoPageHtml(site, lang, {
          kind: "received",
          reference,
          receivedOn: result.receivedAt.slice(0, 10),
          already: !result.changed,
        }),
      );
    },
  );

  // --- status and withdrawal ------------------------------------------------------------------------

  app.get(
    "/o/:slug/rights/status",
    { schema: { ...hide, params: Params, querystring: TokenQuery } },
    async (request, reply) => {
      const site = await loadIntakeSite(ctx, request.params.slug);
      const lang = langOf(request, request.query.lang, site);
      const { row } = await openRequestLink(ctx, {
        orgId: site.orgId,
        token: request.query.token,
        purpose: "status",
      });
      const view = await getRequestStatus(ctx, row);
      return send(reply, 200, requestStatusPageHtml(site, lang, { view, token: request.query.token }));
    },
  );

  app.post(
    "/o/:slug/rights/status",
    { schema: { ...hide, params: Params, querystring: LangQuery, body: WithdrawBody } },
    async (request, reply) => {
      const site = await loadIntakeSite(ctx, request.params.slug);
      const lang = langOf(request, request.query.lang, site);
      if (!linkLimiter.hit(request.ip)) return tooMany(reply, site, lang);
      const { token } = request.body;
      const { row } = await openRequestLink(ctx, { orgId: site.orgId, token, purpose: "status" });
      const { row: after, changed } = await withdrawRequest(ctx, { orgId: site.orgId, requestId: row.id });
      if (changed) void scheduleMailDelivery(ctx);
      const view = await getRequestStatus(ctx, after);
      return send(reply, 200, requestStatusPageHtml(site, lang, { view, token, justWithdrawn: true }));
    },
  );
};
