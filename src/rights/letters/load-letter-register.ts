import type { AppContext } from "../../app/app-context.ts";
import { listDocuments } from "../../register/documents/list-documents.ts";
import type { Activity } from "../../register/model/activity.schema.ts";
import type { Organisation } from "../../register/model/organisation.schema.ts";
import type { Processor } from "../../register/model/processor.schema.ts";
import { loadOrganisationCalendar } from "../requests/organisation-calendar.ts";

/** What a letter is built from: the organisation, its activities (archived ones too) and its processors. */
export type LetterRegister = {
  slug: string;
  timeZone: string;
  organisation: Organisation;
  activities: Activity[];
  processors: Processor[];
};

/**
 * The live register of an organisation, as letters need it. Live rather than published: an answer states what
 * the organisation does today, and a request may concern an activity not yet (or no longer) published.
 * Archived activities are included because a request may name one.
 */
export async function loadLetterRegister(ctx: AppContext, orgId: string): Promise<LetterRegister> {
  const calendar = await loadOrganisationCalendar(ctx.db, orgId);
  const scope = { orgId, includeArchived: true };
  const [activities, processors] = await Promise.all([
    listDocuments(ctx, { kind: "activity", ...scope }),
    listDocuments(ctx, { kind: "processor", ...scope }),
  ]);
  return {
    slug: calendar.slug,
    timeZone: calendar.timeZone,
    organisation: calendar.organisation,
    activities: activities.map((d) => d.data),
    processors: processors.map((d) => d.data),
  };
}
