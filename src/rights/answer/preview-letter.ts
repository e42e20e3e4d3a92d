import type { AppContext } from "../../app/app-context.ts";
import type { GardienDocument, Lang } from "../../documents/document-model.ts";
import { notFound } from "../../errors/app-error.ts";
import { buildAnswerLetter } from "../letters/build-answer-letter.ts";
import { loadLetterRegister } from "../letters/load-letter-register.ts";
import type { RequestOutcome } from "../model/request.schema.ts";
import { PACKAGE_REQUEST_TYPES } from "../package/add-package-data.ts";
import { readRequestRow } from "../requests/get-request.ts";
import { calendarDateIn } from "../requests/organisation-calendar.ts";
import { toDataSubjectRequest } from "../requests/request-record.ts";
import { readAnswerLetter } from "./answer-letter-record.ts";

/**
 * The letter staff review before answering (`GET …/requests/{id}/letter`). With an outcome, or for a request
 * not answered yet, the letter is built from today's register with that outcome (default: the request's own,
 * else granted); the reasons not given yet and the package link show as visible gaps. Without an outcome, an
 * answered request shows the letter as it was sent.
 */
export async function previewLetter(
  ctx: AppContext,
  input: { orgId: string; requestId: string; outcome?: RequestOutcome | undefined; lang?: Lang | undefined },
): Promise<{ document: GardienDocument; sent: boolean; reference: string }> {
  const row = await readRequestRow(ctx.db, input.orgId, input.requestId);
  if (!row) throw notFound("request", input.requestId);
  const request = toDataSubjectRequest(ctx.config, row);
  if (input.outcome === undefined && request.status === "answered") {
    const sent = await readAnswerLetter(ctx, ctx.db, { orgId: input.orgId, requestId: request.id });
    if (sent && (input.lang === undefined || input.lang === sent.document.lang)) {
      return { document: sent.document, sent: true, reference: request.reference };
    }
  }
  const register = await loadLetterRegister(ctx, input.orgId);
  const outcome = input.outcome ?? request.outcome ?? "granted";
  const grants = outcome === "granted" || outcome === "partly_granted";
  return {
    document: buildAnswerLetter({
      register,
      request,
      outcome,
      date: calendarDateIn(ctx.now(), register.timeZone),
      ...(input.lang ? { lang: input.lang } : {}),
      package: grants && PACKAGE_REQUEST_TYPES.includes(request.type) ? "pending" : null,
    }),
    sent: false,
    reference: request.reference,
  };
}
