import type { LegalBasis } from "../../register/model/index.ts";
import { ruleCases } from "../testing/rule-cases.ts";

const withBasis = (legalBasis?: LegalBasis) => ({
  activity: { purposes: [{ main: true, description: { fr: "Prospection", en: "Marketing" }, legalBasis }] },
});
const text = { fr: "texte", en: "text" };

ruleCases([
  {
    code: "BASIS-MISSING",
    severity: "error",
    name: "a purpose without a legal basis",
    bad: withBasis(undefined),
    paths: ["activities[0].purposes[0].legalBasis"],
  },
  {
    code: "BASIS-CONSENT-COLLECTION-MISSING",
    severity: "warning",
    name: "consent with no collection described",
    bad: withBasis({ code: "6.1.a", consent: { withdrawal: text } }),
    paths: ["activities[0].purposes[0].legalBasis.consent.collection"],
    good: withBasis({ code: "6.1.a", consent: { collection: text, withdrawal: text } }),
  },
  {
    code: "BASIS-CONSENT-WITHDRAWAL-MISSING",
    severity: "warning",
    name: "consent with no withdrawal path",
    bad: withBasis({ code: "6.1.a" }),
    paths: ["activities[0].purposes[0].legalBasis.consent.withdrawal"],
    good: withBasis({ code: "6.1.a", consent: { collection: text, withdrawal: text } }),
  },
  {
    code: "BASIS-LEGITIMATE-INTEREST-MISSING",
    severity: "error",
    name: "legitimate interests with no interest stated",
    bad: withBasis({ code: "6.1.f", justification: text }),
    paths: ["activities[0].purposes[0].legalBasis.legitimateInterest"],
    good: withBasis({ code: "6.1.f", legitimateInterest: text }),
  },
  {
    code: "BASIS-LEGAL-REFERENCE-MISSING",
    severity: "warning",
    name: "a legal obligation without its text",
    bad: withBasis({ code: "6.1.c" }),
    paths: ["activities[0].purposes[0].legalBasis.legalReference"],
    good: withBasis({ code: "6.1.c", legalReference: "Code de commerce, art. L123-22" }),
  },
]);
