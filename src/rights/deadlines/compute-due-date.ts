import { parseOrThrow } from "../../errors/from-zod.ts";
import { addDays, addMonthsClamped } from "./calendar-date.ts";
import {
  type TComputeDueDateRequest,
  type TDueDate,
  ZComputeDueDateRequest,
} from "./compute-due-date.types.ts";
import { holidayCalendar } from "./holiday-calendars.ts";
import { nonWorkingReason } from "./is-working-day.ts";

/**
 * The due date of a data subject request: Art. 12(3) GDPR, one month from receipt, counted by
 * Reg. (EEC, Euratom) 1182/71 Art. 3.
 *
 * - The day of receipt does not count (Art. 3(1), second subparagraph): the period starts the next day and ends
 *   on the same date of the following month (Art. 3(2)(c)), so receipt on 15 March → due 15 April.
 * - When that date does not exist the period ends on the last day of the month (31 January → 28/29 February).
 * - A period ending on a Saturday, Sunday or public holiday of the controller's country ends on the next working
 *   day instead (Art. 3(4)), repeated until a working day is reached.
 *
 * Throws a VALIDATION_FAILED AppError naming the field for bad input, or a country without holiday data.
 *
 * @example computeDueDate({ receivedOn: "2026-03-15", country: "FR" }).dueOn // "2026-04-15"
 */
export function computeDueDate(input: TComputeDueDateRequest): TDueDate {
  const { receivedOn, country, alsaceMoselle, months } = parseOrThrow(ZComputeDueDateRequest, input);
  const calendar = holidayCalendar(country, { alsaceMoselle });
  const periodEndsOn = addMonthsClamped(receivedOn, months);
  const movedOver: TDueDate["movedOver"] = [];
  let dueOn = periodEndsOn;
  for (let reason = nonWorkingReason(dueOn, calendar); reason; reason = nonWorkingReason(dueOn, calendar)) {
    movedOver.push({ date: dueOn, reason });
    dueOn = addDays(dueOn, 1);
  }
  return { receivedOn, periodEndsOn, dueOn, movedOver };
}
