import { makeActivity, makeProcessorEntry } from "../testing/make-register.ts";
import { ruleCases } from "../testing/rule-cases.ts";

ruleCases([
  {
    code: "META-UPDATED-MISSING",
    severity: "warning",
    name: "records without a last-update date",
    bad: {
      organisation: { roles: ["controller", "processor"] },
      activity: { updatedOn: undefined },
      processorRegister: [makeProcessorEntry({ updatedOn: undefined })],
    },
    paths: ["activities[0].updatedOn", "processorRegister[0].updatedOn"],
  },
  {
    code: "META-CREATED-MISSING",
    severity: "info",
    name: "an activity without a creation date",
    bad: { activity: { createdOn: undefined } },
    paths: ["activities[0].createdOn"],
  },
  {
    code: "META-DATES-INCONSISTENT",
    severity: "error",
    name: "an update before the creation",
    bad: { activity: { createdOn: "2025-06-01", updatedOn: "2025-05-31" } },
    paths: ["activities[0].updatedOn"],
    good: { activity: { createdOn: "2025-06-01", updatedOn: "2025-06-01" } },
  },
  {
    code: "META-DATE-FUTURE",
    severity: "warning",
    name: "dates after today",
    bad: { activity: { createdOn: "2026-01-16", updatedOn: "2026-02-01" } },
    paths: ["activities[0].createdOn", "activities[0].updatedOn"],
    good: { activity: { createdOn: "2026-01-15", updatedOn: "2026-01-15" } },
  },
  {
    code: "META-REVIEW-OVERDUE",
    severity: "info",
    name: "a record not updated for more than a year",
    bad: { activity: { createdOn: "2018-12-08", updatedOn: "2025-01-14" } },
    paths: ["activities[0].updatedOn"],
    good: { activity: { createdOn: "2018-12-08", updatedOn: "2025-01-15" } },
  },
  {
    code: "META-ACTIVITY-DUPLICATE",
    severity: "warning",
    name: "the same name, and the same content under another name",
    bad: {
      activities: [
        makeActivity(),
        makeActivity({ ref: "customers-2", name: { fr: "GESTION des clïents", en: "Clients" } }),
        makeActivity({ ref: "customers-3", name: { fr: "Relation client", en: "Customer relations" } }),
      ],
    },
    paths: ["activities[1]", "activities[2]"],
    good: {
      activities: [
        makeActivity(),
        makeActivity({
          ref: "prospects",
          name: { fr: "Prospection", en: "Prospecting" },
          dataSubjects: [{ category: "prospects" }],
        }),
      ],
    },
  },
  {
    code: "I18N-TRANSLATION-MISSING",
    severity: "info",
    name: "one finding per activity however many texts lack a language",
    bad: {
      activity: {
        name: { fr: "Gestion des clients" },
        recipients: [{ kind: "internal", name: { en: "Customer service" } }],
        securityMeasures: [{ category: "processor_control", description: { fr: "Audit annuel" } }],
      },
    },
    paths: ["activities[0]"],
  },
]);
