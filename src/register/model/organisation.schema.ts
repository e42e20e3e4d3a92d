import { z } from "zod";
import { Contact, CountryCode, I18nText, PostalAddress, Slug, Url } from "./common.schema.ts";
import { isValidSiren, isValidSiret } from "./identifiers.ts";

export const Dpo = z
  .object({
    kind: z.enum(["internal", "external"]).optional(),
    designated: z
      .boolean()
      .default(true)
      .describe("false when the role is a privacy contact, not a designated DPO"),
    name: z.string().trim().min(1).optional(),
    organisation: z.string().trim().min(1).optional(),
    email: z.email().optional(),
    phone: Contact.shape.phone,
    address: PostalAddress.optional(),
    cnilDesignationNumber: z.string().trim().min(1).optional(),
  })
  .strict();

export const JointController = z
  .object({
    name: z.string().trim().min(1),
    address: PostalAddress.optional(),
    contact: Contact.optional(),
    responsibilities: I18nText.optional(),
    arrangementUrl: Url.optional(),
  })
  .strict();

export const Organisation = z
  .object({
    slug: Slug,
    legalName: z.string().trim().min(1),
    tradeName: z.string().trim().min(1).optional(),
    legalForm: z.string().trim().min(1).optional(),
    shareCapital: z.string().trim().min(1).optional(),
    siren: z.string().refine(isValidSiren, "must be 9 digits with a valid Luhn key").optional(),
    siret: z.string().refine(isValidSiret, "must be 14 digits with a valid Luhn key").optional(),
    vatNumber: z.string().trim().min(1).optional(),
    address: PostalAddress.optional(),
    country: CountryCode.describe(
      "Country of establishment: sets the public holidays and the lead authority",
    ),
    website: Url.optional(),
    phone: Contact.shape.phone,
    email: z.email().optional(),
    /** The person who answers for the processing (the CNIL sheet's "responsable du traitement" name). */
    legalRepresentative: z
      .object({ name: z.string().trim().min(1), role: I18nText.optional() })
      .strict()
      .optional(),
    rightsContact: Contact.optional().describe("Where data subjects exercise their rights"),
    dpo: Dpo.optional(),
    representative: Contact.optional().describe(
      "Art. 27 representative in the EU, for organisations outside it",
    ),
    jointControllers: z.array(JointController).default([]),
    roles: z
      .array(z.enum(["controller", "processor"]))
      .min(1)
      .default(["controller"]),
    supervisoryAuthority: Contact.optional(),
    privacyPolicyUrl: Url.optional(),
    /**
     * Added for generated documents (optional): how people are told of changes to the privacy policy, e.g. "we
     * will e-mail you when a change affects your rights". The policy's "changes" section quotes it; the register
     * had no other place for this commitment.
     */
    privacyPolicyChanges: I18nText.optional(),
    settings: z
      .object({
        /** Alsace-Moselle adds Good Friday and 26 December to the public holidays (deadline computation). */
        alsaceMoselle: z.boolean().default(false),
        defaultLanguage: z.enum(["fr", "en"]).default("fr"),
      })
      .strict()
      .default({ alsaceMoselle: false, defaultLanguage: "fr" }),
  })
  .strict()
  .superRefine((org, ctx) => {
    if (org.siren && org.siret && !org.siret.startsWith(org.siren)) {
      ctx.addIssue({ code: "custom", path: ["siret"], message: "must start with the organisation's SIREN" });
    }
  });
export type Organisation = z.infer<typeof Organisation>;
export type OrganisationInput = z.input<typeof Organisation>;
