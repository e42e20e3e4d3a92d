import { ruleCases } from "../testing/rule-cases.ts";

const adm = { automatedDecisionMaking: true, profiling: false };

ruleCases([
  {
    code: "DPIA-ART22-NOT-SCREENED",
    severity: "error",
    name: "automated decisions never screened for a DPIA",
    bad: {
      activity: {
        automatedDecision: { ...adm, legalOrSimilarEffect: false },
        dpia: { status: "not_screened" },
      },
    },
    paths: ["activities[0].dpia.status"],
    good: {
      activity: {
        automatedDecision: { ...adm, legalOrSimilarEffect: false },
        dpia: { status: "not_required" },
      },
    },
  },
  {
    code: "DPIA-ART22-NOT-SCREENED",
    severity: "error",
    name: "profiling never screened",
    bad: { activity: { automatedDecision: { profiling: true }, dpia: {} } },
    paths: ["activities[0].dpia.status"],
  },
  {
    code: "DPIA-CRITERIA-NO-DPIA",
    severity: "error",
    name: "two EDPB criteria, one of them read from the sensitive data",
    bad: {
      activity: {
        sensitiveData: { processed: true, items: [{ category: "health", condition: "9.2.h" }] },
        dpia: { criteria: ["large_scale"], status: "required" },
      },
    },
    paths: ["activities[0].dpia.status"],
    good: {
      activity: {
        sensitiveData: { processed: true, items: [{ category: "health", condition: "9.2.h" }] },
        dpia: { criteria: ["large_scale"], status: "in_progress" },
      },
    },
  },
  {
    code: "DPIA-CNIL-LISTED-NO-DPIA",
    severity: "error",
    name: "a CNIL-listed processing type without a DPIA",
    bad: {
      activity: { dpia: { cnilListedType: "Surveillance constante des salariés", status: "not_required" } },
    },
    paths: ["activities[0].dpia.status"],
    good: {
      activity: { dpia: { cnilListedType: "Surveillance constante des salariés", status: "completed" } },
    },
  },
  {
    code: "ART22-EXCEPTION-MISSING",
    severity: "error",
    name: "a decision with legal effect and no Art. 22(2) exception",
    bad: {
      activity: { automatedDecision: { ...adm, legalOrSimilarEffect: true }, dpia: { status: "completed" } },
    },
    paths: ["activities[0].automatedDecision.exception"],
    good: {
      activity: {
        automatedDecision: {
          ...adm,
          legalOrSimilarEffect: true,
          exception: "22.2.a",
          safeguards: { fr: "Recours", en: "Review" },
        },
        dpia: { status: "completed" },
      },
    },
  },
  {
    code: "ART22-SAFEGUARDS-MISSING",
    severity: "warning",
    name: "a decision with legal effect and no safeguards",
    bad: {
      activity: {
        automatedDecision: { ...adm, legalOrSimilarEffect: true, exception: "22.2.a" },
        dpia: { status: "completed" },
      },
    },
    paths: ["activities[0].automatedDecision.safeguards"],
  },
  {
    code: "ART22-EFFECT-UNANSWERED",
    severity: "info",
    name: "automated decisions whose effect is not assessed",
    bad: { activity: { automatedDecision: adm, dpia: { status: "not_required" } } },
    paths: ["activities[0].automatedDecision.legalOrSimilarEffect"],
  },
]);
