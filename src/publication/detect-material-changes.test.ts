import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { ActivityInput } from "../register/model/index.ts";
import { RegisterFile } from "../register/model/register-file.schema.ts";
import { sampleActivity, sampleOrganisation } from "../testing/fixtures.ts";
import { detectMaterialChanges } from "./detect-material-changes.ts";
import { isLonger } from "./retention-by-category.ts";
import { summariseChanges } from "./summarise-changes.ts";

const register = (...activities: ActivityInput[]) =>
  RegisterFile.parse({ gardien: 1, organisation: sampleOrganisation("acme"), activities });
const crm = (overrides: Partial<ActivityInput> = {}) => sampleActivity("crm", overrides);
const base = sampleActivity("crm");
const kinds = (before: RegisterFile, after: RegisterFile) =>
  detectMaterialChanges(before, after).map((c) => c.kind);

describe("material changes", () => {
  test("a new purpose is material", () => {
    const after = crm({
      purposes: [
        ...(base.purposes ?? []),
        { description: { fr: "Prospection", en: "Marketing" }, legalBasis: { code: "6.1.a" } },
      ],
    });
    const changes = detectMaterialChanges(register(base), register(after));
    assert.deepEqual(
      changes.map((c) => c.kind),
      ["purpose_added"],
    );
    assert.match(changes[0]!.fr, /Nouvelle finalité .* Prospection/);
    assert.match(changes[0]!.en, /New purpose .* Marketing/);
  });

  test("a new recipient category is material", () => {
    const after = crm({
      recipients: [
        ...(base.recipients ?? []),
        { kind: "partner", name: { fr: "Partenaires", en: "Partners" } },
      ],
    });
    assert.deepEqual(kinds(register(base), register(after)), ["recipient_added"]);
  });

  test("a new transfer is material", () => {
    const after = crm({
      noTransferOutsideEea: false,
      transfers: [{ recipient: "Cloud Inc.", country: "US", mechanism: "scc" }],
    });
    assert.deepEqual(kinds(register(base), register(after)), ["transfer_added"]);
  });

  test("a longer retention is material, with the durations compared as durations (P24M → P3Y)", () => {
    const at = (duration: string) =>
      crm({
        retention: {
          rules: [{ dataCategories: ["identity"], duration, from: "end_of_contract", action: "delete" }],
        },
      });
    const changes = detectMaterialChanges(register(at("P24M")), register(at("P3Y")));
    assert.deepEqual(
      changes.map((c) => c.kind),
      ["retention_longer"],
    );
    assert.match(changes[0]!.fr, /24 mois → 3 ans/);
    assert.deepEqual(kinds(register(at("P3Y")), register(at("P36M"))), [], "P3Y = P36M: same length");
    assert.deepEqual(kinds(register(at("P3Y")), register(at("P24M"))), [], "shorter: not material");
    assert.equal(isLonger("P3Y", "P24M"), true);
    assert.equal(isLonger("P2Y", "P24M"), false);
    assert.equal(isLonger("P13M", "P1Y"), true);
  });

  test("a changed legal basis is material", () => {
    const after = crm({
      purposes: [
        {
          main: true,
          description: { fr: "Gérer les contrats", en: "Manage contracts" },
          legalBasis: { code: "6.1.f" },
        },
      ],
    });
    const changes = detectMaterialChanges(register(base), register(after));
    assert.deepEqual(
      changes.map((c) => c.kind),
      ["legal_basis_changed"],
    );
    assert.match(changes[0]!.en, /Contract → Legitimate interests/i);
  });

  test("a reworded description, a new security measure or a removed recipient is not material", () => {
    const after = crm({
      description: { fr: "Nouvelle description", en: "New description" },
      recipients: [],
      securityMeasures: [
        ...(base.securityMeasures ?? []),
        { category: "backup", description: { fr: "Sauvegardes", en: "Backups" } },
      ],
    });
    assert.deepEqual(kinds(register(base), register(after)), []);
  });

  test("a draft activity changes no one's rights until it becomes active", () => {
    const draft = sampleActivity("hr", { status: "draft" });
    assert.deepEqual(kinds(register(base), register(base, draft)), []);
    assert.deepEqual(kinds(register(base, draft), register(base, { ...draft, status: "active" })), [
      "purpose_added",
      "recipient_added",
    ]);
  });
});

describe("change summary", () => {
  test("the first version says so", () => {
    assert.deepEqual(summariseChanges(undefined, register(base)), [
      { fr: "Première publication du registre", en: "First publication of the register" },
    ]);
  });

  test("activities added and removed, retention and other fields get readable lines in both languages", () => {
    const before = register(base, sampleActivity("old", { name: { fr: "Ancienne", en: "Old one" } }));
    const after = register(
      crm({
        description: { fr: "Décrite", en: "Described" },
        retention: {
          rules: [
            { dataCategories: ["identity"], duration: "P36M", from: "end_of_contract", action: "delete" },
          ],
        },
      }),
      sampleActivity("new", { name: { fr: "Nouvelle", en: "New one" } }),
    );
    const lines = summariseChanges(before, after);
    assert.deepEqual(
      lines.map((l) => l.en),
      [
        'Retention of category "Nom, prénom" in activity "Customer management": 3 years → 36 months',
        'Activity "Customer management" changed: description',
        'Activity "New one" added',
        'Activity "Old one" removed',
      ].map((l) => l.replace("Nom, prénom", "Name")),
    );
    assert.equal(
      lines[0]!.fr,
      "Conservation de la catégorie « Nom, prénom » dans l'activité « Gestion des clients » : 3 ans → 36 mois",
    );
    assert.equal(lines[2]!.fr, "Activité « Nouvelle » ajouté(e)");
  });

  test("an unchanged register gives no line", () => {
    assert.deepEqual(summariseChanges(register(base), register(base)), []);
  });
});
