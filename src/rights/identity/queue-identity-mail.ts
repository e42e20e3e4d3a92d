import type { Transaction } from "kysely";
import type { AppContext } from "../../app/app-context.ts";
import type { Database } from "../../db/schema.ts";
import { organisationName } from "../../documents/format-identity.ts";
import { identityLinkMail, requestFacts } from "../intake/intake-mails.ts";
import { publicRightsUrl, signIdentityLink, signStatusLink } from "../intake/request-link-urls.ts";
import { enqueueRequestMail } from "../mail/enqueue-request-mail.ts";
import type { DataSubjectRequest, Lang } from "../model/request.schema.ts";
import { loadOrganisationCalendar } from "../requests/organisation-calendar.ts";
import { recordRequestEvent } from "../requests/record-request-event.ts";
import { getRightsSettings } from "../settings/rights-settings.ts";

/**
 * Queues the identity mail of a request awaiting identity, inside the caller's transaction (the `within`
 * hook of createRequest): a signed link to confirm (purpose `identity`, `identityLinkHours`) and the link
 * to the status page, with an `identity_link_sent` event. The form uses it; so can staff entry and the
 * organisation's systems for a request that must be confirmed by the person. Returns false, queuing
 * nothing, when the request needs no check or the person gave no e-mail address (staff then confirm
 * identity themselves). The caller delivers after commit (`scheduleMailDelivery`).
 *
 * Reads only through `trx`: on SQLite the store has one connection, which the transaction holds.
 *
 * @example
 * await createRequest(ctx, { orgId, actor, input }, {
 *   within: (trx, { request }) => queueIdentityMail(ctx, trx, { orgId, request }).then(() => {}) });
 */
export async function queueIdentityMail(
  ctx: AppContext,
  trx: Transaction<Database>,
  input: { orgId: string; request: DataSubjectRequest; lang?: Lang | undefined },
): Promise<boolean> {
  const { request } = input;
  const to = request.requester.email;
  if (!to || request.status !== "awaiting_identity" || request.identityStatus !== "pending") return false;
  const lang = input.lang ?? request.lang;
  // The organisation's name and slug as checked within the last second, as intake reads them.
  const calendar = await loadOrganisationCalendar(trx, input.orgId, { maxAgeMs: 1000 });
  const settings = await getRightsSettings(trx, input.orgId);
  const now = ctx.now();
  const identity = signIdentityLink(ctx.config, { requestId: request.id, now, settings });
  const status = signStatusLink(ctx.config, { requestId: request.id, now, settings });
  const url = (page: "verify" | "status", token: string) =>
    publicRightsUrl(ctx.config, { slug: calendar.slug, page, token, lang });
  const queued = await enqueueRequestMail(ctx, trx, {
    orgId: input.orgId,
    requestId: request.id,
    kind: "identity_link",
    dedupeKey: `identity-link:${request.id}`,
    message: {
      to,
      lang,
      ...identityLinkMail(requestFacts(organisationName(calendar.organisation), request, lang), {
        verifyUrl: url("verify", identity.token),
        statusUrl: url("status", status),
        hours: settings.identityLinkHours,
      }),
    },
  });
  if (!queued) return false;
  await recordRequestEvent(ctx, trx, {
    orgId: input.orgId,
    requestId: request.id,
    kind: "identity_link_sent",
    actor: "system",
    data: { expiresAt: new Date(identity.expiresAt).toISOString(), hours: settings.identityLinkHours },
  });
  return true;
}
