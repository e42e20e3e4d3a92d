import { z } from "zod";
import type { Actor, AppContext } from "../../app/app-context.ts";
import { AppError, isAppError, notFound } from "../../errors/app-error.ts";
import { parseOrThrow } from "../../errors/from-zod.ts";
import { extendDueDate } from "../deadlines/extend-due-date.ts";
import { letterLabelsFor } from "../letters/letter-labels.ts";
import { letterHtml, letterMarkdown } from "../letters/render-letter.ts";
import { enqueueRequestMail } from "../mail/enqueue-request-mail.ts";
import type { DataSubjectRequest, Extension, RequestStatus } from "../model/request.schema.ts";
import { isOpen } from "../model/transitions.ts";
import { readRequestRow } from "../requests/get-request.ts";
import { calendarDateIn, loadOrganisationCalendar } from "../requests/organisation-calendar.ts";
import { recordRequestEvent } from "../requests/record-request-event.ts";
import { sealExtensionReason, toDataSubjectRequest } from "../requests/request-record.ts";
import { lockRequestTimeline } from "../staff/lock-request-timeline.ts";
import { assertRequestRevision } from "../staff/request-revision.ts";
import { buildExtensionNotice } from "./build-extension-notice.ts";

/** `POST …/requests/{id}/extension`: by how much (Art. 12(3): two further months at most) and why. */
export const ExtendRequestInput = z
  .object({
    extraMonths: z.union([z.literal(1), z.literal(2)]),
    /** Told to the person (Art. 12(3)): the complexity or number of requests, in words they understand. */
    reason: z.string().trim().min(1, "must state why the request needs more time").max(4000),
  })
  .strict();
export type ExtendRequestInput = z.input<typeof ExtendRequestInput>;

function refuse(
  rule: string,
  message: string,
  userMessage: { fr: string; en: string },
  details = {},
): AppError {
  return new AppError("CONFLICT", message, { userMessage, details: { rule, ...details } });
}

export type ExtendResult = {
  request: DataSubjectRequest;
  /** The notice as queued, in Markdown (the e-mail's text). */
  notice: { lang: "fr" | "en"; markdown: string };
  delivery: "email" | "post";
};

/**
 * Extends a request's deadline by one or two further months (Art. 12(3)), computed by extendDueDate from
 * receipt in the organisation's calendar: only while the first month runs (refused on or after the original
 * due date, with that date in the error), once per request, and only for an open request. The due date and the
 * extension column change, the timeline records `extended` (the reason sealed), and the notice to the person,
 * with the reason and the new date, is queued in the same transaction (kind `extension_notice`).
 *
 * @example await extendRequest(ctx, { orgId, requestId, actor: "token:abc",
 *   input: { extraMonths: 2, reason: "Votre demande porte sur douze ans d'archives." } })
 */
