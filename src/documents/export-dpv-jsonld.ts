import type { Activity } from "../register/model/activity.schema.ts";
import type { I18nText } from "../register/model/common.schema.ts";
import type { RegisterFile } from "../register/model/register-file.schema.ts";
import {
  DATA_CATEGORIES,
  DATA_SUBJECT_CATEGORIES,
  LEGAL_BASES,
  type SECURITY_MEASURE_CATEGORIES,
  SENSITIVE_CATEGORIES,
} from "../register/model/vocabulary.ts";
import { unique } from "./document-text.ts";
import { formatRetentionPeriod } from "./format-duration.ts";
import { formatAddress } from "./format-identity.ts";

type Node = Record<string, unknown>;

/** DPV ships no JSON-LD context (gdpr-reference §8): the prefixes are declared here. */
export const DPV_CONTEXT = {
  dpv: "https://w3id.org/dpv#",
  pd: "https://w3id.org/dpv/pd#",
  "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
  loc: "https://w3id.org/dpv/loc#",
  dct: "http://purl.org/dc/terms/",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  skos: "http://www.w3.org/2004/02/skos/core#",
} as const;

// Only concepts DPV defines are used; a code with no DPV counterpart stays a plain dpv:DataSubject,
// dpv:PersonalData or dpv:TechnicalOrganisationalMeasure with its label.
const SUBJECT_TYPES: Partial<Record<keyof typeof DATA_SUBJECT_CATEGORIES, string>> = {
  employees: "dpv:Employee",
  customers: "dpv:Customer",
  candidates: "dpv:JobApplicant",
  website_visitors: "dpv:Visitor",
  chatbot_users: "dpv:User",
};
const PD_CATEGORIES: Partial<Record<keyof typeof DATA_CATEGORIES, string>> = {
  identity: "pd:Identifying",
  professional_life: "pd:Professional",
  economic_financial: "pd:Financial",
  location: "pd:Location",
  internet: "pd:BrowsingBehavior",
};
const MEASURE_TYPES: Partial<Record<keyof typeof SECURITY_MEASURE_CATEGORIES, string>> = {
  access_control: "dpv:AccessControlMethod",
  backup: "dpv:DataBackupProtocols",
  encryption: "dpv:Encryption",
};
const RECIPIENT_TYPES: Record<Activity["recipients"][number]["kind"], string> = {
  internal: "dpv:Recipient",
  processor: "dpv:DataProcessor",
  third_country: "dpv:Recipient",
  partner: "dpv:ThirdParty",
  authority: "dpv:Authority",
  other: "dpv:Recipient",
};

/** Both languages of a register text as language-tagged literals. */
function texts(text: I18nText | undefined): Node[] {
  if (!text) return [];
  const out: Node[] = [];
  if (text.fr) out.push({ "@value": text.fr, "@language": "fr" });
  if (text.en) out.push({ "@value": text.en, "@language": "en" });
  return out;
}

