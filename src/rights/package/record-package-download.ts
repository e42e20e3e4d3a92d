import type { AppContext } from "../../app/app-context.ts";
import { recordRequestEvent } from "../requests/record-request-event.ts";
import { lockRequestTimeline } from "../staff/lock-request-timeline.ts";
import type { OpenedPackage, PackageFileKind } from "./open-package.ts";

/**
 * Records that the person downloaded their package (`package_downloaded`, actor "requester"): the file
 * (zip or readable copy) and the package's hash, so staff can show what was handed over, and when.
 */
export async function recordPackageDownload(
  ctx: AppContext,
  opened: OpenedPackage,
  file: PackageFileKind,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await lockRequestTimeline(trx, opened.orgId);
    await recordRequestEvent(ctx, trx, {
      orgId: opened.orgId,
      requestId: opened.requestId,
      kind: "package_downloaded",
      actor: "requester",
      data: { attachmentId: opened.attachment.id, file, sha256: opened.attachment.sha256 },
    });
  });
}
