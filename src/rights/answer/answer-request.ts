import type { Actor, AppContext } from "../../app/app-context.ts";
import { notFound } from "../../errors/app-error.ts";
import { parseOrThrow } from "../../errors/from-zod.ts";
import type { RequestAssessment } from "../applicability/applicability.types.ts";
import { assessRequest } from "../applicability/assess-request.ts";
import { type AnswerLetterInput, buildAnswerLetter } from "../letters/build-answer-letter.ts";
import { letterLabelsFor } from "../letters/letter-labels.ts";
import { loadLetterRegister } from "../letters/load-letter-register.ts";
import { letterHtml, letterMarkdown } from "../letters/render-letter.ts";
import { enqueueRequestMail } from "../mail/enqueue-request-mail.ts";
import type { DataSubjectRequest } from "../model/request.schema.ts";
import { PACKAGE_REQUEST_TYPES } from "../package/add-package-data.ts";
import { collectPackageContent, isEmptyPackage } from "../package/collect-package-content.ts";
import { type PublishedPackage, publishPackage } from "../package/publish-package.ts";
import { readRequestRow } from "../requests/get-request.ts";
import { calendarDateIn } from "../requests/organisation-calendar.ts";
import { toDataSubjectRequest } from "../requests/request-record.ts";
import { transitionRequestIn } from "../requests/transition-request.ts";
import { lockRequestTimeline } from "../staff/lock-request-timeline.ts";
import { storeAnswerLetter } from "./answer-letter-record.ts";
import { AnswerRequestInput } from "./answer-request.types.ts";
import { checkAnswer, packageEmpty } from "./check-answer.ts";

export type AnswerResult = {
  request: DataSubjectRequest;
  assessment: RequestAssessment;
  /** The letter as sent, in Markdown (the e-mail's text). */
  letter: { lang: "fr" | "en"; markdown: string; attachmentId: string };
  package: (Omit<PublishedPackage, "url" | "manifest"> & { files: number }) | null;
  /** "email" when the letter was queued to the person's address; "post" when only a postal address is known. */
  delivery: "email" | "post";
};

/**
 * Answers a data subject request: builds the letter in the request's language from the register (with, for
 * access and portability, the data package behind an expiring link), moves the request to `answered` with its
 * outcome, keeps the letter as sent, and queues it to the person by e-mail (kind "answer") — all in one
 * transaction, so a refusal (processors still pending, a stale revision, a missing reason) leaves nothing
 * behind. The caller delivers the queued mail after commit (`deliverRequestMails`).
 *
 * @example await answerRequest(ctx, { orgId, requestId, actor: "token:abc",
 *   input: { outcome: "refused", reasons: { overall: "Aucune donnée ne vous concerne." } } })
 */
export async function answerRequest(
  ctx: AppContext,
  args: { orgId: string; requestId: string; actor: Actor; input: unknown; expectedRevision?: number },
): Promise<AnswerResult> {
  const input = parseOrThrow(AnswerRequestInput, args.input);
  const register = await loadLetterRegister(ctx, args.orgId);
  return ctx.db.transaction().execute(async (trx) => {
    await lockRequestTimeline(trx, args.orgId);
    const row = await readRequestRow(trx, args.orgId, args.requestId);
    if (!row) throw notFound("request", args.requestId);
    const request = toDataSubjectRequest(ctx.config, row);
    checkAnswer({
      request,
      activities: register.activities,
      outcome: input.outcome,
      reasons: input.reasons,
      includePackage: input.includePackage,
    });
    const { after } = await transitionRequestIn(ctx, trx, {
      orgId: args.orgId,
      requestId: request.id,
      to: "answered",
      outcome: input.outcome,
      actor: args.actor,
      ...(args.expectedRevision !== undefined ? { expectedRevision: args.expectedRevision } : {}),
      ...(input.staffNote ? { note: input.staffNote } : {}),
    });
    const grants = input.outcome === "granted" || input.outcome === "partly_granted";
    const eligible = grants && PACKAGE_REQUEST_TYPES.includes(request.type);
    const content = eligible
      ? await collectPackageContent(ctx, trx, { orgId: args.orgId, requestId: request.id })
      : undefined;
    const withPackage =
      eligible && content !== undefined && (input.includePackage ?? !isEmptyPackage(content));
    if (withPackage && isEmptyPackage(content)) throw packageEmpty();
    const base: AnswerLetterInput = {
      register,
      request,
      outcome: input.outcome,
      date: calendarDateIn(ctx.now(), register.timeZone),
      reasons: input.reasons,
      staffNote: input.staffNote,
    };
    let published: PublishedPackage | null = null;
    if (withPackage && content) {
      published = await publishPackage(ctx, trx, {
        orgId: args.orgId,
        requestId: request.id,
        slug: register.slug,
        timeZone: register.timeZone,
        reference: request.reference,
        lang: request.lang,
        actor: args.actor,
        letter: buildAnswerLetter({ ...base, package: "enclosed" }),
        content,
      });
    }
    const letter = buildAnswerLetter({
      ...base,
      package: published ? { url: published.url, expiresOn: published.expiresOn } : null,
    });
    const attachmentId = await storeAnswerLetter(ctx, trx, {
      orgId: args.orgId,
      requestId: request.id,
      reference: request.reference,
      actor: args.actor,
      letter: {
        document: letter,
        outcome: input.outcome,
        reasons: input.reasons ?? null,
        staffNote: input.staffNote ?? null,
        packageAttachmentId: published?.attachmentId ?? null,
      },
    });
    const markdown = letterMarkdown(letter);
    const email = request.requester.email;
    if (email) {
      // The letter itself is the mail; the package only ever travels behind its link, never attached.
      await enqueueRequestMail(ctx, trx, {
        orgId: args.orgId,
        requestId: request.id,
        kind: "answer",
        dedupeKey: `answer:${request.id}:${after.revision}`,
        message: {
          to: email,
          subject: letterLabelsFor(request.lang).mailSubject(request.reference),
          text: markdown,
          html: letterHtml(letter),
          lang: request.lang,
        },
      });
    }
    return {
      request: toDataSubjectRequest(ctx.config, after),
      assessment: assessRequest(request, register.activities),
      letter: { lang: request.lang, markdown, attachmentId },
      package: published
        ? {
            attachmentId: published.attachmentId,
            expiresAt: published.expiresAt,
            expiresOn: published.expiresOn,
            size: published.size,
            sha256: published.sha256,
            files: published.manifest.files.length,
          }
        : null,
      delivery: email ? "email" : "post",
    };
  });
}
