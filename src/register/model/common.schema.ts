import { z } from "zod";

/**
 * Free text of the register, in French and/or English. Documents come out in both languages,
 * so the model keeps both; the linter reports a missing translation.
 */
export const I18nText = z
  .object({
    fr: z.string().trim().min(1).optional(),
    en: z.string().trim().min(1).optional(),
  })
  .strict()
  .refine((t) => t.fr !== undefined || t.en !== undefined, {
    message: "needs a French (fr) or English (en) text",
  });
export type I18nText = z.infer<typeof I18nText>;

/** Calendar date, YYYY-MM-DD. */
export const IsoDate = z.iso.date();

/**
 * ISO 8601 duration with calendar parts only (P3Y, P24M, P13M, P30D, P0D): retention is measured in
 * years, months, weeks and days, never in open-ended prose.
 */
export const IsoDuration = z
  .string()
  .regex(/^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/, "must be an ISO 8601 duration such as P24M, P3Y or P30D");

/** ISO 3166-1 alpha-2 code, upper case (FR, US, GB...). */
export const CountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 country code such as FR");

export const Email = z.email();
export const Url = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
export const Phone = z
  .string()
  .regex(/^\+?[0-9 ().-]{6,24}$/, "must be a phone number such as +33 1 23 45 67 89");

/** Stable identifier inside an organisation: used in URLs, file paths and cross-references. */
export const Ref = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,79}$/,
    "must be 1-80 characters: lower-case letters, digits, '.', '_' or '-'",
  );

export const Slug = z
  .string()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/,
    "must be 1-64 lower-case letters, digits or inner hyphens",
  );

export const PostalAddress = z
  .object({
    street: z.string().trim().min(1).optional(),
    postcode: z.string().trim().min(1).optional(),
    city: z.string().trim().min(1).optional(),
    country: CountryCode.optional(),
  })
  .strict();
export type PostalAddress = z.infer<typeof PostalAddress>;

/** A way to reach someone: at least one channel. */
export const Contact = z
  .object({
    name: z.string().trim().min(1).optional(),
    organisation: z.string().trim().min(1).optional(),
    email: Email.optional(),
    phone: Phone.optional(),
    url: Url.optional(),
    address: PostalAddress.optional(),
    /** How to use this contact when no address says it all ("via the support chat", "by post only"). */
    instructions: I18nText.optional(),
  })
  .strict();
export type Contact = z.infer<typeof Contact>;
