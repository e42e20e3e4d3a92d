import { z } from "zod";
import type { Lang } from "../../documents/document-model.ts";
import { Ref } from "../../register/model/common.schema.ts";

/** Staff's words for the person: one text in the request's language, or both languages. */
export const ReasonText = z.union([
  z.string().trim().min(1).max(4000),
  z
    .object({
      fr: z.string().trim().min(1).max(4000).optional(),
      en: z.string().trim().min(1).max(4000).optional(),
    })
    .strict()
    .refine((r) => r.fr !== undefined || r.en !== undefined, {
      message: "needs a French (fr) or English (en) text",
    }),
]);
export type ReasonText = z.output<typeof ReasonText>;

/**
 * Why a request is refused, not acted on, or only partly granted: overall, and per activity (keyed by the
 * activity's ref). Art. 12(4) requires the reasons; they may name people, so they are only ever stored sealed.
 */
export const LetterReasons = z
  .object({
    overall: ReasonText.optional(),
    activities: z
      .record(Ref, ReasonText)
      .refine((r) => Object.keys(r).length <= 200, { message: "at most 200 activities" })
      .optional(),
  })
  .strict();
export type LetterReasons = z.output<typeof LetterReasons>;

/** A reason in the letter's language, falling back to the other one (staff may write in one language only). */
export function reasonIn(text: ReasonText, lang: Lang): string {
  if (typeof text === "string") return text;
  return (lang === "fr" ? (text.fr ?? text.en) : (text.en ?? text.fr)) ?? "";
}

/** Whether staff gave any reason at all. */
export function hasReasons(reasons: LetterReasons | undefined): boolean {
  return reasons?.overall !== undefined || Object.keys(reasons?.activities ?? {}).length > 0;
}
