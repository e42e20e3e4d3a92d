import assert from "node:assert/strict";
import { test } from "node:test";
import type { RegisterFile } from "../../register/model/index.ts";
import type { Severity } from "../lint-types.ts";
import { RULES } from "../rules/index.ts";
import { findingsOf, makeRegister, type RegisterParts } from "./make-register.ts";

type Fixture = RegisterParts | (() => RegisterFile);

export type RuleCase = {
  code: string;
  severity: Severity;
  /** What the fixture breaks, for the test name. */
  name: string;
  bad: Fixture;
  /** The exact paths reported, in order. */
  paths: string[];
  /** A near miss that must stay quiet; the complete default register always is. */
  good?: Fixture;
};

function build(fixture: Fixture): RegisterFile {
  return typeof fixture === "function" ? fixture() : makeRegister(fixture);
}

/** Two tests per case: the rule reports exactly `paths` on `bad`, and nothing on `good`. */
export function ruleCases(cases: RuleCase[]): void {
  for (const c of cases) {
    test(`${c.code} reports ${c.name}`, () => {
      const rule = RULES.find((r) => r.code === c.code);
      assert.ok(rule, `rule ${c.code} is registered`);
      assert.equal(rule.severity, c.severity);
      const found = findingsOf(build(c.bad), c.code);
      assert.deepEqual(
        found.map((f) => f.path),
        c.paths,
      );
      for (const f of found) {
        assert.equal(f.severity, c.severity);
        assert.ok(f.messages.fr.length > 0 && f.messages.en.length > 0);
        assert.notEqual(f.messages.fr, f.messages.en);
      }
    });
    test(`${c.code} stays quiet ${c.good ? "on the near miss" : "on a complete register"}`, () => {
      assert.deepEqual(findingsOf(build(c.good ?? {}), c.code), []);
    });
  }
}
