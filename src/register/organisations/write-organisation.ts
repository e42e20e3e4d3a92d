import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { Actor } from "../../app/app-context.ts";
import { forgetAuthenticatedTokens } from "../../auth/authenticate-token.ts";
import type { Database } from "../../db/schema.ts";
import { conflict } from "../../errors/app-error.ts";
import type { FieldChange } from "../history/diff-documents.ts";
import { type RevisionAction, recordRevision } from "../history/record-revision.ts";
import { Organisation } from "../model/organisation.schema.ts";
import { type StoredOrganisation, toStoredOrganisation } from "./organisation-record.ts";
import { forgetResolvedOrganisations } from "./resolve-organisation.ts";

/** The organisation's counterpart of writeDocument: row, revision and audit entry in one transaction. */
export async function writeOrganisation(
  trx: Transaction<Database>,
  input: {
    data: Organisation;
    author: Actor;
    action: RevisionAction;
    now: Date;
    /** The slug the organisation has now; differs from data.slug on a rename. */
    currentSlug?: string;
    expectedRevision?: number;
    archived?: boolean;
    restoredFrom?: number;
  },
): Promise<{ organisation: StoredOrganisation; changed: boolean; diff: FieldChange[] }> {
  const data = Organisation.parse(input.data);
  const slug = input.currentSlug ?? data.slug;
  const row = await trx.selectFrom("organisations").selectAll().where("slug", "=", slug).executeTakeFirst();
  if (input.expectedRevision !== undefined && input.expectedRevision !== Number(row?.revision ?? 0)) {
    throw conflict(
      `organisation ${slug} is at revision ${row?.revision ?? 0}, not ${input.expectedRevision}`,
    );
  }
  if (row && data.slug !== row.slug) {
    const taken = await trx
      .selectFrom("organisations")
      .select("id")
      .where("slug", "=", data.slug)
      .executeTakeFirst();
    if (taken) throw conflict(`organisation slug ${data.slug} is taken`, { slug: data.slug });
  }
  const json = JSON.stringify(data);
  const at = input.now.toISOString();
  const archivedAt = input.archived === undefined ? (row?.archived_at ?? null) : input.archived ? at : null;
  if (row && row.data === json && row.archived_at === archivedAt) {
    return { organisation: toStoredOrganisation(row), changed: false, diff: [] };
  }
  forgetResolvedOrganisations();
  forgetAuthenticatedTokens();
  const id = row?.id ?? randomUUID();
  const revision = Number(row?.revision ?? 0) + 1;
  if (row) {
    await trx
      .updateTable("organisations")
      .set({ slug: data.slug, data: json, revision, updated_at: at, archived_at: archivedAt })
      .where("id", "=", id)
      .execute();
  } else {
    await trx
      .insertInto("organisations")
      .values({
        id,
        slug: data.slug,
        data: json,
        revision,
        archived_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
  const previous = row ? JSON.parse(row.data) : undefined;
  const diff = await recordRevision(trx, {
    orgId: id,
    entityType: "organisation",
    entityId: id,
    entityRef: data.slug,
    revision,
    author: input.author,
    action: row ? input.action : input.action === "import" ? "import" : "create",
    data,
    previous,
    now: input.now,
    ...(input.restoredFrom !== undefined ? { restoredFrom: input.restoredFrom } : {}),
  });
  const stored = await trx
    .selectFrom("organisations")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  return { organisation: toStoredOrganisation(stored), changed: true, diff };
}