function processNode(register: RegisterFile, activity: Activity, base: string): Node {
  const processorIri = (ref: string) => `${base}:processor:${ref}`;
  const personalData: Node[] = activity.dataCategories.map((dc) => {
    const broader = PD_CATEGORIES[dc.category];
    return {
      "@type": "dpv:PersonalData",
      "rdfs:label": dc.label ? texts(dc.label) : texts(DATA_CATEGORIES[dc.category]),
      ...(dc.description ? { "dct:description": texts(dc.description) } : {}),
      ...(broader ? { "skos:broader": { "@id": broader } } : {}),
    };
  });
  for (const s of activity.sensitiveData.items) {
    personalData.push({
      "@type": "dpv:SpecialCategoryPersonalData",
      "rdfs:label": texts(SENSITIVE_CATEGORIES[s.category]),
    });
  }
  const processorRefs = unique(
    [
      ...activity.recipients.map((r) => r.processorRef),
      ...activity.transfers.map((x) => x.processorRef),
    ].filter((ref): ref is string => ref !== undefined && register.processors.some((p) => p.ref === ref)),
  );
  const storage = activity.retention.rules.flatMap((rule) => {
    if (!rule.duration) return []; // no measurable period: nothing to state, and nothing is made up
    const period = {
      fr: formatRetentionPeriod(rule, "fr") ?? rule.duration,
      en: formatRetentionPeriod(rule, "en") ?? rule.duration,
    };
    return [
      { "@type": "dpv:StorageDuration", "dpv:hasDuration": rule.duration, "dct:description": texts(period) },
    ];
  });
  const countries = unique(activity.transfers.flatMap((x) => (x.country ? [x.country] : [])));
  const measures: Node[] = activity.securityMeasures.map((m) => ({
    "@type": MEASURE_TYPES[m.category] ?? "dpv:TechnicalOrganisationalMeasure",
    "dct:description": texts(m.description),
  }));
  for (const mechanism of unique(activity.transfers.flatMap((x) => (x.mechanism ? [x.mechanism] : [])))) {
    if (mechanism === "scc") measures.push({ "@type": "dpv:StandardContractualClauses" });
    if (mechanism === "bcr") measures.push({ "@type": "dpv:BindingCorporateRules" });
  }
  const ad = activity.automatedDecision;
  return {
    "@id": `${base}:activity:${activity.ref}`,
    "@type": "dpv:Process",
    "dct:identifier": activity.ref,
    "dct:title": texts(activity.name),
    "dpv:hasDataController": { "@id": base },
    "dpv:hasPurpose": activity.purposes.map((p) => ({
      "@type": "dpv:Purpose",
      "dct:description": texts(p.description),
    })),
    "dpv:hasLegalBasis": unique(
      activity.purposes.flatMap((p) => (p.legalBasis ? [LEGAL_BASES[p.legalBasis.code].dpv] : [])),
    ).map((id) => ({ "@id": id })),
    "dpv:hasDataSubject": activity.dataSubjects.map((ds) => ({
      "@type": SUBJECT_TYPES[ds.category] ?? "dpv:DataSubject",
      "rdfs:label": ds.label ? texts(ds.label) : texts(DATA_SUBJECT_CATEGORIES[ds.category]),
    })),
    "dpv:hasPersonalData": personalData,
    "dpv:hasRecipient": activity.recipients.map((r) =>
      r.processorRef && processorRefs.includes(r.processorRef)
        ? { "@id": processorIri(r.processorRef) }
        : { "@type": RECIPIENT_TYPES[r.kind], "dpv:hasName": texts(r.name) },
    ),
    "dpv:hasDataProcessor": processorRefs.map((ref) => ({ "@id": processorIri(ref) })),
    "dpv:hasStorageCondition": storage,
    "dpv:hasThirdCountry": countries.map((c) => ({ "@id": `loc:${c}` })),
    "dpv:hasTechnicalOrganisationalMeasure": measures,
    ...(ad.automatedDecisionMaking || ad.profiling
      ? {
          "dpv:hasContext": [
            ...(ad.automatedDecisionMaking ? [{ "@id": "dpv:AutomatedDecisionMaking" }] : []),
            ...(ad.profiling ? [{ "@id": "dpv:Profiling" }] : []),
          ],
        }
      : {}),
  };
}

/**
 * The register as W3C DPV JSON-LD (gdpr-reference §8): the controller, the processors the activities use, and
 * one dpv:Process per active activity with its purposes, Art. 6 legal bases (eu-gdpr:A6-1-x), data subjects,
 * personal data, recipients, processors, storage durations ("P24M"), third countries and measures. Repeated
 * properties are always arrays; free text carries both languages. Identifiers are `urn:gardien:` IRIs.
 *
 * @example exportDpvJsonLd(register)["@graph"] // [controller, ...processors, ...processes]
 */
export function exportDpvJsonLd(register: RegisterFile): {
  "@context": typeof DPV_CONTEXT;
  "@graph": Node[];
} {
  const org = register.organisation;
  const base = `urn:gardien:${org.slug}`;
  const controller: Node = {
    "@id": base,
    "@type": "dpv:DataController",
    "dpv:hasName": org.legalName,
    ...(org.siren ? { "dct:identifier": `SIREN ${org.siren}` } : {}),
  };
  const address = formatAddress(org.address, "en");
  if (address) controller["dpv:hasAddress"] = address;
  if (org.dpo) {
    const contact = [org.dpo.email ? `mailto:${org.dpo.email}` : undefined, org.dpo.phone].filter(Boolean);
    controller["dpv:hasDataProtectionOfficer"] = {
      "@type": "dpv:DataProtectionOfficer",
      ...(org.dpo.name ? { "dpv:hasName": org.dpo.name } : {}),
      "dpv:hasContact": contact,
    };
  }
  const active = register.activities.filter((a) => a.status === "active");
  const used = new Set(active.flatMap((a) => [...a.recipients, ...a.transfers].map((x) => x.processorRef)));
  const processors: Node[] = register.processors
    .filter((p) => used.has(p.ref))
    .map((p) => ({
      "@id": `${base}:processor:${p.ref}`,
      "@type": "dpv:DataProcessor",
      "dpv:hasName": p.name,
      ...(p.country ? { "dpv:hasCountry": { "@id": `loc:${p.country}` } } : {}),
    }));
  return {
    "@context": DPV_CONTEXT,
    "@graph": [controller, ...processors, ...active.map((a) => processNode(register, a, base))],
  };
}
