import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { notFound } from "../../errors/app-error.ts";
import { Organisation } from "../../register/model/organisation.schema.ts";

/** What the deadline computation needs of an organisation: whose holidays, which time zone, which language. */
export type OrganisationCalendar = {
  orgId: string;
  slug: string;
  country: string;
  alsaceMoselle: boolean;
  timeZone: string;
  defaultLanguage: "fr" | "en";
  /** The organisation as the register holds it (names, DPO, rights contact) for letters and reminders. */
  organisation: Organisation;
};

// The capital's zone for the countries Gardien's users are established in; a request is received on the
// calendar day of the controller's establishment, not of UTC.
const TIME_ZONES: Readonly<Record<string, string>> = {
  FR: "Europe/Paris",
  BE: "Europe/Brussels",
  LU: "Europe/Luxembourg",
  DE: "Europe/Berlin",
  ES: "Europe/Madrid",
  IT: "Europe/Rome",
  NL: "Europe/Amsterdam",
  IE: "Europe/Dublin",
  PT: "Europe/Lisbon",
  AT: "Europe/Vienna",
  CH: "Europe/Zurich",
  GB: "Europe/London",
  MC: "Europe/Monaco",
};

const cache = new Map<string, { revision: number; calendar: OrganisationCalendar; checkedAt: number }>();

/** Reads (and caches per organisation revision) what the rights workflow needs of the register. */
export async function loadOrganisationCalendar(
  db: Kysely<Database>,
  orgId: string,
  options: { maxAgeMs?: number; revision?: number } = {},
): Promise<OrganisationCalendar> {
  const known = cache.get(orgId);
  // Intake may use a calendar checked within the last second (a country or time zone changes rarely);
  // reminders and letters check the revision every time, so a new DPO address is used at once.
  if (known && options.maxAgeMs !== undefined && Date.now() - known.checkedAt <= options.maxAgeMs)
    return known.calendar;
  // The caller has just read the organisation's revision (resolveOrganisation): no need to read it again.
  if (known && options.revision !== undefined && known.revision === options.revision) return known.calendar;
  const head = await db
    .selectFrom("organisations")
    .select(["slug", "revision"])
    .where("id", "=", orgId)
    .executeTakeFirst();
  if (!head) throw notFound("organisation", orgId);
  if (known && known.revision === Number(head.revision) && known.calendar.slug === head.slug) {
    known.checkedAt = Date.now();
    return known.calendar;
  }
  // The organisation's text is read only when its revision moved: most calls stop at the two columns above.
  const row = await db
    .selectFrom("organisations")
    .select(["slug", "data", "revision"])
    .where("id", "=", orgId)
    .executeTakeFirst();
  if (!row) throw notFound("organisation", orgId);
  const organisation = Organisation.parse(JSON.parse(row.data));
  const calendar: OrganisationCalendar = {
    orgId,
    slug: row.slug,
    country: organisation.country,
    alsaceMoselle: organisation.settings.alsaceMoselle,
    timeZone: TIME_ZONES[organisation.country] ?? "UTC",
    defaultLanguage: organisation.settings.defaultLanguage,
    organisation,
  };
  cache.set(orgId, { revision: Number(row.revision), calendar, checkedAt: Date.now() });
  return calendar;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function calendarDateIn(instant: Date, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    formatters.set(timeZone, format);
  }
  return format.format(instant);
}
