import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { generateCorpus } from "../../test/fixtures/pii/generate-corpus.ts";
import type { LabelledMessage } from "../../test/fixtures/pii/parse-markup.ts";
import { scoreCorpus } from "../../test/fixtures/pii/score-entities.ts";
import { detect } from "./detect.ts";
import type { EntityType } from "./entity.ts";

// Slightly below the goals (bench/pii-quality.ts prints the figures), so a regression fails `npm test`
// while run-to-run template changes do not.
const TYPE_FLOORS: Partial<Record<EntityType, number>> = {
  EMAIL: 0.97,
  IBAN: 0.985,
  CREDIT_CARD: 0.985,
  FR_NIR: 0.985,
  FR_SIREN: 0.985,
  FR_SIRET: 0.985,
  PHONE: 0.97,
  PERSON: 0.91,
  POSTAL_ADDRESS: 0.89,
  IP_ADDRESS: 0.95,
  DATE_OF_BIRTH: 0.95,
};

const predict = (m: LabelledMessage) => detect(m.text, { lang: m.lang });

test("generated FR/EN dev corpus: per-type F1, micro-F1 and complete messages stay above their floors", () => {
  const score = scoreCorpus(generateCorpus(), predict);
  for (const [type, floor] of Object.entries(TYPE_FLOORS)) {
    const f1 = score.perType[type as EntityType].f1;
    assert.ok(f1 >= floor, `${type} F1 ${f1.toFixed(3)} < ${floor}`);
  }
  assert.ok(score.micro.f1 >= 0.965, `micro-F1 ${score.micro.f1.toFixed(3)}`);
  assert.ok(score.allFound >= 0.89, `messages with every entity found ${score.allFound.toFixed(3)}`);
});

function loadHoldout(name: string): LabelledMessage[] {
  const file = join(import.meta.dirname, `../../test/fixtures/pii/${name}.jsonl`);
  return readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as LabelledMessage);
}

test("hand-written held-out set: micro-F1 and complete messages stay above their floors", () => {
  const score = scoreCorpus(loadHoldout("holdout"), predict);
  assert.ok(score.micro.f1 >= 0.95, `held-out micro-F1 ${score.micro.f1.toFixed(3)}`);
  assert.ok(score.allFound >= 0.9, `held-out messages with every entity found ${score.allFound.toFixed(3)}`);
});

// Floors a little under today's scores (README), so a change that loses what the names of other locales,
// the particles, the Eircodes, the brands, the sign-offs, the tables, the chat names, the lists of people,
// the names named again or joined to a person, and the addresses with districts, units and type-first
// streets brought fails here.
for (const [name, floor] of [
  ["holdout3", 0.99],
  ["holdout4", 0.965],
  ["holdout5", 0.985],
  ["holdout6", 0.975],
  ["holdout7", 0.97],
  ["holdout8", 0.965],
  ["holdout9", 0.98],
  ["holdout10", 0.985],
  ["holdout11", 0.965],
  ["holdout12", 0.945],
  ["holdout13", 0.99],
  ["holdout14", 0.965],
  ["holdout15", 0.985],
  ["holdout16", 0.935],
  ["holdout17", 0.99],
  ["holdout18", 0.945],
  ["holdout19", 0.99],
  ["holdout20", 0.945],
] as const) {
  test(`held-out set ${name}, written blind: micro-F1 stays at or above ${floor}`, () => {
    const score = scoreCorpus(loadHoldout(name), predict);
    assert.ok(score.micro.f1 >= floor, `${name} micro-F1 ${score.micro.f1.toFixed(3)}`);
  });
}
