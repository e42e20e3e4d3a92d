/**
 * The counterpart pages (no token: the signed link is the authority): a controller confirms or refuses a
 * request its processor forwarded (`/o/{slug}/rights/controller-decision`), a processor answers an
 * instruction (`/o/{slug}/rights/processor-answer`). GET shows the page and never changes anything (mail
 * scanners follow links); POST records, once. Thin shells over src/rights/forwarding.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app/app-context.ts";
import { negotiateLanguage } from "../../publication/negotiate-language.ts";
import { Slug } from "../../register/model/common.schema.ts";
import { type OpenedPartyLink, openPartyLink } from "../../rights/forwarding/open-party-link.ts";
import { awaitsAnswer } from "../../rights/forwarding/party.ts";
import { type PartyPage, partyPagePath } from "../../rights/forwarding/party-links.ts";
import {
  type PartyPageFacts,
  type PartyPageState,
  partyPageMain,
  partyPageTitle,
} from "../../rights/forwarding/party-pages.ts";
import { scheduleForwardingDelivery } from "../../rights/forwarding/run-forwarding-tick.ts";
import { submitPartyPage } from "../../rights/forwarding/submit-party-page.ts";
import { type IntakeSite, loadIntakeSite } from "../../rights/intake/load-intake-site.ts";
import { rightsPageHtml } from "../../rights/intake/rights-page-html.ts";
import { scheduleMailDelivery } from "../../rights/intake/schedule-mail-delivery.ts";
import type { Lang } from "../../rights/model/request.schema.ts";
import { requestReference } from "../../rights/requests/request-record.ts";
import { createRateLimiter, tooManyAttempts } from "../../subscriptions/rate-limit.ts";
import { installPublicErrorPages, PUBLIC_PAGE_HEADERS } from "./public-error-pages.ts";

/** A counterpart posts once per link; twenty tries per quarter of an hour leave room for typing errors. */
export const PARTY_PAGE_LIMIT = { limit: 20, windowMs: 15 * 60 * 1000 };

const Params = z.object({ slug: Slug });
const Query = z.object({ token: z.string().min(1).max(2048), lang: z.enum(["fr", "en"]).optional() });

export const publicControllerDecisionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  installPublicErrorPages(app);
  const limiter = createRateLimiter(PARTY_PAGE_LIMIT);
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: 16 * 1024 },
    (_r, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  const hide = { hide: true } as const;

  const langOf = (request: FastifyRequest, asked: Lang | undefined) =>
    negotiateLanguage(asked, request.headers["accept-language"]).lang;

  async function render(
    reply: FastifyReply,
    status: number,
    input: {
      site: IntakeSite;
      page: PartyPage;
      token: string;
      lang: Lang;
      opened: OpenedPartyLink;
      state: PartyPageState;
    },
  ) {
    const { site } = input;
    const { request } = input.opened;
    const facts: PartyPageFacts = {
      page: input.page,
      lang: input.lang,
      orgName: site.orgName,
      reference: requestReference(request.received_at, Number(request.number)),
      type: request.type as PartyPageFacts["type"],
      receivedOn: request.received_on,
      dueOn: request.due_on,
      action: partyPagePath({ slug: site.slug, page: input.page, token: input.token, lang: input.lang }),
    };
    const other: Lang = input.lang === "fr" ? "en" : "fr";
    return reply
      .status(status)
      .headers(PUBLIC_PAGE_HEADERS)
      .header("cache-control", "no-store")
      .type("text/html; charset=utf-8")
      .send(
        rightsPageHtml({
          site,
          lang: input.lang,
          title: partyPageTitle(facts, input.state),
          main: partyPageMain(facts, input.state),
          otherLangHref: partyPagePath({
            slug: site.slug,
            page: input.page,
            token: input.token,
            lang: other,
          }),
        }),
      );
  }

  const stateOf = (opened: OpenedPartyLink): PartyPageState =>
    !awaitsAnswer(opened.party.status)
      ? {
          kind: "done",
          status: opened.party.status,
          answeredOn: opened.party.answered_at?.slice(0, 10) ?? null,
        }
      : { kind: "form" };

  for (const page of ["controller-decision", "processor-answer"] as const) {
    const path = `/o/:slug/rights/${page}`;
    app.get(path, { schema: { ...hide, params: Params, querystring: Query } }, async (request, reply) => {
      const lang = langOf(request, request.query.lang);
      const site = await loadIntakeSite(ctx, request.params.slug);
      const opened = await openPartyLink(ctx, { orgId: site.orgId, token: request.query.token, page });
      return render(reply, 200, {
        site,
        page,
        token: request.query.token,
        lang,
        opened,
        state: stateOf(opened),
      });
    });

    app.post(path, { schema: { ...hide, params: Params, querystring: Query } }, async (request, reply) => {
      const lang = langOf(request, request.query.lang);
      if (!limiter.hit(request.ip)) {
        throw tooManyAttempts("too many attempts");
      }
      const site = await loadIntakeSite(ctx, request.params.slug);
      const opened = await openPartyLink(ctx, { orgId: site.orgId, token: request.query.token, page });
      const common = { site, page, token: request.query.token, lang };
      if (!awaitsAnswer(opened.party.status))
        return render(reply, 200, { ...common, opened, state: stateOf(opened) });
      const result = await submitPartyPage(ctx, { opened, page, lang, body: request.body });
      if (!result.ok) {
        return render(reply, 400, {
          ...common,
          opened,
          state: { kind: "form", choice: result.choice, text: result.text, errors: result.errors },
        });
      }
      void scheduleMailDelivery(ctx);
      void scheduleForwardingDelivery(ctx);
      const after = await openPartyLink(ctx, { orgId: site.orgId, token: request.query.token, page });
      return render(reply, 200, { ...common, opened: after, state: stateOf(after) });
    });
  }
};
