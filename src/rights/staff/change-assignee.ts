import type { Actor, AppContext } from "../../app/app-context.ts";
import { openText } from "../../crypto/seal.ts";
import type { RequestRow } from "../../db/schema.ts";
import { notFound } from "../../errors/app-error.ts";
import type { DataSubjectRequest } from "../model/request.schema.ts";
import { readRequestRow } from "../requests/get-request.ts";
import { recordRequestEvent } from "../requests/record-request-event.ts";
import { sealAssignee, toDataSubjectRequest } from "../requests/request-record.ts";
import { lockRequestTimeline } from "./lock-request-timeline.ts";
import { assertRequestRevision, staleRevision } from "./request-revision.ts";

export type ChangeAssigneeInput = {
  orgId: string;
  requestId: string;
  actor: Actor;
  /** The staff address reminders go to; null unassigns. */
  email: string | null;
  expectedRevision?: number;
};

/**
 * Sets or clears who handles a request. The address is sealed on the row and on the timeline; the event's
 * clear data only says that the assignment changed. Setting the same address again changes nothing.
 */
export async function changeAssignee(
  ctx: AppContext,
  input: ChangeAssigneeInput,
): Promise<DataSubjectRequest> {
  return ctx.db.transaction().execute(async (trx) => {
    await lockRequestTimeline(trx, input.orgId);
    const before = await readRequestRow(trx, input.orgId, input.requestId);
    if (!before) throw notFound("request", input.requestId);
    assertRequestRevision(before, input.expectedRevision);
    const current = before.assignee_sealed
      ? openText(ctx.config, before.assignee_sealed, {
          use: "requester-identity",
          aad: `${before.id}:assignee`,
        })
      : null;
    if (current === input.email) return toDataSubjectRequest(ctx.config, before);
    const after: RequestRow = {
      ...before,
      assignee_sealed: input.email === null ? null : sealAssignee(ctx.config, before.id, input.email),
      revision: Number(before.revision) + 1,
      updated_at: ctx.now().toISOString(),
    };
    const updated = await trx
      .updateTable("requests")
      .set({ assignee_sealed: after.assignee_sealed, revision: after.revision, updated_at: after.updated_at })
      .where("id", "=", before.id)
      .where("org_id", "=", input.orgId)
      .where("revision", "=", Number(before.revision))
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw staleRevision(before);
    await recordRequestEvent(ctx, trx, {
      orgId: input.orgId,
      requestId: before.id,
      kind: input.email === null ? "unassigned" : "assigned",
      actor: input.actor,
      data: { revision: after.revision, ...(input.email !== null ? { reassigned: current !== null } : {}) },
      ...(input.email !== null ? { sealed: input.email } : {}),
      after: { ...after, requester_sealed: undefined, assignee_sealed: undefined },
    });
    return toDataSubjectRequest(ctx.config, after);
  });
}
