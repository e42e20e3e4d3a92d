import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { listRules } from "./list-rules.ts";

const rules = listRules();

test("the catalogue has at least 30 rules with unique, well-formed codes", () => {
  assert.ok(rules.length >= 30, `${rules.length} rules`);
  const codes = rules.map((r) => r.code);
  assert.equal(new Set(codes).size, codes.length);
  for (const code of codes) assert.match(code, /^[A-Z0-9]+(-[A-Z0-9]+)+$/);
});

test("every rule has a severity, a source and a title in both languages", () => {
  for (const r of rules) {
    assert.ok(["error", "warning", "info"].includes(r.severity), r.code);
    assert.ok(r.article.length > 0, r.code);
    assert.ok(r.title.fr.length > 0 && r.title.en.length > 0, r.code);
    assert.notEqual(r.title.fr, r.title.en, r.code);
  }
});

test("every rule is exercised by a test under src/lint/rules", () => {
  const dir = join(import.meta.dirname, "rules");
  const tests = readdirSync(dir)
    .filter((f) => f.endsWith(".test.ts"))
    .map((f) => readFileSync(join(dir, f), "utf8"))
    .join("\n");
  for (const r of rules) assert.ok(tests.includes(`code: "${r.code}"`), `${r.code} has a test case`);
});
