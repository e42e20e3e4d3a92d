import { AppError } from "../../errors/app-error.ts";
import { parseOrThrow } from "../../errors/from-zod.ts";
import { computeDueDate } from "./compute-due-date.ts";
import {
  type TExtendDueDateRequest,
  type TExtendedDueDate,
  ZExtendDueDateRequest,
} from "./extend-due-date.types.ts";

/**
 * Extends the deadline of a data subject request by one or two further months (Art. 12(3) GDPR).
 *
 * Only before the first month ends: the person must be told "within one month of receipt", so an extension
 * decided on or after the original (moved) due date is refused. This is stricter than 1182/71, under which the
 * due date itself is still inside the period: Gardien keeps that last day for the notice to reach the person.
 *
 * The extended due date is counted from receipt with 1 + extraMonths months, then moved off non-working days;
 * it is not the moved one-month due date plus two months. Reg. 1182/71 Art. 3(2)(c) ends a period in months on
 * the same date as the day "from which the period runs", which is receipt, and Art. 3(4) moves only the last day
 * of a period for the purpose of meeting it, not the start of a later one. Counting from the moved date would
 * carry a holiday shift or a short-month clamp into the new period (31 January → 28 February → 28 April instead
 * of 30 April), granting a different length than "two further months".
 *
 * @example extendDueDate({ receivedOn: "2026-03-31", requestedOn: "2026-04-10", extraMonths: 2,
 *   reason: "many requests", country: "FR" }).dueOn // "2026-06-30"
 */
export function extendDueDate(input: TExtendDueDateRequest): TExtendedDueDate {
  const { receivedOn, requestedOn, extraMonths, reason, country, alsaceMoselle } = parseOrThrow(
    ZExtendDueDateRequest,
    input,
  );
  const original = computeDueDate({ receivedOn, country, alsaceMoselle });
  if (requestedOn < receivedOn) {
    throw new AppError(
      "BAD_REQUEST",
      "requestedOn is before receivedOn: an extension cannot precede the request",
      {
        userMessage: {
          fr: "La date de prolongation (requestedOn) précède la réception de la demande.",
          en: "The extension date (requestedOn) is before the request was received.",
        },
        details: { path: "requestedOn", rule: "before_receipt" },
      },
    );
  }
  if (requestedOn >= original.dueOn) {
    throw new AppError(
      "CONFLICT",
      `extension too late: it must be decided before the original due date ${original.dueOn} (GDPR Art. 12(3))`,
      {
        userMessage: {
          fr: `Prolongation impossible : elle doit être décidée et notifiée avant l'échéance initiale du ${original.dueOn} (RGPD art. 12(3)).`,
          en: `Extension refused: it must be decided and notified before the original due date ${original.dueOn} (GDPR Art. 12(3)).`,
        },
        details: { path: "requestedOn", rule: "after_first_month", originalDueOn: original.dueOn },
      },
    );
  }
  const extended = computeDueDate({ receivedOn, country, alsaceMoselle, months: 1 + extraMonths });
  return { ...extended, originalDueOn: original.dueOn, extraMonths, reason };
}
