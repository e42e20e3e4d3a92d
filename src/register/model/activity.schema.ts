import { z } from "zod";
import { CountryCode, I18nText, IsoDate, IsoDuration, Ref, Url } from "./common.schema.ts";
import {
  ACTIVITY_STATUS_CODES,
  DATA_CATEGORY_CODES,
  DATA_SOURCE_CODES,
  DATA_SUBJECT_CODES,
  DEROGATION_CODES,
  DPIA_STATUS_CODES,
  EDPB_CRITERION_CODES,
  LEGAL_BASIS_CODES,
  RECIPIENT_KIND_CODES,
  RETENTION_ACTION_CODES,
  RETENTION_EVENT_CODES,
  SECURITY_MEASURE_CODES,
  SENSITIVE_CODES,
  SENSITIVE_CONDITION_CODES,
  TRANSFER_MECHANISM_CODES,
} from "./vocabulary.ts";

/** Art. 6(1) basis of one purpose, with what each basis needs to stand. */
export const LegalBasis = z
  .object({
    code: z.enum(LEGAL_BASIS_CODES),
    justification: I18nText.optional(),
    /** 6.1.f: the interest pursued (Art. 13(1)(d)). */
    legitimateInterest: I18nText.optional(),
    /** 6.1.a: how consent is collected and how it is withdrawn (Art. 7(1), 7(3)). */
    consent: z
      .object({ collection: I18nText.optional(), withdrawal: I18nText.optional() })
      .strict()
      .optional(),
    /** 6.1.c / 6.1.e: the text that imposes or grants the processing. */
    legalReference: z.string().trim().min(1).optional(),
  })
  .strict();
export type LegalBasis = z.infer<typeof LegalBasis>;

export const Purpose = z
  .object({
    main: z.boolean().default(false).describe("true for the main purpose; the others are sub-purposes"),
    description: I18nText,
    legalBasis: LegalBasis.optional(),
  })
  .strict();
export type Purpose = z.infer<typeof Purpose>;

export const DataSubject = z
  .object({
    category: z.enum(DATA_SUBJECT_CODES),
    label: I18nText.optional().describe("The organisation's own wording, when it differs from the category"),
    vulnerable: z.boolean().optional(),
  })
  .strict();

export const DataCategory = z
  .object({
    id: Ref.describe("Local key: retention rules and recipients refer to it"),
    category: z.enum(DATA_CATEGORY_CODES),
    label: I18nText.optional().describe(
      "Name of a custom category (e.g. 'Suivi de la relation commerciale')",
    ),
    description: I18nText.optional().describe("The data items, e.g. 'Nom, prénom, adresse e-mail'"),
    source: z
      .object({ kind: z.enum(DATA_SOURCE_CODES), detail: I18nText.optional() })
      .strict()
      .optional(),
    optional: z.boolean().optional().describe("true when the person may choose not to give it"),
  })
  .strict();
export type DataCategory = z.infer<typeof DataCategory>;

