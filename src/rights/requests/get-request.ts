import type { Kysely } from "kysely";
import type { AppContext } from "../../app/app-context.ts";
import type { Database, RequestRow } from "../../db/schema.ts";
import { notFound } from "../../errors/app-error.ts";
import type { DataSubjectRequest } from "../model/request.schema.ts";
import { toDataSubjectRequest } from "./request-record.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The row of one request of one organisation; another organisation's id is not found, like an unknown one. */
export async function readRequestRow(
  db: Kysely<Database>,
  orgId: string,
  requestId: string,
): Promise<RequestRow | undefined> {
  if (!UUID.test(requestId)) return undefined;
  return db
    .selectFrom("requests")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", requestId)
    .executeTakeFirst();
}

export async function getRequest(
  ctx: AppContext,
  input: { orgId: string; requestId: string },
): Promise<DataSubjectRequest> {
  const row = await readRequestRow(ctx.db, input.orgId, input.requestId);
  if (!row) throw notFound("request", input.requestId);
  return toDataSubjectRequest(ctx.config, row);
}
