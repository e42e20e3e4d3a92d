import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { Actor } from "../../app/app-context.ts";
import { appendAudit } from "../../audit/append-audit.ts";
import type { Database } from "../../db/schema.ts";
import type { EntityType } from "../documents/document-kinds.ts";
import { diffDocuments, type FieldChange } from "./diff-documents.ts";

export type RevisionAction = "create" | "update" | "archive" | "restore" | "import";

export type RecordRevisionInput = {
  orgId: string;
  entityType: EntityType;
  entityId: string;
  entityRef: string;
  revision: number;
  author: Actor;
  action: RevisionAction;
  data: unknown;
  previous: unknown;
  restoredFrom?: number;
  now: Date;
};

/** Every change to the register is a revision with its field-level diff, and an entry in the audit trail. */
export async function recordRevision(
  trx: Transaction<Database>,
  input: RecordRevisionInput,
): Promise<FieldChange[]> {
  const diff = diffDocuments(input.previous ?? {}, input.data);
  await trx
    .insertInto("revisions")
    .values({
      id: randomUUID(),
      org_id: input.orgId,
      entity_type: input.entityType,
      entity_id: input.entityId,
      entity_ref: input.entityRef,
      revision: input.revision,
      author: input.author,
      created_at: input.now.toISOString(),
      action: input.action,
      data: JSON.stringify(input.data),
      diff: JSON.stringify(diff),
      restored_from: input.restoredFrom ?? null,
    })
    .execute();
  await appendAudit(
    trx,
    {
      chain: input.orgId,
      actor: input.author,
      action: `${input.entityType}.${input.action}`,
      entityType: input.entityType,
      entityId: input.entityId,
      before: input.previous ?? undefined,
      after: input.data,
      details: {
        ref: input.entityRef,
        revision: input.revision,
        fields: diff.length,
        ...(input.restoredFrom ? { restoredFrom: input.restoredFrom } : {}),
      },
    },
    input.now,
  );
  return diff;
}
