import { z } from "zod";
import { CountryCode } from "../../register/model/common.schema.ts";
import { CalendarDateSchema } from "./calendar-date.ts";

export const ZComputeDueDateRequest = z
  .object({
    /** The day the controller received the request (the event from which the period runs). */
    receivedOn: CalendarDateSchema,
    /** Country of establishment of the controller: whose public holidays count. */
    country: CountryCode,
    alsaceMoselle: z.boolean().default(false),
    /** Art. 12(3): one month, up to three with an extension. */
    months: z.number().int().min(1).max(3).default(1),
  })
  .strict();

export type TComputeDueDateRequest = z.input<typeof ZComputeDueDateRequest>;

export type TDueDate = {
  receivedOn: string;
  /** Where the period ends before Art. 3(4): same date, or last day of the month (Art. 3(2)(c)). */
  periodEndsOn: string;
  /** The last day on which the answer is on time: periodEndsOn moved to the next working day if needed. */
  dueOn: string;
  /** The non-working days the deadline was moved over, with why, oldest first. */
  movedOver: Array<{ date: string; reason: string }>;
};
