import type { AppContext } from "../../app/app-context.ts";
import { organisationName } from "../../documents/format-identity.ts";
import { notFound } from "../../errors/app-error.ts";
import { getPublication, latestPublicationNumber } from "../../publication/get-publication.ts";
import { publicActivities } from "../../publication/public-documents.ts";
import type { I18nText } from "../../register/model/common.schema.ts";
import { resolveOrganisation } from "../../register/organisations/resolve-organisation.ts";
import type { Lang } from "../model/request.schema.ts";
import { loadOrganisationCalendar } from "../requests/organisation-calendar.ts";

/** What the public rights pages need of an organisation. No staff data: this is shown to anyone. */
export type IntakeSite = {
  orgId: string;
  slug: string;
  orgName: string;
  defaultLang: Lang;
  /** The activities of the latest publication (active ones), for the form's checkboxes; empty if none. */
  activities: ReadonlyArray<{ ref: string; name: I18nText }>;
  /** Whether the organisation has published its register (the header then links to it). */
  published: boolean;
};

type Activities = IntakeSite["activities"];
// One empty list for every unpublished organisation: the form's schema cache is keyed by the list.
const NO_ACTIVITIES: Activities = Object.freeze([]);
// Per store and organisation, the activity list of one publication number: a publication never changes,
// so the cheap "latest number" query is all a page needs once the list is known.
const activityCache = new WeakMap<object, Map<string, { number: number; activities: Activities }>>();

async function publishedActivities(
  ctx: AppContext,
  org: { id: string; slug: string },
): Promise<{ published: boolean; activities: Activities }> {
  const number = await latestPublicationNumber(ctx, org.id);
  if (number === undefined) return { published: false, activities: NO_ACTIVITIES };
  let byOrg = activityCache.get(ctx.db);
  if (!byOrg) {
    byOrg = new Map();
    activityCache.set(ctx.db, byOrg);
  }
  const known = byOrg.get(org.id);
  if (known?.number === number) return { published: true, activities: known.activities };
  const publication = await getPublication(ctx, { slug: org.slug, number });
  const activities = Object.freeze(
    publicActivities(publication.snapshot).map((a) => Object.freeze({ ref: a.ref, name: a.name })),
  );
  if (byOrg.size >= 10_000) byOrg.clear();
  byOrg.set(org.id, { number, activities });
  return { published: true, activities };
}

/**
 * The organisation behind `/o/{slug}/rights…`. NOT_FOUND for an unknown or archived organisation, with
 * the same message for both: an archived organisation takes no new requests and its pages say nothing.
 */
export async function loadIntakeSite(ctx: AppContext, slug: string): Promise<IntakeSite> {
  const org = await resolveOrganisation(ctx.db, slug);
  if (!org || org.archivedAt !== null) throw notFound("organisation", slug);
  const calendar = await loadOrganisationCalendar(ctx.db, org.id, { revision: org.revision });
  const { published, activities } = await publishedActivities(ctx, org);
  return {
    orgId: org.id,
    slug: org.slug,
    orgName: organisationName(calendar.organisation),
    defaultLang: calendar.defaultLanguage,
    activities,
    published,
  };
}
