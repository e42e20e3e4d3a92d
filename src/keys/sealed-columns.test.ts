import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { SEALED_COLUMNS } from "./sealed-columns.ts";

// A sealed column missing from the list would stay under a retired key after `keys rotate` and become
// unreadable once that key is dropped: every `*_sealed` / `*_encrypted` column of the migrations is listed.
test("every sealed column of the migrations is known to the key rotation", () => {
  const dir = join(import.meta.dirname, "../db/migrations");
  const found: string[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => /^\d{4}-.*\.ts$/.test(f))
    .sort()) {
    // What each migration does on the way up, in order: a later one may drop a sealed column.
    const up = readFileSync(join(dir, file), "utf8").split(/export async function down/)[0]!;
    for (const table of up.split(/\.(?:createTable|alterTable)\(/).slice(1)) {
      const name = /^"(\w+)"/.exec(table)?.[1];
      for (const m of table.matchAll(/addColumn\("(\w+_(?:sealed|encrypted))"/g))
        found.push(`${name}.${m[1]}`);
      for (const m of table.matchAll(/dropColumn\("(\w+)"/g)) {
        const at = found.indexOf(`${name}.${m[1]}`);
        if (at >= 0) found.splice(at, 1);
      }
    }
  }
  const listed = SEALED_COLUMNS.map((c) => `${c.table}.${c.column}`);
  assert.ok(found.length >= 12, found.join(", "));
  assert.deepEqual(
    found.filter((c) => !listed.includes(c)),
    [],
  );
  assert.deepEqual(
    listed.filter((c) => !found.includes(c)),
    [],
  );
});
