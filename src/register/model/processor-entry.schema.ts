import { z } from "zod";
import { SecurityMeasure, Transfer } from "./activity.schema.ts";
import { Contact, I18nText, IsoDate, Ref, Url } from "./common.schema.ts";
import { DATA_CATEGORY_CODES, DATA_SUBJECT_CODES } from "./vocabulary.ts";

/** One client controller of the processor register (Art. 30(2)). */
export const ProcessorEntry = z
  .object({
    ref: Ref,
    status: z.enum(["draft", "active", "archived"]).default("draft"),
    createdOn: IsoDate.optional(),
    updatedOn: IsoDate.optional(),
    controller: z
      .object({
        name: z.string().trim().min(1),
        description: I18nText.optional(),
        contact: Contact.optional(),
        representative: Contact.optional(),
        dpo: Contact.optional(),
      })
      .strict(),
    /** Art. 30(2)(b): the categories of processing carried out for this controller. */
    processingCategories: z
      .array(
        z
          .object({
            description: I18nText,
            dataCategories: z.array(z.enum(DATA_CATEGORY_CODES)).default([]),
            dataSubjects: z.array(z.enum(DATA_SUBJECT_CODES)).default([]),
          })
          .strict(),
      )
      .default([]),
    subProcessors: z.array(Ref).default([]),
    noTransferOutsideEea: z.boolean().optional(),
    transfers: z.array(Transfer).default([]),
    securityMeasures: z.array(SecurityMeasure).default([]),
    contract: z
      .object({ signed: z.boolean(), signedOn: IsoDate.optional(), url: Url.optional() })
      .strict()
      .optional(),
    /** How a data subject request received by the processor reaches this controller (Art. 28(3)(e)). */
    rightsRequests: z
      .object({
        channel: z.enum(["email", "opendsr", "support"]),
        email: z.email().optional(),
        endpoint: Url.optional(),
        instructions: I18nText.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type ProcessorEntry = z.infer<typeof ProcessorEntry>;
export type ProcessorEntryInput = z.input<typeof ProcessorEntry>;
