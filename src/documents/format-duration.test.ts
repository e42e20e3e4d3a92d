import assert from "node:assert/strict";
import { test } from "node:test";
import { RetentionRule } from "../register/model/activity.schema.ts";
import { formatDuration, formatRetentionPeriod } from "./format-duration.ts";

test("durations in words, in the unit the register states", () => {
  assert.equal(formatDuration("P24M", "fr"), "24 mois");
  assert.equal(formatDuration("P24M", "en"), "24 months");
  assert.equal(formatDuration("P3Y", "fr"), "3 ans");
  assert.equal(formatDuration("P3Y", "en"), "3 years");
  assert.equal(formatDuration("P1Y", "fr"), "1 an");
  assert.equal(formatDuration("P1Y", "en"), "1 year");
  assert.equal(formatDuration("P1M", "en"), "1 month");
  assert.equal(formatDuration("P2W", "fr"), "2 semaines");
  assert.equal(formatDuration("P30D", "en"), "30 days");
  assert.equal(formatDuration("P1Y6M", "fr"), "1 an et 6 mois");
  assert.equal(formatDuration("P1Y6M2D", "en"), "1 year, 6 months and 2 days");
  assert.equal(formatDuration("P0D", "fr"), "0 jour");
  assert.equal(formatDuration("24 months", "en"), "24 months", "not a duration: unchanged");
});

const rule = (input: Record<string, unknown>) => RetentionRule.parse(input);

test("a period runs from its event, with the French article contracted", () => {
  const lastContact = rule({ duration: "P24M", from: "last_contact" });
  assert.equal(formatRetentionPeriod(lastContact, "fr"), "24 mois à compter du dernier contact");
  assert.equal(formatRetentionPeriod(lastContact, "en"), "24 months from the last contact");
  const contract = rule({ duration: "P3Y", from: "end_of_contract" });
  assert.equal(
    formatRetentionPeriod(contract, "fr"),
    "3 ans à compter de la fin de la relation contractuelle",
  );
  assert.equal(formatRetentionPeriod(contract, "en"), "3 years from the end of the contract");
  assert.equal(formatRetentionPeriod(rule({ duration: "P10Y" }), "fr"), "10 ans");
});

test("a zero period lasts until its event", () => {
  const untilEnd = rule({ duration: "P0D", from: "end_of_contract" });
  assert.equal(formatRetentionPeriod(untilEnd, "fr"), "jusqu'à la fin de la relation contractuelle");
  assert.equal(formatRetentionPeriod(untilEnd, "en"), "until the end of the contract");
  const untilContact = rule({ duration: "P0D", from: "last_contact" });
  assert.equal(formatRetentionPeriod(untilContact, "fr"), "jusqu'au dernier contact");
  const closure = rule({ duration: "P0D", from: "account_closure", fromDetail: { fr: "Suppression" } });
  assert.equal(formatRetentionPeriod(closure, "fr"), "jusqu'à la suppression du compte");
});

test("the register's own wording of the start event wins over the label", () => {
  const r = rule({
    duration: "P24M",
    from: "end_of_contract",
    fromDetail: {
      fr: "la fin de la relation contractuelle ou du dernier contact commercial",
      en: "the end of the contractual relationship or the last commercial contact",
    },
  });
  assert.equal(
    formatRetentionPeriod(r, "fr"),
    "24 mois à compter de la fin de la relation contractuelle ou du dernier contact commercial",
  );
  assert.equal(
    formatRetentionPeriod(r, "en"),
    "24 months from the end of the contractual relationship or the last commercial contact",
  );
  const capital = rule({ duration: "P1Y", from: "other", fromDetail: { fr: "Le départ du salarié" } });
  assert.equal(formatRetentionPeriod(capital, "fr"), "1 an à compter du départ du salarié");
});

test("no measurable duration: no period is made up", () => {
  const vague = rule({ statedAs: { fr: "aussi longtemps que nécessaire" } });
  assert.equal(formatRetentionPeriod(vague, "fr"), undefined);
  assert.equal(formatRetentionPeriod(vague, "en"), undefined);
});
