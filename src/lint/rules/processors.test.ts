import type { RecipientInput } from "../testing/make-register.ts";
import { makeProcessor, makeProcessorEntry } from "../testing/make-register.ts";
import { ruleCases } from "../testing/rule-cases.ts";

const internal: RecipientInput = { kind: "internal", name: { fr: "Équipe", en: "Team" } };
const hosting: RecipientInput = {
  kind: "processor",
  name: { fr: "Hébergeur", en: "Host" },
  processorRef: "hoster",
};
const auditor: RecipientInput = {
  kind: "authority",
  name: { fr: "Commissaire aux comptes", en: "Auditor" },
  processorRef: "auditor",
};

ruleCases([
  {
    code: "PROC-DPA-MISSING",
    severity: "error",
    name: "used processors without a signed agreement, once each",
    bad: {
      organisation: { roles: ["controller", "processor"] },
      activity: { recipients: [internal, hosting] },
      processors: [
        makeProcessor({ dpa: undefined }),
        makeProcessor({ ref: "mailer", dpa: { signed: false } }),
        makeProcessor({ ref: "unused", dpa: undefined }),
      ],
      processorRegister: [
        makeProcessorEntry({ subProcessors: ["hoster", "mailer"], noTransferOutsideEea: true }),
      ],
    },
    paths: ["processors[0].dpa", "processors[1].dpa"],
    // An auditor is a recipient in its own right: no Art. 28 contract.
    good: {
      activity: { recipients: [internal, auditor] },
      processors: [makeProcessor({ ref: "auditor", kind: "recipient", dpa: undefined })],
    },
  },
  {
    code: "PROC-ARCHIVED-REFERENCED",
    severity: "warning",
    name: "an archived processor still used",
    bad: {
      activity: { recipients: [internal, hosting] },
      processors: [makeProcessor({ status: "archived" })],
    },
    paths: ["activities[0].recipients[1].processorRef"],
    good: { activity: { recipients: [internal, hosting] }, processors: [makeProcessor()] },
  },
  {
    code: "SEC-PROCESSOR-CONTROL-MISSING",
    severity: "warning",
    name: "an active activity and a processor entry with sub-processors but no processor control",
    bad: {
      organisation: { roles: ["controller", "processor"] },
      activity: {
        securityMeasures: [{ category: "access_control", description: { fr: "Sessions", en: "Sessions" } }],
      },
      processors: [makeProcessor()],
      processorRegister: [makeProcessorEntry({ subProcessors: ["hoster"] })],
    },
    paths: ["activities[0].securityMeasures", "processorRegister[0].securityMeasures"],
    good: {
      activity: {
        status: "draft",
        securityMeasures: [{ category: "access_control", description: { fr: "Sessions", en: "Sessions" } }],
      },
    },
  },
]);