export const SensitiveData = z
  .object({
    processed: z.boolean().optional().describe("The sheet's yes/no question; unset means unanswered"),
    items: z
      .array(
        z
          .object({
            category: z.enum(SENSITIVE_CODES),
            condition: z.enum(SENSITIVE_CONDITION_CODES).optional(),
            justification: I18nText.optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

/** One retention rule: a measurable period, the event it runs from, and what happens at its end. */
export const RetentionRule = z
  .object({
    dataCategories: z.array(Ref).default([]).describe("Data category ids; empty means every category"),
    duration: IsoDuration.optional().describe("Unset only when the source gives no measurable period"),
    from: z.enum(RETENTION_EVENT_CODES).optional(),
    fromDetail: I18nText.optional(),
    action: z.enum(RETENTION_ACTION_CODES).default("delete"),
    legalReference: z.string().trim().min(1).optional(),
    note: I18nText.optional(),
    /** The wording as published, kept so a document can quote it and the linter can judge it. */
    statedAs: I18nText.optional(),
  })
  .strict();
export type RetentionRule = z.infer<typeof RetentionRule>;

export const Recipient = z
  .object({
    kind: z.enum(RECIPIENT_KIND_CODES),
    name: I18nText,
    processorRef: Ref.optional().describe("Entry in the directory of processors and recipients"),
    purpose: I18nText.optional(),
    dataCategories: z.array(Ref).default([]),
    country: CountryCode.optional(),
    /** The party keeps no copy (e.g. an AI model called in memory). It still receives data. */
    noRetention: z.boolean().optional(),
    note: I18nText.optional(),
  })
  .strict();
export type Recipient = z.infer<typeof Recipient>;

export const Transfer = z
  .object({
    recipient: z.string().trim().min(1),
    processorRef: Ref.optional(),
    country: CountryCode.optional(),
    internationalOrganisation: z.string().trim().min(1).optional(),
    mechanism: z.enum(TRANSFER_MECHANISM_CODES).optional(),
    sccModule: z
      .enum(["1", "2", "3", "4"])
      .optional()
      .describe("Decision 2021/914: 1 C→C, 2 C→P, 3 P→P, 4 P→C"),
    derogation: z.enum(DEROGATION_CODES).optional(),
    documentationUrl: Url.optional(),
    dataCategories: z.array(Ref).default([]),
    description: I18nText.optional(),
  })
  .strict();
export type Transfer = z.infer<typeof Transfer>;

export const SecurityMeasure = z
  .object({
    category: z.enum(SECURITY_MEASURE_CODES),
    description: I18nText,
  })
  .strict();

export const AutomatedDecision = z
  .object({
    automatedDecisionMaking: z.boolean().default(false),
    profiling: z.boolean().default(false),
    legalOrSimilarEffect: z.boolean().optional(),
    description: I18nText.optional(),
    /** Art. 22(2): contract, law, or explicit consent. */
    exception: z.enum(["22.2.a", "22.2.b", "22.2.c"]).optional(),
    safeguards: I18nText.optional(),
  })
  .strict();

export const Dpia = z
  .object({
    criteria: z.array(z.enum(EDPB_CRITERION_CODES)).default([]),
    /** One of the CNIL's listed processing types that always need a DPIA (délibération 2018-327). */
    cnilListedType: z.string().trim().min(1).optional(),
    status: z.enum(DPIA_STATUS_CODES).default("not_screened"),
    screenedOn: IsoDate.optional(),
    completedOn: IsoDate.optional(),
    reference: z.string().trim().min(1).optional(),
    conclusion: I18nText.optional(),
  })
  .strict();

/** A processing activity of the controller register (Art. 30(1)). */
export const Activity = z
  .object({
    ref: Ref,
    name: I18nText,
    description: I18nText.optional(),
    status: z.enum(ACTIVITY_STATUS_CODES).default("draft"),
    createdOn: IsoDate.optional(),
    updatedOn: IsoDate.optional(),
    software: z.array(z.string().trim().min(1)).default([]),
    jointControllers: z.array(z.string().trim().min(1)).default([]),
    purposes: z.array(Purpose).default([]),
    dataSubjects: z.array(DataSubject).default([]),
    dataCategories: z.array(DataCategory).default([]),
    sensitiveData: SensitiveData.default({ items: [] }),
    retention: z
      .object({
        /** The longest period the activity announces ("24 mois maximum"); no category may exceed it. */
        maximum: IsoDuration.optional(),
        rules: z.array(RetentionRule).default([]),
      })
      .strict()
      .default({ rules: [] }),
    recipients: z.array(Recipient).default([]),
    /** The register's own statement "no transfer to third parties"; unset when it makes none. */
    noThirdPartySharing: z.boolean().optional(),
    noTransferOutsideEea: z.boolean().optional(),
    transfers: z.array(Transfer).default([]),
    securityMeasures: z.array(SecurityMeasure).default([]),
    automatedDecision: AutomatedDecision.default({ automatedDecisionMaking: false, profiling: false }),
    dpia: Dpia.default({ criteria: [], status: "not_screened" }),
    /** Channels data subjects of this activity use, beyond the organisation's rights contact. */
    notes: I18nText.optional(),
    /**
     * Added for generated documents (optional): the wording of the short information notice shown where data is
     * collected (a form, an e-mail signature; Art. 13 first layer). `purpose` is the one-sentence purpose; when
     * unset the notice uses the main purpose. `doNotSend` says what people should not send; when unset the notice
     * says nothing of it rather than invent a restriction.
     */
    notice: z.object({ purpose: I18nText.optional(), doNotSend: I18nText.optional() }).strict().optional(),
  })
  .strict();
export type Activity = z.infer<typeof Activity>;
export type ActivityInput = z.input<typeof Activity>;
