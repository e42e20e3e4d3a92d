import { sampleActivity } from "../../testing/fixtures.ts";

/** A person's e-mail address planted in invalid bodies: no error response may echo it. */
export const EMAIL = "jean.dupont@example.com";

export type KindSpec = {
  segment: string;
  valid: (ref: string) => Record<string, unknown>;
  /** A body with exactly one invalid field (and some personal data), and that field's path and rule. */
  invalid: (ref: string) => Record<string, unknown>;
  invalidPath: string;
  invalidRule: string;
  /** A valid change and the diff path it shows in history. */
  change: (doc: Record<string, unknown>) => Record<string, unknown>;
  changedPath: string;
};

export const DOCUMENT_KIND_SPECS: Record<string, KindSpec> = {
  activities: {
    segment: "activities",
    valid: (ref) => ({ ...sampleActivity(ref), notes: { fr: `Contact : ${EMAIL}` } }),
    invalid: (ref) => {
      const doc = sampleActivity(ref, { notes: { fr: `Contact : ${EMAIL}` } });
      return { ...doc, purposes: [{ description: { fr: "Gérer" }, legalBasis: { code: "6.1.z" } }] };
    },
    invalidPath: "purposes[0].legalBasis.code",
    invalidRule: "invalid_value",
    change: (doc) => ({
      ...doc,
      purposes: [{ main: true, description: { fr: "Gérer" }, legalBasis: { code: "6.1.f" } }],
    }),
    changedPath: "purposes[0].legalBasis.code",
  },
  processors: {
    segment: "processors",
    valid: (ref) => ({ ref, name: "Hébergeur SAS", country: "FR", contact: { email: EMAIL } }),
    invalid: (ref) => ({ ref, name: "Hébergeur SAS", country: "France", contact: { email: EMAIL } }),
    invalidPath: "country",
    invalidRule: "invalid_format",
    change: (doc) => ({ ...doc, country: "IE" }),
    changedPath: "country",
  },
  "processor-register": {
    segment: "processor-register",
    valid: (ref) => ({
      ref,
      controller: { name: "Client SA", contact: { email: EMAIL } },
      processingCategories: [{ description: { fr: "Hébergement" }, dataCategories: ["identity"] }],
    }),
    invalid: (ref) => ({
      ref,
      controller: { name: "Client SA", contact: { email: EMAIL } },
      processingCategories: [{ description: { fr: "Hébergement" }, dataCategories: ["bogus"] }],
    }),
    invalidPath: "processingCategories[0].dataCategories[0]",
    invalidRule: "invalid_value",
    change: (doc) => ({ ...doc, controller: { ...(doc.controller as object), name: "Client SAS" } }),
    changedPath: "controller.name",
  },
};
