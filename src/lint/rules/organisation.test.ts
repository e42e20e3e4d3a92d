import { makeActivity } from "../testing/make-register.ts";
import { ruleCases } from "../testing/rule-cases.ts";

ruleCases([
  {
    code: "ORG-SIREN-MISSING",
    severity: "info",
    name: "a French organisation without SIREN or SIRET",
    bad: { organisation: { siren: undefined } },
    paths: ["organisation.siren"],
    good: { organisation: { siren: undefined, country: "BE" } },
  },
  {
    code: "ORG-DPO-NOT-DESIGNATED",
    severity: "info",
    name: "a privacy contact that is not a designated DPO",
    bad: { organisation: { dpo: { kind: "internal", designated: false, email: "privacy@example.org" } } },
    paths: ["organisation.dpo"],
  },
  {
    code: "ORG-DPO-CONTACT-MISSING",
    severity: "warning",
    name: "a designated DPO nobody can reach",
    bad: { organisation: { dpo: { kind: "external", organisation: "Cabinet" } } },
    paths: ["organisation.dpo"],
  },
  {
    code: "ORG-REPRESENTATIVE-MISSING",
    severity: "warning",
    name: "an organisation outside the EEA without an EU representative",
    bad: { organisation: { country: "US", siren: undefined } },
    paths: ["organisation.representative"],
    good: {
      organisation: { country: "US", siren: undefined, representative: { email: "eu-rep@example.org" } },
    },
  },
  {
    code: "ORG-JOINT-ARRANGEMENT-MISSING",
    severity: "warning",
    name: "a joint controller without an arrangement",
    bad: {
      organisation: { jointControllers: [{ name: "Partenaire SA" }] },
      activities: [makeActivity({ jointControllers: ["Partenaire SA", "Inconnu SARL"] })],
    },
    paths: ["activities[0].jointControllers[0]", "activities[0].jointControllers[1]"],
    good: {
      organisation: {
        jointControllers: [{ name: "Partenaire SA", arrangementUrl: "https://example.org/accord" }],
      },
      activities: [makeActivity({ jointControllers: ["partenaire sa"] })],
    },
  },
]);
