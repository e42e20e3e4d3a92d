import { z } from "zod";
import { LetterReasons } from "../letters/letter-reasons.ts";
import { RequestOutcome } from "../model/request.schema.ts";

/** What staff send to answer a request (`POST …/requests/{id}/answer`). */
export const AnswerRequestInput = z
  .object({
    outcome: RequestOutcome,
    /** Required for partly_granted, refused and no_action (Art. 12(4)): overall and/or per activity ref. */
    reasons: LetterReasons.optional(),
    /** Free text for the person, printed in the letter as written; stored sealed. */
    staffNote: z.string().trim().min(1).max(10_000).optional(),
    /**
     * Access and portability: send the data package (default: yes when something was attached or posted, for
     * granted and partly granted answers).
     */
    includePackage: z.boolean().optional(),
  })
  .strict();
export type AnswerRequestInput = z.input<typeof AnswerRequestInput>;
