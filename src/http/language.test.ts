import assert from "node:assert/strict";
import { test } from "node:test";
import type { FastifyRequest } from "fastify";
import { languageOf } from "./language.ts";

const request = (header?: string) =>
  ({ headers: header === undefined ? {} : { "accept-language": header } }) as FastifyRequest;

test("languageOf picks French or English by q-value, English by default", () => {
  assert.equal(languageOf(request()), "en");
  assert.equal(languageOf(request("de-DE")), "en");
  assert.equal(languageOf(request("fr-FR,fr;q=0.9,en;q=0.8")), "fr");
  assert.equal(languageOf(request("de;q=1, en;q=0.9, fr;q=0.5")), "en");
  assert.equal(languageOf(request("en;q=0.3, FR-ca")), "fr");
});
