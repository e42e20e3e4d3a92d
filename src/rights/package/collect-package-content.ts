import type { Kysely } from "kysely";
import type { AppContext } from "../../app/app-context.ts";
import type { Database } from "../../db/schema.ts";
import { openAttachmentContent, toAttachmentMeta } from "../staff/attachment-record.ts";
import type { StoredPackageData } from "./package-data.types.ts";
import { GENERATED_PACKAGE } from "./publish-package.ts";
import type { DataRecord } from "./to-csv.ts";

export type PackageSource = { source: string; types: { recordType: string; records: DataRecord[] }[] };
export type PackageFile = { name: string; mediaType: string; content: Buffer };

/** What goes into a request's package: records by source and type, and the files staff attached. */
export type PackageContent = { sources: PackageSource[]; files: PackageFile[] };

/**
 * Opens everything attached to a request for its package (purpose "package"): postings of the organisation's
 * systems (source "api", JSON), merged by source and record type in the order they arrived, and the files
 * staff attached, as they are. Reads through the caller's transaction when given one.
 */
export async function collectPackageContent(
  ctx: AppContext,
  db: Kysely<Database>,
  input: { orgId: string; requestId: string },
): Promise<PackageContent> {
  const rows = await db
    .selectFrom("request_attachments")
    .selectAll()
    .where("org_id", "=", input.orgId)
    .where("request_id", "=", input.requestId)
    .where("purpose", "=", "package")
    // Built packages of earlier answers are not material for the next one.
    .where("source", "!=", GENERATED_PACKAGE.source)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const postings: StoredPackageData[] = [];
  const files: PackageFile[] = [];
  for (const row of rows) {
    const content = openAttachmentContent(ctx.config, row);
    if (row.source === "api" && row.media_type === "application/json") {
      postings.push(JSON.parse(content.toString("utf8")) as StoredPackageData);
    } else {
      files.push({ name: toAttachmentMeta(ctx.config, row).name, mediaType: row.media_type, content });
    }
  }
  // Arrival order is the postings' own sequence: timestamps of two postings may be equal.
  postings.sort((a, b) => a.seq - b.seq);
  const bySource = new Map<string, Map<string, DataRecord[]>>();
  for (const posted of postings) {
    const types = bySource.get(posted.source) ?? new Map<string, DataRecord[]>();
    const records = types.get(posted.recordType) ?? [];
    records.push(...(posted.records as DataRecord[]));
    types.set(posted.recordType, records);
    bySource.set(posted.source, types);
  }
  const sources = [...bySource.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([source, types]) => ({
      source,
      types: [...types.entries()].map(([recordType, records]) => ({ recordType, records })),
    }));
  return { sources, files };
}

export function isEmptyPackage(content: PackageContent): boolean {
  return content.sources.length === 0 && content.files.length === 0;
}
