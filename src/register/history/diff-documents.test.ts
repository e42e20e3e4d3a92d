import assert from "node:assert/strict";
import { test } from "node:test";
import { diffDocuments } from "./diff-documents.ts";

test("diffDocuments reports each changed leaf with its register path", () => {
  const before = { name: { fr: "A" }, purposes: [{ legalBasis: { code: "6.1.a" } }], software: ["x"] };
  const after = { name: { fr: "A", en: "A" }, purposes: [{ legalBasis: { code: "6.1.f" } }], software: [] };
  assert.deepEqual(diffDocuments(before, after), [
    { path: "name.en", op: "added", after: "A" },
    { path: "purposes[0].legalBasis.code", op: "changed", before: "6.1.a", after: "6.1.f" },
    { path: "software[0]", op: "removed", before: "x" },
  ]);
});

test("diffDocuments of equal documents is empty", () => {
  assert.deepEqual(diffDocuments({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), []);
});
