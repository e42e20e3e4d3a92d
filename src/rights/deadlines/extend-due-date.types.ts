import { z } from "zod";
import { CountryCode } from "../../register/model/common.schema.ts";
import { CalendarDateSchema } from "./calendar-date.ts";
import type { TDueDate } from "./compute-due-date.types.ts";

export const ZExtendDueDateRequest = z
  .object({
    receivedOn: CalendarDateSchema,
    /** The day the controller decides the extension (and tells the person, Art. 12(3)). */
    requestedOn: CalendarDateSchema,
    /** Art. 12(3): "by two further months" at most. */
    extraMonths: z.union([z.literal(1), z.literal(2)]),
    /** Art. 12(3): the person must be told the reasons for the delay. */
    reason: z.string().trim().min(1, "must state why the request needs more time"),
    country: CountryCode,
    alsaceMoselle: z.boolean().default(false),
  })
  .strict();

export type TExtendDueDateRequest = z.input<typeof ZExtendDueDateRequest>;

export type TExtendedDueDate = TDueDate & {
  /** The one-month due date the extension replaces. */
  originalDueOn: string;
  extraMonths: 1 | 2;
  reason: string;
};
