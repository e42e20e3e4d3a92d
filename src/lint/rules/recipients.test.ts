import type { RecipientInput } from "../testing/make-register.ts";
import { makeProcessor, makeProcessorEntry } from "../testing/make-register.ts";
import { ruleCases } from "../testing/rule-cases.ts";

const internal: RecipientInput = { kind: "internal", name: { fr: "Équipe support", en: "Support team" } };
const aiPartner: RecipientInput = {
  kind: "partner",
  name: { fr: "Modèle d'IA partenaire", en: "AI model partner" },
  purpose: { fr: "Générer les réponses", en: "Generate answers" },
  noRetention: true,
};
const hosting: RecipientInput = {
  kind: "processor",
  name: { fr: "Hébergeur", en: "Host" },
  processorRef: "hoster",
};

ruleCases([
  {
    code: "PARTY-CONTRADICTS-NO-SHARING",
    severity: "error",
    name: "a partner receiving data under 'no transfer to third parties'",
    bad: { activity: { noThirdPartySharing: true, recipients: [internal, aiPartner] } },
    paths: ["activities[0].recipients[1]"],
    // Art. 4(10): a declared processor is not a third party.
    good: {
      activity: { noThirdPartySharing: true, recipients: [internal, hosting] },
      processors: [makeProcessor()],
    },
  },
  {
    code: "PARTY-PROCESSOR-UNDECLARED",
    severity: "error",
    name: "parties working for the controller and a processor outside the directory",
    bad: {
      activity: {
        recipients: [
          internal,
          aiPartner,
          { kind: "processor", name: { fr: "Routeur e-mail", en: "Mailer" } },
          {
            kind: "other",
            name: { fr: "Traduction automatique", en: "Machine translation" },
            noRetention: true,
          },
        ],
      },
    },
    paths: [
      "activities[0].recipients[1].processorRef",
      "activities[0].recipients[2].processorRef",
      "activities[0].recipients[3].processorRef",
    ],
    // A partner with no purpose of ours, and people who receive data for their own use, are not processors.
    good: {
      activity: {
        recipients: [
          internal,
          hosting,
          { kind: "partner", name: { fr: "Distributeur", en: "Reseller" } },
          {
            kind: "other",
            name: { fr: "Participants au rendez-vous", en: "Meeting participants" },
            purpose: { fr: "Organiser le rendez-vous", en: "Arrange the meeting" },
          },
        ],
      },
      processors: [makeProcessor()],
    },
  },
  {
    code: "PARTY-REF-UNKNOWN",
    severity: "error",
    name: "refs to processors the directory does not hold",
    bad: {
      organisation: { roles: ["controller", "processor"] },
      activity: {
        noTransferOutsideEea: undefined,
        recipients: [internal, { ...hosting, processorRef: "ghost" }],
        transfers: [
          {
            recipient: "Ghost Inc",
            processorRef: "ghost-us",
            country: "US",
            mechanism: "scc",
            sccModule: "2",
          },
        ],
      },
      processorRegister: [makeProcessorEntry({ subProcessors: ["phantom"] })],
    },
    paths: [
      "activities[0].recipients[1].processorRef",
      "activities[0].transfers[0].processorRef",
      "processorRegister[0].subProcessors[0]",
    ],
    good: { activity: { recipients: [internal, hosting] }, processors: [makeProcessor()] },
  },
]);
