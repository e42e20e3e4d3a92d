import type { Localized } from "../errors/app-error.ts";
import type { EntityType } from "../pii/index.ts";
import type { DataCategoryCode } from "../register/model/vocabulary.ts";

/**
 * The register's data category (the CNIL "modèle de registre" list, vocabulary.ts) of each type the
 * gateway finds. The CNIL list has no separate "contact details": its "état civil, identité, données
 * d'identification" covers name, e-mail, telephone and postal address. A SIREN or SIRET identifies a
 * person only as a sole trader, which is professional life.
 */
export const ENTITY_CATEGORIES: Readonly<Record<EntityType, DataCategoryCode>> = {
  PERSON: "identity",
  DATE_OF_BIRTH: "identity",
  EMAIL: "identity",
  PHONE: "identity",
  POSTAL_ADDRESS: "identity",
  IBAN: "economic_financial",
  CREDIT_CARD: "economic_financial",
  FR_NIR: "nir",
  IP_ADDRESS: "connection",
  FR_SIREN: "professional_life",
  FR_SIRET: "professional_life",
};

/** How the register describes each type, in both of its languages. */
export const ENTITY_LABELS: Readonly<Record<EntityType, Localized>> = {
  PERSON: { fr: "nom et prénom", en: "name" },
  DATE_OF_BIRTH: { fr: "date de naissance", en: "date of birth" },
  EMAIL: { fr: "adresse e-mail", en: "e-mail address" },
  PHONE: { fr: "numéro de téléphone", en: "telephone number" },
  POSTAL_ADDRESS: { fr: "adresse postale", en: "postal address" },
  IBAN: { fr: "IBAN", en: "IBAN" },
  CREDIT_CARD: { fr: "numéro de carte bancaire", en: "payment card number" },
  FR_NIR: { fr: "numéro de sécurité sociale (NIR)", en: "French social security number (NIR)" },
  IP_ADDRESS: { fr: "adresse IP", en: "IP address" },
  FR_SIREN: { fr: "numéro SIREN", en: "SIREN number" },
  FR_SIRET: { fr: "numéro SIRET", en: "SIRET number" },
};

/** Groups entity types by the data category they belong to, in the vocabulary's order of types given. */
export function categoriesOf(types: readonly EntityType[]): Map<DataCategoryCode, EntityType[]> {
  const out = new Map<DataCategoryCode, EntityType[]>();
  for (const type of types) {
    const code = ENTITY_CATEGORIES[type];
    const list = out.get(code) ?? [];
    list.push(type);
    out.set(code, list);
  }
  return out;
}
