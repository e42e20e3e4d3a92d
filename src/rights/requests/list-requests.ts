import { z } from "zod";
import type { AppContext } from "../../app/app-context.ts";
import { parseOrThrow } from "../../errors/from-zod.ts";
import { type DataSubjectRequest, RequestStatus, RequestType } from "../model/request.schema.ts";
import { OPEN_STATUSES } from "../model/transitions.ts";
import { toDataSubjectRequest } from "./request-record.ts";

// Query strings carry "true"/"false": z.coerce.boolean() would read "false" as true.
const flag = z.union([
  z.boolean(),
  z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1"),
]);

export const ListRequestsQuery = z
  .object({
    status: z.union([RequestStatus, z.literal("open")]).optional(),
    type: RequestType.optional(),
    /** Only requests past their due date and still open. */
    overdue: flag.optional(),
    /** Only requests due on or before this date (YYYY-MM-DD). */
    dueBefore: z.iso.date().optional(),
    /** Duplicates are linked to their first request and left out unless asked for. */
    includeDuplicates: flag.default(false),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type ListRequestsQuery = z.input<typeof ListRequestsQuery>;

/** An organisation's requests, soonest due first. `today` decides what is overdue (the org's calendar date). */
export async function listRequests(
  ctx: AppContext,
  input: { orgId: string; query?: unknown; today?: string },
): Promise<{ requests: DataSubjectRequest[]; total: number }> {
  const query = parseOrThrow(ListRequestsQuery, input.query ?? {});
  const today = input.today ?? ctx.now().toISOString().slice(0, 10);
  let base = ctx.db.selectFrom("requests").where("org_id", "=", input.orgId);
  if (query.status === "open" || query.overdue) base = base.where("status", "in", OPEN_STATUSES);
  else if (query.status) base = base.where("status", "=", query.status);
  if (query.type) base = base.where("type", "=", query.type);
  if (query.overdue) base = base.where("due_on", "<", today);
  if (query.dueBefore) base = base.where("due_on", "<=", query.dueBefore);
  if (!query.includeDuplicates) base = base.where("duplicate_of", "is", null);
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy("due_on").orderBy("number").limit(query.limit).offset(query.offset).execute(),
    base.select((eb) => eb.fn.countAll().as("n")).executeTakeFirst(),
  ]);
  return { requests: rows.map((row) => toDataSubjectRequest(ctx.config, row)), total: Number(count?.n ?? 0) };
}
