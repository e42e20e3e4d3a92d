/**
 * Fixtures for the linter's tests: a complete register that yields no finding, and overrides that break
 * one thing at a time.
 */
import {
  type ActivityInput,
  type OrganisationInput,
  type ProcessorEntryInput,
  type ProcessorInput,
  RegisterFile,
} from "../../register/model/index.ts";
import { collectFindings } from "../collect-findings.ts";
import type { LocalizedFinding } from "../lint-types.ts";

export const TODAY = "2026-01-15";

export function makeOrganisation(overrides: Partial<OrganisationInput> = {}): OrganisationInput {
  return {
    slug: "acme",
    legalName: "Acme SAS",
    siren: "732829320",
    country: "FR",
    email: "contact@example.org",
    address: { street: "1 rue de la Paix", postcode: "75002", city: "Paris", country: "FR" },
    rightsContact: { email: "privacy@example.org" },
    dpo: { kind: "internal", email: "dpo@example.org" },
    ...overrides,
  };
}

export function makeActivity(overrides: Partial<ActivityInput> = {}): ActivityInput {
  return {
    ref: "customers",
    name: { fr: "Gestion des clients", en: "Customer management" },
    status: "active",
    createdOn: "2025-06-01",
    updatedOn: "2025-12-01",
    purposes: [
      {
        main: true,
        description: { fr: "Exécuter les contrats", en: "Perform contracts" },
        legalBasis: { code: "6.1.b" },
      },
    ],
    dataSubjects: [{ category: "customers" }],
    dataCategories: [{ id: "identity", category: "identity" }],
    sensitiveData: { processed: false },
    retention: {
      maximum: "P5Y",
      rules: [{ duration: "P3Y", from: "end_of_contract", action: "delete" }],
    },
    recipients: [{ kind: "internal", name: { fr: "Service client", en: "Customer service" } }],
    noTransferOutsideEea: true,
    securityMeasures: [
      { category: "access_control", description: { fr: "Comptes nominatifs", en: "Named accounts" } },
      { category: "processor_control", description: { fr: "Audit annuel", en: "Yearly audit" } },
    ],
    dpia: { status: "not_required" },
    ...overrides,
  };
}

export function makeProcessor(overrides: Partial<ProcessorInput> = {}): ProcessorInput {
  return {
    ref: "hoster",
    name: "Hoster SA",
    kind: "processor",
    country: "FR",
    dpa: { signed: true, signedOn: "2025-01-10" },
    ...overrides,
  };
}

export function makeProcessorEntry(overrides: Partial<ProcessorEntryInput> = {}): ProcessorEntryInput {
  return {
    ref: "client-a",
    status: "active",
    createdOn: "2025-06-01",
    updatedOn: "2025-12-01",
    controller: { name: "Client A", contact: { email: "client-a@example.org" } },
    processingCategories: [
      { description: { fr: "Prise de rendez-vous", en: "Scheduling" }, dataCategories: ["identity"] },
    ],
    subProcessors: [],
    noTransferOutsideEea: true,
    securityMeasures: [{ category: "encryption", description: { fr: "TLS", en: "TLS" } }],
    contract: { signed: true },
    rightsRequests: { channel: "email", email: "support@example.org" },
    ...overrides,
  };
}

export type RegisterParts = {
  organisation?: Partial<OrganisationInput>;
  /** Overrides of the single default activity; ignored when `activities` is given. */
  activity?: Partial<ActivityInput>;
  activities?: ActivityInput[];
  processors?: ProcessorInput[];
  processorRegister?: ProcessorEntryInput[];
};

export function makeRegister(parts: RegisterParts = {}): RegisterFile {
  return RegisterFile.parse({
    gardien: 1,
    organisation: makeOrganisation(parts.organisation),
    processors: parts.processors ?? [],
    activities: parts.activities ?? [makeActivity(parts.activity)],
    processorRegister: parts.processorRegister ?? [],
  });
}

/** The findings of one rule, in both languages. */
export function findingsOf(register: RegisterFile, code: string): LocalizedFinding[] {
  return collectFindings(register, { today: TODAY }).filter((f) => f.code === code);
}

export type RecipientInput = NonNullable<ActivityInput["recipients"]>[number];
export type TransferInput = NonNullable<ActivityInput["transfers"]>[number];
