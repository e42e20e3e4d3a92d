import assert from "node:assert/strict";
import { test } from "node:test";
import { preferredLanguage } from "./preferred-language.ts";

test("Accept-Language decides by q-value; q=0 is 'not acceptable'; otherwise the fallback", () => {
  assert.equal(preferredLanguage("fr-FR,fr;q=0.9,en;q=0.5", "en"), "fr");
  assert.equal(preferredLanguage("de-DE, en-GB;q=0.8, fr;q=0.7", "fr"), "en");
  assert.equal(preferredLanguage("fr;q=0", "en"), "en");
  assert.equal(preferredLanguage("fr;q=0, en;q=0", "fr"), "fr");
  assert.equal(preferredLanguage("de", "fr"), "fr");
  assert.equal(preferredLanguage(undefined, "en"), "en");
  assert.equal(preferredLanguage("en;q=abc, fr;q=0.1", "en"), "fr", "an unreadable q is ignored");
});
