import type { AppContext } from "../../app/app-context.ts";
import { calendarDateIn, loadOrganisationCalendar } from "../requests/organisation-calendar.ts";

/**
 * Today's date (YYYY-MM-DD) where the organisation is established: what decides whether a request is
 * overdue. A request due on 1 March is late from 2 March in Paris, not from 23:00 UTC on 1 March.
 */
export async function organisationToday(ctx: AppContext, orgId: string): Promise<string> {
  const calendar = await loadOrganisationCalendar(ctx.db, orgId);
  return calendarDateIn(ctx.now(), calendar.timeZone);
}
