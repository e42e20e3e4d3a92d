import assert from "node:assert/strict";
import { test } from "node:test";
import { handleIsName } from "./scan-handle.ts";

test("handles that spell a name, and handles that do not", () => {
  for (const h of [
    "sarah_b",
    "tomasz.w",
    "mateusz.zielinski",
    "j.kowalski",
    "jkowalski",
    "fionamacleod",
    "Fred",
  ])
    assert.ok(handleIsName(h), h);
  for (const h of ["support", "admin", "team-infra", "build.bot", "ci_runner", "grace", "x.y", "root"])
    assert.ok(!handleIsName(h), h);
});
