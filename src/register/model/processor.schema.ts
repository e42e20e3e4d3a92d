import { z } from "zod";
import { Contact, CountryCode, I18nText, IsoDate, Ref, Url } from "./common.schema.ts";
import { TRANSFER_MECHANISM_CODES } from "./vocabulary.ts";

/** The directory of processors and recipients that activities and processor entries refer to. */
export const Processor = z
  .object({
    ref: Ref,
    name: z.string().trim().min(1),
    kind: z.enum(["processor", "sub_processor", "recipient"]).default("processor"),
    status: z.enum(["active", "archived"]).default("active"),
    country: CountryCode.optional(),
    contact: Contact.optional(),
    services: z.array(I18nText).default([]),
    dpa: z
      .object({
        signed: z.boolean(),
        signedOn: IsoDate.optional(),
        url: Url.optional(),
      })
      .strict()
      .optional(),
    transferMechanism: z.enum(TRANSFER_MECHANISM_CODES).optional(),
    dpfCertified: z.boolean().optional().describe("Listed under the EU-US Data Privacy Framework"),
    notes: I18nText.optional(),
  })
  .strict();
export type Processor = z.infer<typeof Processor>;
export type ProcessorInput = z.input<typeof Processor>;
