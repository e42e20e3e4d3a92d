import { createHash, randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { Actor, AppContext } from "../../app/app-context.ts";
import type { Database, RequestAttachmentRow } from "../../db/schema.ts";
import type { GardienDocument, Lang } from "../../documents/document-model.ts";
import { publicBaseUrl } from "../../subscriptions/public-base-url.ts";
import { signRequestLink } from "../links/request-link.ts";
import { calendarDateIn } from "../requests/organisation-calendar.ts";
import { recordRequestEvent } from "../requests/record-request-event.ts";
import { getRightsSettings } from "../settings/rights-settings.ts";
import { sealAttachmentContent, sealAttachmentName } from "../staff/attachment-record.ts";
import { buildDataPackage, type PackageManifest } from "./build-data-package.ts";
import type { PackageContent } from "./collect-package-content.ts";

/**
 * A built package is an attachment of purpose "package" (it goes to the person) with source "generated", kept
 * apart by its source from the material staff ("staff") and systems ("api") add. A purpose of its own
 * ("generated_package") would be clearer, but the staff API validates purposes against its closed list
 * (src/rights/staff/attachment-record.ts): a row with another purpose would break the request's details.
 */
export const GENERATED_PACKAGE = { purpose: "package", source: "generated" } as const;

export type PublishedPackage = {
  attachmentId: string;
  url: string;
  /** ISO 8601 UTC: the link stops working then. */
  expiresAt: string;
  /** The expiry's calendar day where the organisation is, for the letter. */
  expiresOn: string;
  manifest: PackageManifest;
  size: number;
  sha256: string;
};

/** The public address of a package link: the page that offers the zip and the readable copy. */
export function packageUrl(ctx: AppContext, slug: string, token: string): string {
  return `${publicBaseUrl(ctx.config)}/o/${slug}/rights/package?token=${encodeURIComponent(token)}`;
}

/**
 * Builds the data package of an answer and stores it, sealed, as an attachment (purpose "package", source
 * "generated");
 * signs the download link (purpose "package", valid `packageLinkDays`, naming the stored package) and records
 * `package_published` on the timeline. Runs in the answer's transaction: the package, its link and the letter
 * that carries the link exist together or not at all.
 *
 * Stored rather than rebuilt at each download: the person downloads exactly what the answer described (same
 * files, same hashes in the manifest), even if staff or systems add material afterwards; a download costs one
 * decryption instead of a rebuild; and the stored package is what the audit trail's hash refers to.
 */
export async function publishPackage(
  ctx: AppContext,
  trx: Transaction<Database>,
  input: {
    orgId: string;
    requestId: string;
    slug: string;
    timeZone: string;
    reference: string;
    lang: Lang;
    actor: Actor;
    /** The letter as the readable copy shows it (package "enclosed"). */
    letter: GardienDocument;
    content: PackageContent;
  },
): Promise<PublishedPackage> {
  const now = ctx.now();
  const built = buildDataPackage({
    reference: input.reference,
    lang: input.lang,
    generatedAt: now.toISOString(),
    letter: input.letter,
    content: input.content,
  });
  const zip = Buffer.from(built.zip);
  const id = randomUUID();
  const sha256 = createHash("sha256").update(zip).digest("hex");
  const row: RequestAttachmentRow = {
    id,
    request_id: input.requestId,
    org_id: input.orgId,
    name_sealed: sealAttachmentName(ctx.config, id, `${input.reference}.zip`),
    media_type: "application/zip",
    size: zip.length,
    sha256,
    content_sealed: sealAttachmentContent(ctx.config, id, zip),
    purpose: GENERATED_PACKAGE.purpose,
    source: GENERATED_PACKAGE.source,
    created_at: now.toISOString(),
    actor: input.actor,
  };
  await trx.insertInto("request_attachments").values(row).execute();
  const settings = await getRightsSettings(trx, input.orgId);
  const expires = new Date(now.getTime() + settings.packageLinkDays * 24 * 60 * 60 * 1000);
  const token = signRequestLink(ctx.config, {
    requestId: input.requestId,
    purpose: "package",
    expiresAt: expires.getTime(),
    subject: id,
  });
  await recordRequestEvent(ctx, trx, {
    orgId: input.orgId,
    requestId: input.requestId,
    kind: "package_published",
    actor: input.actor,
    data: {
      attachmentId: id,
      files: built.manifest.files.length,
      size: zip.length,
      sha256,
      expiresAt: expires.toISOString(),
    },
  });
  return {
    attachmentId: id,
    url: packageUrl(ctx, input.slug, token),
    expiresAt: expires.toISOString(),
    expiresOn: calendarDateIn(expires, input.timeZone),
    manifest: built.manifest,
    size: zip.length,
    sha256,
  };
}
