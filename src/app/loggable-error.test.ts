import assert from "node:assert/strict";
import { test } from "node:test";
import { loggableError, maskMessage } from "./loggable-error.ts";

test("quoted input, e-mail addresses and long numbers never reach the log", () => {
  let parseError: unknown;
  try {
    JSON.parse('{"name": jean.dupont@example.com}');
  } catch (error) {
    parseError = error;
  }
  const logged = JSON.stringify(loggableError(parseError));
  assert.equal(logged.includes("jean.dupont"), false);
  assert.match(logged, /SyntaxError/);
  assert.equal(
    maskMessage("secret detail: jean.dupont@example.com, tel 06 12 34 56 78"),
    "secret detail: [email] tel [number]",
  );
  const pg = Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), {
    code: "23505",
  });
  assert.deepEqual(
    { ...loggableError(pg), stack: undefined },
    {
      type: "Error",
      code: "23505",
      message: "duplicate key value violates unique constraint [quoted]",
      stack: undefined,
    },
  );
});
