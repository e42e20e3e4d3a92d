import assert from "node:assert/strict";
import { test } from "node:test";
import { COMMANDS } from "./index.ts";

// The table repeats each command's usage and summary so that `gardien help` loads no command module;
// the two copies must say the same thing.
test("the command table says what each command says of itself", async () => {
  for (const entry of COMMANDS) {
    const command = await entry.load();
    assert.ok(command, entry.path.join(" "));
    assert.deepEqual(command.path, entry.path);
    assert.equal(entry.usage, command.usage, `usage of ${entry.path.join(" ")}`);
    assert.equal(entry.summary, command.summary, `summary of ${entry.path.join(" ")}`);
  }
});
