import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Actor, AppContext } from "../../app/app-context.ts";
import { organisationName } from "../../documents/format-identity.ts";
import { AppError, conflict, notFound } from "../../errors/app-error.ts";
import { parseOrThrow } from "../../errors/from-zod.ts";
import { requestFacts } from "../intake/intake-mails.ts";
import { MORE_INFO_LINK_DAYS, publicRightsUrl, signMoreInfoLink } from "../intake/request-link-urls.ts";
import { enqueueRequestMail } from "../mail/enqueue-request-mail.ts";
import type { DataSubjectRequest, RequestStatus } from "../model/request.schema.ts";
import { canTransition, isOpen } from "../model/transitions.ts";
import { readRequestRow } from "../requests/get-request.ts";
import { loadOrganisationCalendar } from "../requests/organisation-calendar.ts";
import { recordRequestEvent } from "../requests/record-request-event.ts";
import { openRequester, toDataSubjectRequest } from "../requests/request-record.ts";
import { transitionRequestIn } from "../requests/transition-request.ts";
import { lockRequestTimeline } from "../staff/lock-request-timeline.ts";
import { moreInfoMail } from "./more-info-mail.ts";
import { requestNotOpen } from "./verify-identity.ts";

export const RequestMoreInfoBody = z
  .object({
    /**
     * Art. 12(6): more information may be asked for only where there are reasonable doubts about the
     * identity of the person. The doubt, stated by staff; kept sealed on the timeline, not sent.
     */
    reason: z.string().trim().min(10).max(2000),
    /** What the person is asked, written for them: it goes in the mail and on the answer page. */
    question: z.string().trim().min(10).max(2000),
  })
  .strict();
export type RequestMoreInfoBody = z.input<typeof RequestMoreInfoBody>;

export type RequestMoreInfoResult = {
  request: DataSubjectRequest;
  /** Names this exchange: the answer link and the `more_info_received` event carry it. */
  ask: string;
  requestedAt: string;
  linkExpiresAt: string;
};

function noEmail(): AppError {
  return new AppError("CONFLICT", "the requester gave no e-mail address", {
    userMessage: {
      fr: "Le demandeur n'a pas donné d'adresse e-mail : demandez les informations par courrier et consignez la réponse dans une note.",
      en: "The requester gave no e-mail address: ask by post and record the answer in a note.",
    },
    details: { rule: "requester_email_required" },
  });
}

/**
 * Asks the person for more information to confirm who they are (Art. 12(6)), only with a stated reason.
 * In one transaction: identity status `more_info_requested`, the request back to `awaiting_identity`
 * where the workflow allows it, a `more_info_requested` event (reason and question sealed, the date in
 * clear) and the mail with a signed link (purpose `more-info`, MORE_INFO_LINK_DAYS) to the answer page.
 *
 * @example await requestMoreInfo(ctx, { orgId, requestId, actor: "token:abc",
 *   body: { reason: "Two accounts share this name", question: "What is the postcode on your account?" } })
 */
export async function requestMoreInfo(
  ctx: AppContext,
  input: {
    orgId: string;
    requestId: string;
    actor: Actor;
    body: unknown;
    expectedRevision?: number | undefined;
  },
): Promise<RequestMoreInfoResult> {
  const body = parseOrThrow(RequestMoreInfoBody, input.body);
  const calendar = await loadOrganisationCalendar(ctx.db, input.orgId);
  return ctx.db.transaction().execute(async (trx) => {
    // Before any read: the next timeline entry and audit entry are numbered from what this reads.
    await lockRequestTimeline(trx, input.orgId);
    const row = await readRequestRow(trx, input.orgId, input.requestId);
    if (!row) throw notFound("request", input.requestId);
    if (input.expectedRevision !== undefined && Number(row.revision) !== input.expectedRevision) {
      throw conflict(`request revision is ${row.revision}, not ${input.expectedRevision}`, {
        rule: "revision",
        revision: Number(row.revision),
      });
    }
    const status = row.status as RequestStatus;
    if (!isOpen(status)) throw requestNotOpen(status);
    const requester = openRequester(ctx.config, row.id, row.requester_sealed);
    if (!requester.email) throw noEmail();

    const now = ctx.now();
    const ask = randomUUID();
    const link = signMoreInfoLink(ctx.config, { requestId: row.id, askId: ask, now });
    await trx
      .updateTable("requests")
      .set({ identity_status: "more_info_requested" })
      .where("id", "=", row.id)
      .where("org_id", "=", input.orgId)
      .execute();
    await recordRequestEvent(ctx, trx, {
      orgId: input.orgId,
      requestId: row.id,
      kind: "more_info_requested",
      actor: input.actor,
      data: { ask, from: row.identity_status, linkExpiresAt: new Date(link.expiresAt).toISOString() },
      sealed: JSON.stringify({ reason: body.reason, question: body.question }),
    });
    let after = { ...row, identity_status: "more_info_requested" };
    if (status !== "awaiting_identity" && canTransition(status, "awaiting_identity")) {
      after = (
        await transitionRequestIn(ctx, trx, {
          orgId: input.orgId,
          requestId: row.id,
          to: "awaiting_identity",
          actor: input.actor,
          data: { reason: "more_info_requested" },
        })
      ).after;
    } else {
      const revision = Number(row.revision) + 1;
      const at = now.toISOString();
      await trx
        .updateTable("requests")
        .set({ revision, updated_at: at })
        .where("id", "=", row.id)
        .where("org_id", "=", input.orgId)
        .execute();
      after = { ...after, revision, updated_at: at };
    }
    const request = toDataSubjectRequest(ctx.config, after);
    const lang = request.lang;
    await enqueueRequestMail(ctx, trx, {
      orgId: input.orgId,
      requestId: row.id,
      kind: "more_info",
      dedupeKey: `more-info:${ask}`,
      message: {
        to: requester.email,
        lang,
        ...moreInfoMailFor(ctx, {
          orgName: organisationName(calendar.organisation),
          slug: calendar.slug,
          request,
          question: body.question,
          token: link.token,
        }),
      },
    });
    return {
      request,
      ask,
      requestedAt: now.toISOString(),
      linkExpiresAt: new Date(link.expiresAt).toISOString(),
    };
  });
}

function moreInfoMailFor(
  ctx: AppContext,
  input: { orgName: string; slug: string; request: DataSubjectRequest; question: string; token: string },
) {
  const lang = input.request.lang;
  return moreInfoMail(requestFacts(input.orgName, input.request, lang), {
    question: input.question,
    answerUrl: publicRightsUrl(ctx.config, { slug: input.slug, page: "more-info", token: input.token, lang }),
    days: MORE_INFO_LINK_DAYS,
  });
}
