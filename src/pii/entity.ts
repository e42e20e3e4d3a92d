/** The entity types Gardien detects. The names are fixed: they appear in tokens (`<PERSON_1>`) and in APIs. */
export const ENTITY_TYPES = [
  "EMAIL",
  "PHONE",
  "IBAN",
  "CREDIT_CARD",
  "IP_ADDRESS",
  "FR_NIR",
  "FR_SIREN",
  "FR_SIRET",
  "PERSON",
  "POSTAL_ADDRESS",
  "DATE_OF_BIRTH",
] as const;

export type EntityType = (typeof ENTITY_TYPES)[number];

/** One detected value: offsets are JavaScript string indices (UTF-16 code units), end exclusive. */
export type Entity = { type: EntityType; start: number; end: number; score: number };

export type DetectLang = "fr" | "en" | "auto";

export type DetectOptions = { lang?: DetectLang };
