import type { AppContext } from "../../app/app-context.ts";
import { computeDueDate } from "../deadlines/compute-due-date.ts";
import { calendarDateIn, loadOrganisationCalendar } from "../requests/organisation-calendar.ts";

/**
 * The due date a request received now would get (Art. 12(3), Reg. 1182/71), without recording one: the
 * honeypot's page must read like the real one.
 */
export async function previewDueDate(ctx: AppContext, orgId: string): Promise<string> {
  const calendar = await loadOrganisationCalendar(ctx.db, orgId);
  return computeDueDate({
    receivedOn: calendarDateIn(ctx.now(), calendar.timeZone),
    country: calendar.country,
    alsaceMoselle: calendar.alsaceMoselle,
  }).dueOn;
}
