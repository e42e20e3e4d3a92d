import type { Actor, AppContext } from "../../app/app-context.ts";
import { forbidden, validationError } from "../../errors/app-error.ts";
import { parseOrThrow } from "../../errors/from-zod.ts";
import { DOCUMENT_KINDS, type DocumentKind } from "../documents/document-kinds.ts";
import { writeDocument } from "../documents/write-document.ts";
import { inWriteTransaction } from "../documents/write-transaction.ts";
import { RegisterFile } from "../model/register-file.schema.ts";
import { writeOrganisation } from "../organisations/write-organisation.ts";

export type ImportCounts = { created: number; updated: number; unchanged: number; archived: number };
export type ImportSummary = {
  organisation: { slug: string; id: string; outcome: "created" | "updated" | "unchanged" };
  processors: ImportCounts;
  activities: ImportCounts;
  processorRegister: ImportCounts;
};

export type ImportRegisterInput = {
  body: unknown;
  actor: Actor;
  /** Archive the documents that the file no longer holds: the file is then the whole register. */
  prune?: boolean;
  /** When set, the import may only touch this organisation (a scoped token). */
  onlyOrgId?: string;
  /** The organisation the caller means (the URL's slug): the file must be that organisation's register. */
  expectedSlug?: string;
  /** May the import create an organisation that does not exist yet? */
  allowCreate?: boolean;
};

const SECTIONS: ReadonlyArray<[keyof Omit<ImportSummary, "organisation">, DocumentKind]> = [
  ["processors", "processor"],
  ["activities", "activity"],
  ["processorRegister", "processorEntry"],
];

/**
 * Imports a register-as-code file. The whole file is validated before anything is written, and the
 * writes run in one transaction: a file that fails anywhere leaves the store as it was.
 * Documents are matched by ref; an unchanged document gets no new revision.
 */
export async function importRegister(ctx: AppContext, input: ImportRegisterInput): Promise<ImportSummary> {
  const file = parseOrThrow(RegisterFile, input.body);
  if (input.expectedSlug !== undefined && file.organisation.slug !== input.expectedSlug) {
    throw validationError([
      {
        path: "organisation.slug",
        rule: "matches_url",
        message: `must be "${input.expectedSlug}", the organisation named`,
      },
    ]);
  }
  const now = ctx.now();
  return inWriteTransaction(
    ctx,
    (summary) => summary.organisation.id,
    async (trx) => {
      const existing = await trx
        .selectFrom("organisations")
        .select(["id"])
        .where("slug", "=", file.organisation.slug)
        .executeTakeFirst();
      if (input.onlyOrgId !== undefined && existing?.id !== input.onlyOrgId) {
        throw forbidden(`this token may not import into organisation ${file.organisation.slug}`);
      }
      if (!existing && input.allowCreate === false) {
        throw forbidden(
          `organisation ${file.organisation.slug} does not exist and this caller may not create it`,
        );
      }
      const orgWrite = await writeOrganisation(trx, {
        data: file.organisation,
        author: input.actor,
        action: "import",
        now,
      });
      const orgId = orgWrite.organisation.id;
      const summary: ImportSummary = {
        organisation: {
          slug: file.organisation.slug,
          id: orgId,
          outcome: !existing ? "created" : orgWrite.changed ? "updated" : "unchanged",
        },
        processors: { created: 0, updated: 0, unchanged: 0, archived: 0 },
        activities: { created: 0, updated: 0, unchanged: 0, archived: 0 },
        processorRegister: { created: 0, updated: 0, unchanged: 0, archived: 0 },
      };
      for (const [section, kind] of SECTIONS) {
        const counts = summary[section];
        const table = DOCUMENT_KINDS[kind].table;
        const before = new Map(
          (await trx.selectFrom(table).select(["ref", "status"]).where("org_id", "=", orgId).execute()).map(
            (r) => [r.ref, r.status],
          ),
        );
        const inFile = new Set<string>();
        for (const data of file[section]) {
          inFile.add(data.ref);
          const result = await writeDocument(trx, kind, {
            orgId,
            data: data as never,
            author: input.actor,
            action: "import",
            now,
          });
          if (!result.changed) counts.unchanged++;
          else if (before.has(data.ref)) counts.updated++;
          else counts.created++;
        }
        if (input.prune) {
          for (const [ref, status] of before) {
            if (inFile.has(ref) || status === "archived") continue;
            const row = await trx
              .selectFrom(table)
              .select("data")
              .where("org_id", "=", orgId)
              .where("ref", "=", ref)
              .executeTakeFirstOrThrow();
            const data = { ...JSON.parse(row.data), status: "archived" };
            await writeDocument(trx, kind, { orgId, data, author: input.actor, action: "archive", now });
            counts.archived++;
          }
        }
      }
      return summary;
    },
  );
}
