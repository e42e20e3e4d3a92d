import type { AppContext } from "../../app/app-context.ts";
import type { DataSubjectRequest, RequestStatus, RequestType } from "../model/request.schema.ts";
import { OPEN_STATUSES } from "../model/transitions.ts";
import { toDataSubjectRequest } from "./request-record.ts";

/** Filters, already validated by the caller's schema (see src/rights/staff/list-staff-requests.ts). */
export type ListRequestsQuery = {
  status?: RequestStatus | "open" | undefined;
  type?: RequestType | undefined;
  /** Only requests past their due date and still open. */
  overdue?: boolean | undefined;
  /** Only requests due on or before this date (YYYY-MM-DD). */
  dueBefore?: string | undefined;
  /** Duplicates are linked to their first request and left out unless asked for. */
  includeDuplicates?: boolean | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
};

/** An organisation's requests, soonest due first. `today` decides what is overdue (the org's calendar date). */
export async function listRequests(
  ctx: AppContext,
  input: { orgId: string; query?: ListRequestsQuery; today?: string },
): Promise<{ requests: DataSubjectRequest[]; total: number }> {
  const query = input.query ?? {};
  const today = input.today ?? ctx.now().toISOString().slice(0, 10);
  let base = ctx.db.selectFrom("requests").where("org_id", "=", input.orgId);
  if (query.status === "open" || query.overdue) base = base.where("status", "in", OPEN_STATUSES);
  else if (query.status) base = base.where("status", "=", query.status);
  if (query.type) base = base.where("type", "=", query.type);
  if (query.overdue) base = base.where("due_on", "<", today);
  if (query.dueBefore) base = base.where("due_on", "<=", query.dueBefore);
  if (!query.includeDuplicates) base = base.where("duplicate_of", "is", null);
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy("due_on")
      .orderBy("number")
      .limit(query.limit ?? 100)
      .offset(query.offset ?? 0)
      .execute(),
    base.select((eb) => eb.fn.countAll().as("n")).executeTakeFirst(),
  ]);
  return { requests: rows.map((row) => toDataSubjectRequest(ctx.config, row)), total: Number(count?.n ?? 0) };
}
