import type { Transaction } from "kysely";
import type { AppContext } from "../../app/app-context.ts";
import type { Database, RequestRow } from "../../db/schema.ts";
import { organisationName } from "../../documents/format-identity.ts";
import { AppError, notFound } from "../../errors/app-error.ts";
import { enqueueRequestMail } from "../mail/enqueue-request-mail.ts";
import type { RequestStatus, RequestType } from "../model/request.schema.ts";
import { isOpen } from "../model/transitions.ts";
import { reminderRecipients, staffRequestUrl } from "../reminders/reminder-recipients.ts";
import { readRequestRow } from "../requests/get-request.ts";
import { calendarDateIn, loadOrganisationCalendar } from "../requests/organisation-calendar.ts";
import { requestReference } from "../requests/request-record.ts";
import { transitionRequestIn } from "../requests/transition-request.ts";
import { getRightsSettings } from "../settings/rights-settings.ts";
import { lockRequestTimeline } from "../staff/lock-request-timeline.ts";
import { withdrawalNoticeMessage } from "./withdrawal-notice-message.ts";

function notWithdrawable(status: RequestStatus): AppError {
  return new AppError("CONFLICT", `a ${status} request cannot be withdrawn`, {
    userMessage: {
      fr: "Cette demande a déjà reçu une réponse ou est close : elle ne peut plus être retirée.",
      en: "This request has already been answered or closed: it can no longer be withdrawn.",
    },
    details: { rule: "request_not_open", status },
  });
}

/**
 * The person withdraws their own request from the status page: `withdrawn`, with a `withdrawn` event
 * whose actor is `requester`. Only an open request can be withdrawn; withdrawing twice changes nothing.
 * Staff are told in the same transaction (a notice mail to the assignee, the DPO and the notified
 * addresses, queued like every rights mail), so nobody goes on preparing an answer that is no longer due.
 *
 * @example await withdrawRequest(ctx, { orgId, requestId })
 */
export async function withdrawRequest(
  ctx: AppContext,
  input: { orgId: string; requestId: string },
): Promise<{ changed: boolean; row: RequestRow }> {
  return ctx.db.transaction().execute(async (trx) => {
    // Before any read (it serialises the organisation's request writes): two clicks at once withdraw once.
    await lockRequestTimeline(trx, input.orgId);
    const row = await readRequestRow(trx, input.orgId, input.requestId);
    if (!row) throw notFound("request", input.requestId);
    const status = row.status as RequestStatus;
    if (status === "withdrawn") return { changed: false, row };
    if (!isOpen(status)) throw notWithdrawable(status);
    const { after } = await transitionRequestIn(ctx, trx, {
      orgId: input.orgId,
      requestId: row.id,
      to: "withdrawn",
      actor: "requester",
      data: { via: "status_page" },
    });
    await queueWithdrawalNotice(ctx, trx, after);
    return { changed: true, row: after };
  });
}

async function queueWithdrawalNotice(
  ctx: AppContext,
  trx: Transaction<Database>,
  row: RequestRow,
): Promise<void> {
  const calendar = await loadOrganisationCalendar(trx, row.org_id);
  const recipients = reminderRecipients({
    config: ctx.config,
    requestId: row.id,
    assigneeSealed: row.assignee_sealed,
    organisation: calendar.organisation,
    settings: await getRightsSettings(trx, row.org_id),
  });
  if (recipients.length === 0) return;
  const message = withdrawalNoticeMessage(
    {
      lang: calendar.defaultLanguage,
      organisationName: organisationName(calendar.organisation),
      reference: requestReference(row.received_at, Number(row.number)),
      type: row.type as RequestType,
      withdrawnOn: calendarDateIn(ctx.now(), calendar.timeZone),
      link: staffRequestUrl(ctx.config, calendar.slug, row.id),
    },
    recipients.join(", "),
  );
  await enqueueRequestMail(ctx, trx, {
    orgId: row.org_id,
    requestId: row.id,
    kind: "withdrawal_notice",
    dedupeKey: `withdrawn:${row.id}`,
    message,
  });
}
