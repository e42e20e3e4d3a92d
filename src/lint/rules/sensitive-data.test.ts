import { ruleCases } from "../testing/rule-cases.ts";

ruleCases([
  {
    code: "SENS-CONDITION-MISSING",
    severity: "error",
    name: "special-category items without an Art. 9(2) condition, or with the Art. 10 ground",
    bad: {
      activity: {
        sensitiveData: {
          processed: true,
          items: [
            { category: "health" },
            { category: "trade_union", condition: "9.2.b" },
            { category: "religious_beliefs", condition: "10" },
          ],
        },
      },
    },
    paths: [
      "activities[0].sensitiveData.items[0].condition",
      "activities[0].sensitiveData.items[2].condition",
    ],
    good: {
      activity: { sensitiveData: { processed: true, items: [{ category: "health", condition: "9.2.h" }] } },
    },
  },
  {
    code: "SENS-CONDITION-MISSING",
    severity: "error",
    name: "a 'yes' with no item listed",
    bad: { activity: { sensitiveData: { processed: true } } },
    paths: ["activities[0].sensitiveData.items"],
  },
  {
    code: "SENS-CRIMINAL-CONDITION-MISSING",
    severity: "error",
    name: "criminal data on an Art. 9(2) condition",
    bad: {
      activity: { sensitiveData: { processed: true, items: [{ category: "criminal", condition: "9.2.a" }] } },
    },
    paths: ["activities[0].sensitiveData.items[0].condition"],
    good: {
      activity: { sensitiveData: { processed: true, items: [{ category: "criminal", condition: "10" }] } },
    },
  },
  {
    code: "SENS-UNANSWERED",
    severity: "info",
    name: "the yes/no question left blank",
    bad: { activity: { sensitiveData: {} } },
    paths: ["activities[0].sensitiveData.processed"],
  },
  {
    code: "SENS-CONTRADICTION",
    severity: "warning",
    name: "'no' with items listed",
    bad: {
      activity: { sensitiveData: { processed: false, items: [{ category: "health", condition: "9.2.h" }] } },
    },
    paths: ["activities[0].sensitiveData.processed"],
  },
  {
    code: "SENS-NIR",
    severity: "warning",
    name: "a NIR data category",
    bad: {
      activity: {
        dataCategories: [
          { id: "identity", category: "identity" },
          { id: "social-security", category: "nir" },
        ],
      },
    },
    paths: ["activities[0].dataCategories[1]"],
  },
]);
