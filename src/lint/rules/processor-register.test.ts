import { makeProcessorEntry } from "../testing/make-register.ts";
import { ruleCases } from "../testing/rule-cases.ts";

const asProcessor = { roles: ["controller" as const, "processor" as const] };

ruleCases([
  {
    code: "ART30P-CONTROLLER-CONTACT-MISSING",
    severity: "error",
    name: "an entry whose controller has no contact channel",
    bad: {
      organisation: asProcessor,
      processorRegister: [
        makeProcessorEntry({ controller: { name: "Client A", contact: { name: "Jane" } } }),
      ],
    },
    paths: ["processorRegister[0].controller.contact"],
    good: { organisation: asProcessor, processorRegister: [makeProcessorEntry()] },
  },
  {
    code: "ART30P-CATEGORIES-MISSING",
    severity: "error",
    name: "an entry without categories of processing",
    bad: { organisation: asProcessor, processorRegister: [makeProcessorEntry({ processingCategories: [] })] },
    paths: ["processorRegister[0].processingCategories"],
    good: { organisation: asProcessor, processorRegister: [makeProcessorEntry()] },
  },
  {
    code: "ART30P-SECURITY-MISSING",
    severity: "error",
    name: "an entry without security measures",
    bad: { organisation: asProcessor, processorRegister: [makeProcessorEntry({ securityMeasures: [] })] },
    paths: ["processorRegister[0].securityMeasures"],
    good: { organisation: asProcessor, processorRegister: [makeProcessorEntry()] },
  },
  {
    code: "ART30P-CONTRACT-MISSING",
    severity: "error",
    name: "an entry with an unsigned contract",
    bad: {
      organisation: asProcessor,
      processorRegister: [makeProcessorEntry({ contract: { signed: false } })],
    },
    paths: ["processorRegister[0].contract"],
    good: { organisation: asProcessor, processorRegister: [makeProcessorEntry()] },
  },
  {
    code: "ART30P-RIGHTS-CHANNEL-MISSING",
    severity: "info",
    name: "an entry that does not say how rights requests reach the controller",
    bad: {
      organisation: asProcessor,
      processorRegister: [makeProcessorEntry({ rightsRequests: undefined })],
    },
    paths: ["processorRegister[0].rightsRequests"],
    good: { organisation: asProcessor, processorRegister: [makeProcessorEntry()] },
  },
  {
    code: "ART30P-REGISTER-MISSING",
    severity: "error",
    name: "a processor with no live entry",
    bad: { organisation: asProcessor, processorRegister: [makeProcessorEntry({ status: "archived" })] },
    paths: ["processorRegister"],
    good: { organisation: asProcessor, processorRegister: [makeProcessorEntry()] },
  },
  {
    code: "ART30P-ROLE-UNDECLARED",
    severity: "warning",
    name: "entries kept by an organisation that does not declare the processor role",
    bad: { processorRegister: [makeProcessorEntry(), makeProcessorEntry({ ref: "client-b" })] },
    paths: ["organisation.roles"],
    good: { organisation: asProcessor, processorRegister: [makeProcessorEntry()] },
  },
]);
