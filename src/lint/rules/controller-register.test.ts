import assert from "node:assert/strict";
import { test } from "node:test";
import { collectFindings } from "../collect-findings.ts";
import { makeActivity, makeRegister, TODAY } from "../testing/make-register.ts";
import { ruleCases } from "../testing/rule-cases.ts";

const purpose = (main: boolean, fr: string) => ({
  main,
  description: { fr, en: fr },
  legalBasis: { code: "6.1.b" as const },
});

ruleCases([
  {
    code: "ART30-NAME-MISSING",
    severity: "error",
    name: "an activity with no name in either language",
    bad: () => {
      const register = makeRegister();
      (register.activities[0] as { name: unknown }).name = {};
      return register;
    },
    paths: ["activities[0].name"],
  },
  {
    code: "ART30-PURPOSE-MISSING",
    severity: "error",
    name: "an activity without purposes",
    bad: { activity: { purposes: [] } },
    paths: ["activities[0].purposes"],
  },
  {
    code: "ART30-PURPOSE-MAIN-MISSING",
    severity: "warning",
    name: "several purposes and none main",
    bad: { activity: { purposes: [purpose(false, "A"), purpose(false, "B")] } },
    paths: ["activities[0].purposes"],
    good: { activity: { purposes: [purpose(false, "A")] } },
  },
  {
    code: "ART30-PURPOSE-MAIN-MULTIPLE",
    severity: "warning",
    name: "every main purpose after the first",
    bad: { activity: { purposes: [purpose(true, "A"), purpose(true, "B"), purpose(true, "C")] } },
    paths: ["activities[0].purposes[1].main", "activities[0].purposes[2].main"],
    good: { activity: { purposes: [purpose(true, "A"), purpose(false, "B")] } },
  },
  {
    code: "ART30-SUBJECTS-MISSING",
    severity: "error",
    name: "an activity without data subjects",
    bad: { activity: { dataSubjects: [] } },
    paths: ["activities[0].dataSubjects"],
  },
  {
    code: "ART30-DATA-MISSING",
    severity: "error",
    name: "an activity without data categories",
    bad: { activity: { dataCategories: [] } },
    paths: ["activities[0].dataCategories"],
  },
  {
    code: "ART30-RECIPIENTS-MISSING",
    severity: "error",
    name: "an activity without recipients",
    bad: { activity: { recipients: [] } },
    paths: ["activities[0].recipients"],
  },
  {
    code: "ART30-RETENTION-MISSING",
    severity: "error",
    name: "an activity without retention rules",
    bad: { activity: { retention: { rules: [] } } },
    paths: ["activities[0].retention.rules"],
  },
  {
    code: "ART30-SECURITY-MISSING",
    severity: "error",
    name: "an activity without security measures",
    bad: { activity: { securityMeasures: [] } },
    paths: ["activities[0].securityMeasures"],
  },
  {
    code: "ART30-CONTROLLER-CONTACT-MISSING",
    severity: "error",
    name: "an organisation nobody can reach",
    bad: {
      organisation: { email: undefined, address: undefined, rightsContact: { name: "Service juridique" } },
    },
    paths: ["organisation"],
    good: {
      organisation: {
        email: undefined,
        address: undefined,
        rightsContact: undefined,
        phone: "+33 1 23 45 67 89",
      },
    },
  },
  {
    code: "ART30-RIGHTS-CONTACT-MISSING",
    severity: "warning",
    name: "no rights contact and no reachable DPO",
    bad: { organisation: { rightsContact: undefined, dpo: { kind: "external", name: "Cabinet" } } },
    paths: ["organisation.rightsContact"],
    good: { organisation: { rightsContact: undefined } },
  },
]);

test("archived activities are history and are not linted", () => {
  const register = makeRegister({ activity: { status: "archived", purposes: [], dataSubjects: [] } });
  assert.deepEqual(collectFindings(register, { today: TODAY }), []);
});

test("every Art. 30(1) gap of one activity is reported at once", () => {
  const register = makeRegister({
    activities: [
      makeActivity({
        purposes: [],
        dataSubjects: [],
        dataCategories: [],
        recipients: [],
        securityMeasures: [],
      }),
    ],
  });
  const codes = collectFindings(register, { today: TODAY }).map((f) => f.code);
  for (const code of [
    "ART30-PURPOSE-MISSING",
    "ART30-SUBJECTS-MISSING",
    "ART30-DATA-MISSING",
    "ART30-RECIPIENTS-MISSING",
    "ART30-SECURITY-MISSING",
  ]) {
    assert.ok(codes.includes(code), code);
  }
});
