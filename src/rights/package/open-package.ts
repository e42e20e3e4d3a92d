import { unzipSync } from "fflate";
import type { AppContext } from "../../app/app-context.ts";
import type { RequestAttachmentRow } from "../../db/schema.ts";
import type { Lang } from "../../documents/document-model.ts";
import { organisationName } from "../../documents/format-identity.ts";
import { resolveOrganisation } from "../../register/organisations/resolve-organisation.ts";
import { invalidRequestLink, verifyRequestLink } from "../links/request-link.ts";
import { readRequestRow } from "../requests/get-request.ts";
import { calendarDateIn, loadOrganisationCalendar } from "../requests/organisation-calendar.ts";
import { requestReference } from "../requests/request-record.ts";
import { openAttachmentContent } from "../staff/attachment-record.ts";
import { packageLabelsFor } from "./package-labels.ts";
import { GENERATED_PACKAGE } from "./publish-package.ts";

export type OpenedPackage = {
  orgId: string;
  requestId: string;
  orgName: string;
  reference: string;
  /** The request's language: the package was built in it. */
  lang: Lang;
  /** The calendar day the link stops working, where the organisation is. */
  expiresOn: string;
  /** The stored package, without its content: the page needs its size, a download reads it (packageFile). */
  attachment: Pick<RequestAttachmentRow, "id" | "sha256" | "size">;
};

/**
 * The stored package a download link points to, once every check passes: the signature and expiry (purpose
 * "package"), the organisation of the path owning the request (a link of one organisation never opens under
 * another's slug), and the package still stored. Any failure is the same `invalid_link` error: a caller learns
 * nothing about which check failed, nor whether the organisation or the request exists.
 */
export async function openPackage(
  ctx: AppContext,
  input: { slug: string; token: string },
): Promise<OpenedPackage> {
  const claims = verifyRequestLink(ctx.config, input.token, "package", ctx.now());
  if (!claims.subject) throw invalidRequestLink();
  const org = await resolveOrganisation(ctx.db, input.slug);
  if (!org || org.archivedAt) throw invalidRequestLink();
  const request = await readRequestRow(ctx.db, org.id, claims.requestId);
  if (!request) throw invalidRequestLink();
  const attachment = await ctx.db
    .selectFrom("request_attachments")
    .select(["id", "sha256", "size"])
    .where("id", "=", claims.subject)
    .where("org_id", "=", org.id)
    .where("request_id", "=", request.id)
    .where("purpose", "=", GENERATED_PACKAGE.purpose)
    .where("source", "=", GENERATED_PACKAGE.source)
    .executeTakeFirst();
  if (!attachment) throw invalidRequestLink();
  const calendar = await loadOrganisationCalendar(ctx.db, org.id, { revision: org.revision });
  return {
    orgId: org.id,
    requestId: request.id,
    orgName: organisationName(calendar.organisation),
    reference: requestReference(request.received_at, Number(request.number)),
    lang: request.lang as Lang,
    expiresOn: calendarDateIn(new Date(claims.expiresAt), calendar.timeZone),
    attachment,
  };
}

export type PackageFileKind = "zip" | "html";

/** One file of an opened package: the zip as stored, or the readable copy taken out of it. */
export async function packageFile(
  ctx: AppContext,
  opened: OpenedPackage,
  kind: PackageFileKind,
): Promise<{ body: Buffer; mediaType: string; fileName: string }> {
  const stored = await ctx.db
    .selectFrom("request_attachments")
    .select(["id", "content_sealed"])
    .where("id", "=", opened.attachment.id)
    .executeTakeFirst();
  if (!stored) throw invalidRequestLink(); // purged since the link was opened
  const zip = openAttachmentContent(ctx.config, stored);
  if (kind === "zip") return { body: zip, mediaType: "application/zip", fileName: `${opened.reference}.zip` };
  const name = packageLabelsFor(opened.lang).htmlName;
  const html = unzipSync(new Uint8Array(zip), { filter: (f) => f.name === name })[name];
  if (!html) throw invalidRequestLink();
  return {
    body: Buffer.from(html),
    mediaType: "text/html; charset=utf-8",
    fileName: `${opened.reference}.html`,
  };
}
