import type { AppContext } from "../../app/app-context.ts";
import { listDocuments } from "../documents/list-documents.ts";
import { REGISTER_FORMAT_VERSION, type RegisterFile } from "../model/register-file.schema.ts";
import { getOrganisation } from "../organisations/get-organisation.ts";

/** The whole register of one organisation as a register-as-code file, archived documents included. */
export async function exportRegister(ctx: AppContext, input: { slug: string }): Promise<RegisterFile> {
  const org = await getOrganisation(ctx, { slug: input.slug });
  const scope = { orgId: org.id, includeArchived: true };
  const [processors, activities, entries] = await Promise.all([
    listDocuments(ctx, { kind: "processor", ...scope }),
    listDocuments(ctx, { kind: "activity", ...scope }),
    listDocuments(ctx, { kind: "processorEntry", ...scope }),
  ]);
  return {
    gardien: REGISTER_FORMAT_VERSION,
    organisation: org.data,
    processors: processors.map((d) => d.data),
    activities: activities.map((d) => d.data),
    processorRegister: entries.map((d) => d.data),
  };
}
