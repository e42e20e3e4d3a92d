import assert from "node:assert/strict";
import { test } from "node:test";
import { isVaguePeriod } from "../detect-vague-period.ts";
import { isSurelyLonger, measureDuration } from "../measure-duration.ts";
import { findingsOf, makeRegister } from "../testing/make-register.ts";
import { ruleCases } from "../testing/rule-cases.ts";

const twoCategories = [
  { id: "identity", category: "identity" as const },
  { id: "billing", category: "economic_financial" as const },
];

ruleCases([
  {
    code: "RET-CATEGORY-UNCOVERED",
    severity: "error",
    name: "a data category no rule covers",
    bad: {
      activity: {
        dataCategories: twoCategories,
        retention: { rules: [{ dataCategories: ["identity"], duration: "P3Y" }] },
      },
    },
    paths: ["activities[0].dataCategories[1]"],
    good: {
      activity: {
        dataCategories: twoCategories,
        retention: {
          rules: [
            { dataCategories: ["identity"], duration: "P3Y" },
            { dataCategories: ["billing"], duration: "P10Y" },
          ],
        },
      },
    },
  },
  {
    code: "RET-PERIOD-VAGUE",
    severity: "error",
    name: "published wordings that are not periods",
    bad: {
      activity: {
        retention: {
          rules: [
            { statedAs: { fr: "Aussi longtemps que nécessaire" } },
            { duration: "P3Y", statedAs: { en: "For as long as necessary for the purposes" } },
            {
              statedAs: {
                fr: "La durée de rétention des données est définie afin de pouvoir remplir les obligations contractuelles",
              },
            },
          ],
        },
      },
    },
    paths: [
      "activities[0].retention.rules[0].statedAs",
      "activities[0].retention.rules[1].statedAs",
      "activities[0].retention.rules[2].statedAs",
    ],
    good: {
      activity: {
        retention: { rules: [{ duration: "P3Y", statedAs: { fr: "3 ans à compter de la fin du contrat" } }] },
      },
    },
  },
  {
    code: "RET-DURATION-MISSING",
    severity: "warning",
    name: "a rule with an event and no duration",
    bad: { activity: { retention: { rules: [{ from: "account_closure" }] } } },
    paths: ["activities[0].retention.rules[0].duration"],
    // Vague wording is RET-PERIOD-VAGUE's, not reported twice.
    good: { activity: { retention: { rules: [{ statedAs: { fr: "Durée nécessaire au traitement" } }] } } },
  },
  {
    code: "RET-EXCEEDS-MAXIMUM",
    severity: "error",
    name: "rules longer than the announced maximum",
    bad: {
      activity: {
        retention: {
          maximum: "P24M",
          rules: [{ duration: "P25M" }, { duration: "P2Y" }, { duration: "P750D" }, { duration: "P3Y" }],
        },
      },
    },
    paths: [
      "activities[0].retention.rules[0].duration",
      "activities[0].retention.rules[2].duration",
      "activities[0].retention.rules[3].duration",
    ],
    good: {
      activity: { retention: { maximum: "P24M", rules: [{ duration: "P2Y" }, { duration: "P730D" }] } },
    },
  },
  {
    code: "RET-CATEGORY-UNKNOWN",
    severity: "error",
    name: "a rule naming a category the activity does not declare",
    bad: { activity: { retention: { rules: [{ dataCategories: ["identity", "ghost"], duration: "P1Y" }] } } },
    paths: ["activities[0].retention.rules[0].dataCategories[1]"],
  },
  {
    code: "RET-ARCHIVE-NO-END",
    severity: "warning",
    name: "archives with no end, or an end before the archive",
    bad: {
      activity: {
        retention: {
          rules: [
            { duration: "P1Y", action: "archive" },
            { dataCategories: ["identity"], duration: "P6M", action: "delete" },
          ],
        },
      },
    },
    paths: ["activities[0].retention.rules[0].action"],
    good: {
      activity: {
        retention: {
          maximum: "P10Y",
          rules: [
            { duration: "P1Y", action: "archive" },
            { duration: "P5Y", action: "delete" },
          ],
        },
      },
    },
  },
]);

test("isVaguePeriod knows the usual non-periods and leaves real periods alone", () => {
  for (const vague of [
    "Aussi longtemps que nécessaire",
    "pendant la durée strictement nécessaire aux finalités",
    "as long as necessary",
    "no longer than is necessary for the purposes",
    "La durée de rétention des données est définie afin de pouvoir remplir les obligations",
  ]) {
    assert.ok(isVaguePeriod(vague), vague);
  }
  for (const period of [
    "24 mois à compter du dernier contact",
    "3 years after the end of the contract",
    "Jusqu'à 10 ans",
  ]) {
    assert.ok(!isVaguePeriod(period), period);
  }
});

test("measureDuration compares calendar durations without false alarms", () => {
  const d = (iso: string) => measureDuration(iso)!;
  assert.ok(isSurelyLonger(d("P25M"), d("P2Y")));
  assert.ok(!isSurelyLonger(d("P2Y"), d("P24M")));
  assert.ok(!isSurelyLonger(d("P24M"), d("P2Y")));
  assert.ok(isSurelyLonger(d("P5W"), d("P30D")));
  assert.ok(!isSurelyLonger(d("P31D"), d("P1M")));
  assert.ok(isSurelyLonger(d("P32D"), d("P1M")));
  assert.ok(!isSurelyLonger(d("P366D"), d("P1Y")));
  assert.ok(isSurelyLonger(d("P367D"), d("P1Y")));
  assert.equal(measureDuration("three years"), undefined);
});

test("a rule that covers every category leaves none uncovered", () => {
  const register = makeRegister({
    activity: {
      dataCategories: twoCategories,
      retention: { rules: [{ duration: "P3Y" }, { dataCategories: ["billing"], duration: "P10Y" }] },
    },
  });
  assert.deepEqual(findingsOf(register, "RET-CATEGORY-UNCOVERED"), []);
});
