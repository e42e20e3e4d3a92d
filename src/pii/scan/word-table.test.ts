import assert from "node:assert/strict";
import { test } from "node:test";
import { createWordTable, HASH_SEED, hashStep, lookup, lookupHashed } from "./word-table.ts";

test("a word table finds the words it holds, by slice of a text, and no others", () => {
  const builder = createWordTable(false);
  builder.add("Marie", 1);
  builder.add("Marie", 4);
  builder.add("Rue", 128);
  builder.add("W", 0x8000);
  const table = builder.freeze();
  const text = "à Marie, Rue W. Mari Maries marie";
  assert.equal(lookup(table, text, 2, 7), 5); // flags added twice are OR-ed
  assert.equal(lookup(table, text, 9, 12), 128);
  assert.equal(lookup(table, text, 13, 14), 0x8000); // the 16th flag bit survives the packing
  assert.equal(lookup(table, text, 16, 20), 0); // a prefix
  assert.equal(lookup(table, text, 21, 27), 0); // a longer word
  assert.equal(lookup(table, text, 28, 33), 0); // not folding: case matters
  let h = HASH_SEED;
  for (let i = 2; i < 7; i++) h = hashStep(h, text.charCodeAt(i));
  assert.equal(lookupHashed(table, text, 2, 7, h), 5);
});

test("a folding table compares case-insensitively, Latin-1 letters included", () => {
  const builder = createWordTable(true);
  builder.add("Né", 8);
  builder.add("naissance", 8);
  const table = builder.freeze();
  assert.equal(lookup(table, "NÉ", 0, 2), 8);
  assert.equal(lookup(table, "date de NAISSANCE", 8, 17), 8);
  assert.equal(lookup(table, "ne", 0, 2), 0); // an accent is not folded away
});

test("a large table holds every word it was given, and refuses flags wider than 16 bits", () => {
  const builder = createWordTable(false);
  const words: string[] = [];
  for (let i = 0; i < 50_000; i++) words.push(`W${i.toString(36)}x`);
  for (const [i, w] of words.entries()) builder.add(w, (i % 0xffff) + 1);
  const table = builder.freeze();
  for (const [i, w] of words.entries()) assert.equal(lookup(table, w, 0, w.length), (i % 0xffff) + 1, w);
  let found = 0;
  for (let i = 50_000; i < 100_000; i++) {
    const w = `W${i.toString(36)}x`;
    if (lookup(table, w, 0, w.length) !== 0) found++;
  }
  assert.equal(found, 0);
  const wide = createWordTable(false);
  wide.add("x", 0x10000);
  assert.throws(() => wide.freeze(), /exceed 16 bits/);
});
