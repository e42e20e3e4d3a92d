import assert from "node:assert/strict";
import { test } from "node:test";
import { sampleActivity } from "../testing/fixtures.ts";
import { buildRegisterSheets } from "./build-register-sheet.ts";
import { makeRegister, textOf } from "./testing/make-register.ts";

test("one sheet: the CNIL sections as h2, in the CNIL order", () => {
  const doc = buildRegisterSheets(makeRegister(), { lang: "fr", activity: "crm" });
  assert.equal(doc.title, "Fiche de registre de l'activité : Gestion des clients");
  assert.deepEqual(
    doc.sections.map((s) => s.id),
    [
      "activity",
      "controller",
      "software",
      "objectives",
      "subjects",
      "data",
      "sensitive",
      "retention",
      "recipients",
      "transfers",
      "security",
    ],
  );
});

test("every sheet: one section per activity not archived, drafts included with their status", () => {
  const register = makeRegister([
    sampleActivity("a"),
    sampleActivity("b", { status: "draft" }),
    sampleActivity("c", { status: "archived" }),
  ]);
  const doc = buildRegisterSheets(register, { lang: "en" });
  assert.deepEqual(
    doc.sections.map((s) => s.id),
    ["sheet-a", "sheet-b"],
  );
  assert.ok(textOf(doc).includes("Status Draft"));
});

test("sensitive data: the yes/no answer and each category with its Art. 9(2) condition", () => {
  const register = makeRegister([
    sampleActivity("hr", {
      sensitiveData: {
        processed: true,
        items: [
          {
            category: "health",
            condition: "9.2.b",
            justification: { fr: "Arrêts maladie", en: "Sick leave" },
          },
        ],
      },
    }),
  ]);
  const text = textOf(buildRegisterSheets(register, { lang: "en", activity: "hr" }));
  assert.ok(text.includes("Is sensitive data processed? Yes"));
  assert.ok(
    text.includes(
      "Health data (Art. 9(1)) Employment and social security law obligations (Art. 9(2)(b)) Sick leave",
    ),
  );
  const unanswered = makeRegister([sampleActivity("x")]);
  assert.ok(
    textOf(buildRegisterSheets(unanswered, { lang: "en" })).includes(
      "Is sensitive data processed? Not stated in the register",
    ),
  );
});

test("recipients fall in the CNIL's three groups; retention is per data category", () => {
  const register = makeRegister(
    [
      sampleActivity("crm", {
        dataCategories: [
          { id: "id", category: "identity", description: { fr: "Nom", en: "Name" } },
          { id: "logs", category: "connection", description: { fr: "Journaux", en: "Logs" } },
        ],
        retention: {
          rules: [{ dataCategories: ["id"], duration: "P3Y", from: "end_of_contract", action: "anonymise" }],
        },
        recipients: [
          { kind: "internal", name: { fr: "Ventes", en: "Sales" } },
          { kind: "authority", name: { fr: "Fisc", en: "Tax office" } },
          { kind: "processor", name: { fr: "Hébergeur", en: "Host" }, processorRef: "host" },
        ],
      }),
    ],
    { processors: [{ ref: "host", name: "Host SAS", country: "DE" }] },
  );
  const text = textOf(buildRegisterSheets(register, { lang: "en", activity: "crm" }));
  assert.ok(text.includes("Internal recipients Sales External bodies Tax office Processors Host (Germany)"));
  assert.ok(
    text.includes(
      "Civil status, identity, identification data, images 3 years from the end of the contract, then anonymisation",
    ),
  );
  assert.ok(
    text.includes("Connection data (IP addresses, logs, device identifiers, timestamps) Period not defined"),
  );
});
