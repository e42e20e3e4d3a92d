import assert from "node:assert/strict";
import { test } from "node:test";
import { contactSpans, countryName, formatAddress, formatSiren, formatSiret } from "./format-identity.ts";

test("SIREN and SIRET in INSEE's groups", () => {
  assert.equal(formatSiren("903747350"), "903 747 350");
  assert.equal(formatSiret("73282932000074"), "732 829 320 00074");
  assert.equal(formatSiren("12"), "12", "anything else is left as is");
});

test("addresses and country names in the document's language", () => {
  const address = {
    street: "19 Boulevard des Déportés",
    postcode: "35400",
    city: "Saint-Malo",
    country: "FR",
  };
  assert.equal(formatAddress(address, "fr"), "19 Boulevard des Déportés, 35400 Saint-Malo, France");
  assert.equal(countryName("US", "fr"), "États-Unis");
  assert.equal(countryName("US", "en"), "United States");
  assert.equal(countryName("DE", "fr"), "Allemagne");
  assert.equal(formatAddress({}, "fr"), undefined);
});

test("a contact's channels, with mailto and web links", () => {
  const spans = contactSpans(
    { name: "DPO", email: "dpo@example.org", url: "https://example.org/rgpd" },
    "en",
  );
  assert.deepEqual(spans, [
    "DPO",
    " — ",
    { link: "mailto:dpo@example.org", text: "dpo@example.org" },
    " — ",
    { link: "https://example.org/rgpd", text: "https://example.org/rgpd" },
  ]);
  assert.deepEqual(contactSpans(undefined, "fr"), []);
});
