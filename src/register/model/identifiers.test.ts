import assert from "node:assert/strict";
import { test } from "node:test";
import { isValidSiren, isValidSiret, luhnValid } from "./identifiers.ts";
import { Organisation } from "./organisation.schema.ts";

test("SIREN: 9 digits with a valid Luhn key", () => {
  assert.equal(isValidSiren("903747350"), true, "Agence Moiré (Régis seed)");
  assert.equal(isValidSiren("732829320"), true);
  assert.equal(isValidSiren("903747351"), false, "wrong key");
  assert.equal(isValidSiren("90374735"), false, "8 digits");
  assert.equal(isValidSiren("903 747 350"), false, "spaces are not stored");
});

test("SIRET: 14 digits, Luhn, and its first nine digits are a valid SIREN", () => {
  assert.equal(isValidSiret("73282932000074"), true);
  assert.equal(isValidSiret("73282932000075"), false);
  assert.equal(isValidSiret("35600000000048"), true, "La Poste head office follows Luhn");
  assert.equal(isValidSiret("35600000049837"), true, "La Poste establishments: digit sum divisible by 5");
  assert.equal(isValidSiret("35600000049838"), false);
  assert.equal(luhnValid("4x"), false);
});

test("the organisation schema checks the keys and that the SIRET extends the SIREN", () => {
  const base = { slug: "x", legalName: "X", country: "FR" };
  assert.equal(Organisation.safeParse({ ...base, siren: "903747350" }).success, true);
  const badKey = Organisation.safeParse({ ...base, siren: "903747351" });
  assert.equal(badKey.error?.issues[0]?.path.join("."), "siren");
  assert.match(badKey.error?.issues[0]?.message ?? "", /Luhn/);
  const mismatch = Organisation.safeParse({ ...base, siren: "903747350", siret: "73282932000074" });
  assert.equal(mismatch.error?.issues[0]?.path.join("."), "siret");
});
