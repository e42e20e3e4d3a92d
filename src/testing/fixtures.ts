import type { ActivityInput, OrganisationInput } from "../register/model/index.ts";

/** A small, valid organisation (its SIREN has a valid Luhn key). */
export function sampleOrganisation(slug = "acme"): OrganisationInput {
  return {
    slug,
    legalName: `${slug.toUpperCase()} SAS`,
    siren: "903747350",
    country: "FR",
    address: { street: "1 rue de la Paix", postcode: "75002", city: "Paris", country: "FR" },
    rightsContact: { email: "privacy@example.org" },
  };
}

export function sampleActivity(ref = "crm", overrides: Partial<ActivityInput> = {}): ActivityInput {
  return {
    ref,
    name: { fr: "Gestion des clients", en: "Customer management" },
    status: "active",
    purposes: [
      {
        main: true,
        description: { fr: "Gérer les contrats", en: "Manage contracts" },
        legalBasis: { code: "6.1.b" },
      },
    ],
    dataSubjects: [{ category: "customers" }],
    dataCategories: [
      { id: "identity", category: "identity", description: { fr: "Nom, prénom", en: "Name" } },
    ],
    retention: {
      rules: [{ dataCategories: ["identity"], duration: "P3Y", from: "end_of_contract", action: "delete" }],
    },
    recipients: [{ kind: "internal", name: { fr: "Service commercial", en: "Sales" } }],
    noTransferOutsideEea: true,
    securityMeasures: [
      { category: "access_control", description: { fr: "Comptes nominatifs", en: "Named accounts" } },
    ],
    ...overrides,
  };
}