export async function extendRequest(
  ctx: AppContext,
  args: { orgId: string; requestId: string; actor: Actor; input: unknown; expectedRevision?: number },
): Promise<ExtendResult> {
  const input = parseOrThrow(ExtendRequestInput, args.input);
  const calendar = await loadOrganisationCalendar(ctx.db, args.orgId);
  return ctx.db.transaction().execute(async (trx) => {
    await lockRequestTimeline(trx, args.orgId);
    const row = await readRequestRow(trx, args.orgId, args.requestId);
    if (!row) throw notFound("request", args.requestId);
    assertRequestRevision(row, args.expectedRevision);
    if (!isOpen(row.status as RequestStatus)) {
      throw refuse(
        "request_open",
        `the request is ${row.status}: only an open request can be extended`,
        {
          fr: "Seule une demande en cours peut voir son délai prolongé.",
          en: "Only an open request can have its deadline extended.",
        },
        { status: row.status },
      );
    }
    if (row.extension) {
      throw refuse(
        "already_extended",
        "the deadline was already extended: Art. 12(3) allows one extension of two further months at most",
        {
          fr: "Le délai a déjà été prolongé : l'article 12.3 du RGPD permet une prolongation de deux mois au plus.",
          en: "The deadline was already extended: GDPR Art. 12(3) allows an extension of two further months at most.",
        },
        { dueOn: row.due_on },
      );
    }
    const today = calendarDateIn(ctx.now(), calendar.timeZone);
    let extended: ReturnType<typeof extendDueDate>;
    try {
      extended = extendDueDate({
        receivedOn: row.received_on,
        requestedOn: today,
        extraMonths: input.extraMonths,
        reason: input.reason,
        country: calendar.country,
        alsaceMoselle: calendar.alsaceMoselle,
      });
    } catch (error) {
      // Re-worded for this endpoint, which has no requestedOn field: the decision date is today.
      if (isAppError(error) && (error.details as { rule?: string })?.rule === "after_first_month") {
        const due = (error.details as { originalDueOn: string }).originalDueOn;
        throw refuse(
          "after_first_month",
          `extension too late: the first month ended on ${due} and today is ${today}; Art. 12(3) requires deciding and telling the person within the first month`,
          {
            fr: `Prolongation impossible : le premier mois s'est achevé le ${due} (nous sommes le ${today}). L'article 12.3 du RGPD exige de décider la prolongation et d'en informer la personne dans le premier mois.`,
            en: `Extension refused: the first month ended on ${due} (today is ${today}). GDPR Art. 12(3) requires deciding the extension and telling the person within the first month.`,
          },
          { originalDueOn: due, today },
        );
      }
      throw error;
    }
    const extension: Extension = { extraMonths: input.extraMonths, reason: input.reason, decidedOn: today };
    // The reason is sealed apart: the JSON holds only what is no one's personal data.
    const stored = JSON.stringify({ extraMonths: extension.extraMonths, decidedOn: extension.decidedOn });
    const reasonSealed = sealExtensionReason(ctx.config, row.id, input.reason);
    const at = ctx.now().toISOString();
    const revision = Number(row.revision) + 1;
    await trx
      .updateTable("requests")
      .set({
        due_on: extended.dueOn,
        extension: stored,
        extension_reason_sealed: reasonSealed,
        revision,
        updated_at: at,
      })
      .where("id", "=", row.id)
      .where("org_id", "=", args.orgId)
      .execute();
    const after = {
      ...row,
      due_on: extended.dueOn,
      extension: stored,
      extension_reason_sealed: reasonSealed,
      revision,
      updated_at: at,
    };
    await recordRequestEvent(ctx, trx, {
      orgId: args.orgId,
      requestId: row.id,
      kind: "extended",
      actor: args.actor,
      data: {
        extraMonths: input.extraMonths,
        originalDueOn: extended.originalDueOn,
        from: row.due_on,
        dueOn: extended.dueOn,
        decidedOn: today,
        revision,
      },
      // The reason is staff's words to the person: sealed on the timeline.
      sealed: input.reason,
      after: { ...after, requester_sealed: undefined, assignee_sealed: undefined },
    });
    const request = toDataSubjectRequest(ctx.config, after);
    const notice = buildExtensionNotice({
      organisation: calendar.organisation,
      request,
      date: today,
      extraMonths: input.extraMonths,
      reason: input.reason,
      originalDueOn: extended.originalDueOn,
      dueOn: extended.dueOn,
    });
    const markdown = letterMarkdown(notice);
    const email = request.requester.email;
    if (email) {
      await enqueueRequestMail(ctx, trx, {
        orgId: args.orgId,
        requestId: row.id,
        kind: "extension_notice",
        dedupeKey: `extension:${row.id}`,
        message: {
          to: email,
          subject: letterLabelsFor(request.lang).extensionSubject(request.reference),
          text: markdown,
          html: letterHtml(notice),
          lang: request.lang,
        },
      });
    }
    return { request, notice: { lang: request.lang, markdown }, delivery: email ? "email" : "post" };
  });
}
