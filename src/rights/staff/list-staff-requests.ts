import { z } from "zod";
import type { AppContext } from "../../app/app-context.ts";
import { parseOrThrow } from "../../errors/from-zod.ts";
import { RequestStatus, RequestType } from "../model/request.schema.ts";
import { listRequests } from "../requests/list-requests.ts";
import { organisationToday } from "./organisation-today.ts";
import { type RequestSummary, toRequestSummary } from "./request-views.ts";

/** Filters of the staff list; booleans are booleans here (HTTP and the CLI turn their text into them). */
const StaffListQuery = z
  .object({
    status: z.union([RequestStatus, z.literal("open")]).optional(),
    type: RequestType.optional(),
    overdue: z.boolean().optional(),
    dueBefore: z.iso.date().optional(),
    includeDuplicates: z.boolean().default(false),
    limit: z.number().int().min(1).max(500).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

export type StaffRequestList = {
  items: RequestSummary[];
  total: number;
  limit: number;
  offset: number;
  /** The organisation's date that decided `overdue`. */
  today: string;
};

/**
 * An organisation's requests for its staff, soonest due first, without anything of the requester: a list
 * is read often and shown on screens, and who asked is seen one request at a time.
 */
export async function listStaffRequests(
  ctx: AppContext,
  input: { orgId: string; query?: unknown },
): Promise<StaffRequestList> {
  const query = parseOrThrow(StaffListQuery, input.query ?? {});
  const today = await organisationToday(ctx, input.orgId);
  const { requests, total } = await listRequests(ctx, {
    orgId: input.orgId,
    today,
    query,
  });
  return {
    items: requests.map((r) => toRequestSummary(r, today)),
    total,
    limit: query.limit,
    offset: query.offset,
    today,
  };
}
