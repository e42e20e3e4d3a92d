import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { maskEmail } from "./mask-email.ts";
import { EMPTY_FORM, readFormValues, validateRequestForm } from "./request-form.ts";

const refs = ["crm", "newsletter"];

describe("readFormValues", () => {
  test("keeps strings, collects repeated checkboxes, drops anything else", () => {
    const values = readFormValues({
      type: ["access", "erasure"],
      name: "Jeanne",
      email: 42,
      activities: "crm",
      message: { nested: true },
      website: "",
    });
    assert.equal(values.type, "access", "the first of a repeated single field");
    assert.equal(values.name, "Jeanne");
    assert.equal(values.email, "");
    assert.deepEqual(values.activities, ["crm"]);
    assert.equal(values.message, "");
    assert.deepEqual(readFormValues({ activities: ["crm", 3, "newsletter"] }).activities, [
      "crm",
      "newsletter",
    ]);
    assert.deepEqual(readFormValues(undefined), EMPTY_FORM);
  });
});

describe("validateRequestForm", () => {
  const valid = { ...EMPTY_FORM, type: "erasure", name: " Jeanne Martin ", email: " jeanne@example.org " };

  test("a valid form: trimmed, empty optional fields dropped, activities de-duplicated", () => {
    const result = validateRequestForm(
      { ...valid, customerId: "  ", activities: ["crm", "crm", "newsletter"], representative: "" },
      { activityRefs: refs, lang: "fr" },
    );
    assert.ok(result.ok);
    assert.deepEqual(result.form, {
      type: "erasure",
      name: "Jeanne Martin",
      email: "jeanne@example.org",
      customerId: undefined,
      activities: ["crm", "newsletter"],
      message: undefined,
      representative: undefined,
    });
  });

  test("one error per field, in the page's order and language, naming the rule", () => {
    const result = validateRequestForm(
      {
        ...EMPTY_FORM,
        type: "teleportation",
        email: "nope",
        activities: ["crm", "other"],
        representative: "x".repeat(301),
      },
      { activityRefs: refs, lang: "en" },
    );
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => [e.field, e.rule]),
      [
        ["type", "invalid"],
        ["name", "required"],
        ["email", "invalid"],
        ["activities", "invalid"],
        ["representative", "too_long"],
      ],
    );
    assert.equal(result.errors[2]!.message, "enter a valid e-mail address, for example name@example.com.");
    const fr = validateRequestForm({ ...EMPTY_FORM }, { activityRefs: refs, lang: "fr" });
    assert.ok(!fr.ok);
    assert.equal(fr.errors[0]!.message, "choisissez le type de votre demande.");
  });

  test("rectification and automated-decision review need the person's words (Arts. 16, 22(3)); others do not", () => {
    for (const type of ["rectification", "automated_decision_review"]) {
      const result = validateRequestForm(
        { ...valid, type, message: "   " },
        { activityRefs: refs, lang: "fr" },
      );
      assert.ok(!result.ok, type);
      assert.deepEqual(
        result.errors.map((e) => [e.field, e.rule]),
        [["message", "required"]],
      );
    }
    assert.ok(validateRequestForm({ ...valid, type: "access" }, { activityRefs: refs, lang: "fr" }).ok);
    assert.ok(
      validateRequestForm(
        { ...valid, type: "rectification", message: "Mon nom s'écrit avec un é" },
        { activityRefs: refs, lang: "fr" },
      ).ok,
    );
  });

  test("limits: 10,000 characters of message, 254 of address", () => {
    const long = validateRequestForm(
      { ...valid, message: "a".repeat(10_001), email: `${"a".repeat(250)}@example.org` },
      { activityRefs: refs, lang: "en" },
    );
    assert.ok(!long.ok);
    assert.deepEqual(
      long.errors.map((e) => [e.field, e.rule]),
      [
        ["email", "too_long"],
        ["message", "too_long"],
      ],
    );
    assert.ok(
      validateRequestForm({ ...valid, message: "a".repeat(10_000) }, { activityRefs: refs, lang: "en" }).ok,
    );
  });

  test("without published activities, any ticked activity is refused", () => {
    const result = validateRequestForm({ ...valid, activities: ["crm"] }, { activityRefs: [], lang: "en" });
    assert.ok(!result.ok);
    assert.equal(result.errors[0]!.field, "activities");
  });
});

describe("maskEmail", () => {
  test("keeps the first letters and the top-level domain only", () => {
    assert.equal(maskEmail("jeanne.martin@example.org"), "j•••@e•••.org");
    assert.equal(maskEmail("élodie@mairie.gouv.fr"), "é•••@m•••.fr");
    assert.equal(maskEmail("a@localhost"), "a•••@l•••");
    assert.equal(maskEmail("broken"), "•••");
  });
});
