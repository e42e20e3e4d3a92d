import type { Actor, AppContext } from "../../app/app-context.ts";
import type { DataSubjectRequest } from "../model/request.schema.ts";
import { changeAssignee } from "./change-assignee.ts";

/** Nobody handles the request any more; reminders then go only to the organisation's other recipients. */
export async function unassignRequest(
  ctx: AppContext,
  args: { orgId: string; requestId: string; actor: Actor; expectedRevision?: number },
): Promise<DataSubjectRequest> {
  return changeAssignee(ctx, { ...args, email: null });
}
