import type { Transaction } from "kysely";
import type { AppContext } from "../../app/app-context.ts";
import type { Database } from "../../db/schema.ts";
import { queueIdentityMail } from "../identity/queue-identity-mail.ts";
import { enqueueRequestMail } from "../mail/enqueue-request-mail.ts";
import type { DataSubjectRequest, Lang } from "../model/request.schema.ts";
import { createRequest } from "../requests/create-request.ts";
import { recordRequestEvent } from "../requests/record-request-event.ts";
import { getRightsSettings, type RightsSettings } from "../settings/rights-settings.ts";
import { duplicateNoticeMail, requestFacts } from "./intake-mails.ts";
import type { IntakeSite } from "./load-intake-site.ts";
import type { ValidForm } from "./request-form.ts";
import { publicRightsUrl, signIdentityLink, signStatusLink } from "./request-link-urls.ts";

export type SubmitFormResult = {
  request: DataSubjectRequest;
  /** The person already has an open request of this type: this one is linked to it (and closed). */
  duplicate: boolean;
  /** How long the identity link lasts, for the page. */
  identityLinkHours: number;
};

/**
 * Records a request sent through the public form (channel `web_form`, actor `requester`) and, in the same
 * transaction, queues the identity mail: a signed link to confirm (valid `identityLinkHours`) and the link
 * to the status page. The mail exists if and only if the request does; the caller delivers it after commit.
 *
 * A duplicate (same address, same type, still open) starts no second identity flow. Its owner is told by
 * mail that the earlier request is being handled, with a fresh identity link if that one still awaits
 * confirmation — at most one such mail per earlier request per day (the dedupe key), so the form cannot
 * be used to flood an address.
 *
 * @example
 * const { request } = await submitRequestForm(ctx, { site, form, lang: "fr" });
 * void scheduleMailDelivery(ctx);
 */
export async function submitRequestForm(
  ctx: AppContext,
  input: { site: IntakeSite; form: ValidForm; lang: Lang },
): Promise<SubmitFormResult> {
  const { site, form, lang } = input;
  const settings = await getRightsSettings(ctx.db, site.orgId);
  const result = await createRequest(
    ctx,
    {
      orgId: site.orgId,
      actor: "requester",
      input: {
        type: form.type,
        channel: "web_form",
        lang,
        activityRefs: form.activities,
        requester: {
          name: form.name,
          email: form.email,
          ...(form.customerId ? { customerId: form.customerId } : {}),
          ...(form.message ? { message: form.message } : {}),
          ...(form.representative ? { representative: form.representative } : {}),
        },
      },
    },
    {
      within: async (trx, created) => {
        const to = form.email;
        if (created.duplicateOf)
          await queueDuplicateNotice(ctx, trx, { site, settings, to, lang, first: created.duplicateOf });
        else await queueIdentityMail(ctx, trx, { orgId: site.orgId, request: created.request, lang });
      },
    },
  );
  return {
    request: result.request,
    duplicate: result.duplicateOf !== null,
    identityLinkHours: settings.identityLinkHours,
  };
}

type QueueInput = { site: IntakeSite; settings: RightsSettings; to: string; lang: Lang };

async function queueDuplicateNotice(
  ctx: AppContext,
  trx: Transaction<Database>,
  input: QueueInput & { first: DataSubjectRequest },
): Promise<void> {
  const { site, settings, first, lang } = input;
  const now = ctx.now();
  const awaiting = first.status === "awaiting_identity" && first.identityStatus === "pending";
  const identity = awaiting
    ? signIdentityLink(ctx.config, { requestId: first.id, now, settings })
    : undefined;
  const status = signStatusLink(ctx.config, { requestId: first.id, now, settings });
  const url = (page: "verify" | "status", token: string) =>
    publicRightsUrl(ctx.config, { slug: site.slug, page, token, lang });
  const queued = await enqueueRequestMail(ctx, trx, {
    orgId: site.orgId,
    requestId: first.id,
    kind: awaiting ? "identity_link" : "status_update",
    // One notice per earlier request per (UTC) day, however many times the form is sent.
    dedupeKey: `duplicate-notice:${first.id}:${now.toISOString().slice(0, 10)}`,
    message: {
      to: input.to,
      lang,
      ...duplicateNoticeMail(requestFacts(site.orgName, first, lang), {
        statusUrl: url("status", status),
        verifyUrl: identity ? url("verify", identity.token) : undefined,
        hours: settings.identityLinkHours,
      }),
    },
  });
  if (queued && identity) {
    await recordRequestEvent(ctx, trx, {
      orgId: site.orgId,
      requestId: first.id,
      kind: "identity_link_sent",
      actor: "system",
      data: {
        expiresAt: new Date(identity.expiresAt).toISOString(),
        hours: settings.identityLinkHours,
        resent: true,
      },
    });
  }
}
