import { z } from "zod";
import type { Actor, AppContext } from "../../app/app-context.ts";
import { parseOrThrow } from "../../errors/from-zod.ts";
import type { DataSubjectRequest } from "../model/request.schema.ts";
import { changeAssignee } from "./change-assignee.ts";

export const AssignInput = z
  .object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254)
      .pipe(z.email())
      .describe("The staff member's address: reminders before and after the due date go to it"),
  })
  .strict();
export type AssignInput = z.input<typeof AssignInput>;

/** @example await assignRequest(ctx, { orgId, requestId, actor: "token:abc", input: { email: "dpo@acme.fr" } }) */
export async function assignRequest(
  ctx: AppContext,
  args: { orgId: string; requestId: string; actor: Actor; input: unknown; expectedRevision?: number },
): Promise<DataSubjectRequest> {
  const { email } = parseOrThrow(AssignInput, args.input);
  return changeAssignee(ctx, {
    orgId: args.orgId,
    requestId: args.requestId,
    actor: args.actor,
    email,
    ...(args.expectedRevision !== undefined ? { expectedRevision: args.expectedRevision } : {}),
  });
}
