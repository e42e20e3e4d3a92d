import assert from "node:assert/strict";
import { test } from "node:test";
import { formatDueDate, type ReminderFacts, reminderMessage } from "./reminder-message.ts";

const facts: ReminderFacts = {
  kind: "reminder",
  lang: "fr",
  organisationName: "Acme",
  reference: "DSR-2027-0042",
  type: "erasure",
  status: "awaiting_identity",
  dueOn: "2027-03-01",
  days: 1,
  extended: false,
  link: "https://gardien.example/api/v1/organisations/acme/requests/r1",
};

test("dates are written in the organisation's language without a time-zone shift", () => {
  assert.equal(formatDueDate("2027-03-01", "fr"), "lundi 1 mars 2027");
  assert.equal(formatDueDate("2027-03-01", "en"), "Monday, 1 March 2027");
  assert.equal(formatDueDate("2027-12-31", "fr"), "vendredi 31 décembre 2027");
});

test("a reminder names the reference, the right, the due date, the days left, the status and the link", () => {
  const fr = reminderMessage(facts, "dpo@acme.example");
  assert.equal(fr.to, "dpo@acme.example");
  assert.equal(fr.lang, "fr");
  assert.equal(fr.subject, "Rappel : demande DSR-2027-0042 à traiter avant le lundi 1 mars 2027 (J-1)");
  assert.match(fr.text, /\(Droit à l'effacement, art\. 17\) de Acme/);
  assert.match(fr.text, /il reste 1 jour\./);
  assert.match(fr.text, /Statut actuel : En attente de vérification d'identité\./);
  assert.ok(fr.text.includes(facts.link));
  const en = reminderMessage({ ...facts, lang: "en", days: 0, extended: true }, "dpo@acme.example");
  assert.equal(en.subject, "Reminder: request DSR-2027-0042 is due on Monday, 1 March 2027 (today)");
  assert.match(en.text, /it is due today/);
  assert.match(en.text, /already been extended/);
});

test("an overdue mail says how late, and what the person may do (Art. 77, 79)", () => {
  const fr = reminderMessage({ ...facts, kind: "overdue", days: 3 }, "x@acme.example");
  assert.match(fr.subject, /^En retard : la demande DSR-2027-0042/);
  assert.match(fr.text, /dépassé depuis 3 jours/);
  assert.match(fr.text, /CNIL \(art\. 77\)/);
  const en = reminderMessage({ ...facts, kind: "overdue", lang: "en", days: 1 }, "x@acme.example");
  assert.match(en.text, /It is 1 day late/);
  assert.match(en.text, /\(Art\. 77\).*\(Art\. 79\)/s);
});
