import { createHash, randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { Actor, AppContext } from "../../app/app-context.ts";
import type { Database, RequestAttachmentRow } from "../../db/schema.ts";
import { AppError, notFound } from "../../errors/app-error.ts";
import { parseOrThrow } from "../../errors/from-zod.ts";
import type { RequestStatus, RequestType } from "../model/request.schema.ts";
import { isOpen } from "../model/transitions.ts";
import { readRequestRow } from "../requests/get-request.ts";
import { recordRequestEvent } from "../requests/record-request-event.ts";
import { sealAttachmentContent, sealAttachmentName } from "../staff/attachment-record.ts";
import { lockRequestTimeline } from "../staff/lock-request-timeline.ts";
import { PACKAGE_LIMITS, PackageDataInput, type StoredPackageData } from "./package-data.types.ts";

/** The requests a data package goes with: access (Art. 15(3), a copy) and portability (Art. 20(1)). */
export const PACKAGE_REQUEST_TYPES: readonly RequestType[] = ["access", "portability"];

export type AddedPackageData = {
  attachmentId: string;
  source: string;
  recordType: string;
  records: number;
  size: number;
  sha256: string;
};

function tooLarge(what: "posting" | "package", limit: number): AppError {
  const mib = limit / (1024 * 1024);
  return new AppError("PAYLOAD_TOO_LARGE", `the ${what} exceeds ${mib} MiB of JSON`, {
    userMessage: {
      fr: `${what === "posting" ? "Cet envoi" : "Le paquet de données de la demande"} dépasse ${mib} Mio de JSON.`,
      en: `The ${what === "posting" ? "posting" : "request's data package"} exceeds ${mib} MiB of JSON.`,
    },
    details: { field: what === "posting" ? "records" : "package", limitBytes: limit },
  });
}

/** The sum of a request's package material (postings and staff files) already stored. */
async function postingCount(trx: Transaction<Database>, requestId: string): Promise<number> {
  const row = await trx
    .selectFrom("request_attachments")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("request_id", "=", requestId)
    .where("purpose", "=", "package")
    .where("source", "=", "api")
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

async function packageBytes(trx: Transaction<Database>, requestId: string): Promise<number> {
  const row = await trx
    .selectFrom("request_attachments")
    .select((eb) => eb.fn.sum<number>("size").as("bytes"))
    .where("request_id", "=", requestId)
    .where("purpose", "=", "package")
    .where("source", "!=", "generated")
    .executeTakeFirst();
  return Number(row?.bytes ?? 0);
}

/**
 * Adds records to the data package of an access or portability request: the interface the organisation's
 * systems post to today (`POST …/requests/{id}/data`) and automated collection from databases will use later.
 * The records are stored sealed (AES-256-GCM, key `request-attachment`) as an attachment of purpose "package",
 * source "api", JSON; the timeline and audit trail get an `attachment_added` entry naming the source and the
 * count, never a value. Refused once the request is answered (its package is built) or for another type.
 *
 * @example await addPackageData(ctx, { orgId, requestId, actor: "token:abc",
 *   source: "crm", recordType: "customer", records: [{ id: 42, name: "Jeanne Martin" }] })
 */
export async function addPackageData(
  ctx: AppContext,
  args: {
    orgId: string;
    requestId: string;
    actor: Actor;
    source: unknown;
    recordType?: unknown;
    records: unknown;
  },
): Promise<AddedPackageData> {
  const input = parseOrThrow(PackageDataInput, {
    source: args.source,
    ...(args.recordType !== undefined ? { recordType: args.recordType } : {}),
    records: args.records,
  });
  // The size limit is on the records as JSON, checked before any database work.
  const bytes = Buffer.byteLength(JSON.stringify(input.records), "utf8");
  if (bytes > PACKAGE_LIMITS.maxBytes) throw tooLarge("posting", PACKAGE_LIMITS.maxBytes);
  const id = randomUUID();
  return ctx.db.transaction().execute(async (trx) => {
    await lockRequestTimeline(trx, args.orgId);
    const request = await readRequestRow(trx, args.orgId, args.requestId);
    if (!request) throw notFound("request", args.requestId);
    if (!PACKAGE_REQUEST_TYPES.includes(request.type as RequestType)) {
      throw new AppError("CONFLICT", `a ${request.type} request has no data package`, {
        userMessage: {
          fr: "Seules les demandes d'accès et de portabilité ont un paquet de données.",
          en: "Only access and portability requests have a data package.",
        },
        details: { rule: "package_request_type", type: request.type, allowed: PACKAGE_REQUEST_TYPES },
      });
    }
    if (!isOpen(request.status as RequestStatus)) {
      throw new AppError("CONFLICT", `the request is ${request.status}: its package can no longer change`, {
        userMessage: {
          fr: "La demande n'est plus en cours : son paquet de données ne peut plus changer. Rouvrez-la d'abord.",
          en: "The request is no longer open: its data package can no longer change. Reopen it first.",
        },
        details: { rule: "request_open", status: request.status },
      });
    }
    const seq = (await postingCount(trx, request.id)) + 1;
    const stored: StoredPackageData = { seq, ...input };
    const content = Buffer.from(JSON.stringify(stored), "utf8");
    if ((await packageBytes(trx, request.id)) + content.length > PACKAGE_LIMITS.maxTotalBytes) {
      throw tooLarge("package", PACKAGE_LIMITS.maxTotalBytes);
    }
    const sha256 = createHash("sha256").update(content).digest("hex");
    const row: RequestAttachmentRow = {
      id,
      request_id: request.id,
      org_id: args.orgId,
      name_sealed: sealAttachmentName(ctx.config, id, `${input.source}-${input.recordType}.json`),
      media_type: "application/json",
      size: content.length,
      sha256,
      content_sealed: sealAttachmentContent(ctx.config, id, content),
      purpose: "package",
      source: "api",
      created_at: ctx.now().toISOString(),
      actor: args.actor,
    };
    await trx.insertInto("request_attachments").values(row).execute();
    await recordRequestEvent(ctx, trx, {
      orgId: args.orgId,
      requestId: request.id,
      kind: "attachment_added",
      actor: args.actor,
      // Source and record type are system names (validated to [a-z0-9_-]), not personal data.
      data: {
        attachmentId: id,
        purpose: "package",
        source: "api",
        dataSource: input.source,
        recordType: input.recordType,
        records: input.records.length,
        size: row.size,
        sha256,
      },
      after: { ...row, name_sealed: undefined, content_sealed: undefined },
    });
    return {
      attachmentId: id,
      source: input.source,
      recordType: input.recordType,
      records: input.records.length,
      size: row.size,
      sha256,
    };
  });
}
