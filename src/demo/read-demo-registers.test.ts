import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import type { RegisterFile } from "../register/model/register-file.schema.ts";
import { DEMO_SLUGS, readDemoRegisters, readRegisterYaml } from "./read-demo-registers.ts";

const registers = readDemoRegisters();

function demo(slug: (typeof DEMO_SLUGS)[number]): RegisterFile {
  const file = registers.find((r) => r.organisation.slug === slug);
  assert.ok(file, `demo register ${slug} is loaded`);
  return file;
}

test("every demo file parses against RegisterFile, in DEMO_SLUGS order", () => {
  assert.deepEqual(
    registers.map((r) => r.organisation.slug),
    [...DEMO_SLUGS],
  );
});

test("regis: Agence Moiré's four activities with their stated legal bases and 24-month retention", () => {
  const regis = demo("regis");
  assert.equal(regis.organisation.legalName, "Agence Moiré");
  assert.equal(regis.organisation.siren, "903747350");
  assert.equal(regis.organisation.rightsContact?.email, "dpo@regis.chat");
  assert.equal(regis.organisation.address?.postcode, "35400");
  assert.equal(regis.activities.length, 4);
  assert.deepEqual(
    regis.activities.map((a) => a.purposes.find((p) => p.main)?.legalBasis?.code),
    ["6.1.a", "6.1.b", "6.1.f", "6.1.f"],
  );
  for (const activity of regis.activities) {
    assert.equal(activity.retention.rules[0]?.duration, "P24M", activity.ref);
    assert.equal(activity.retention.maximum, "P24M", activity.ref);
    assert.equal(activity.noTransferOutsideEea, true, activity.ref);
  }
  assert.equal(regis.activities[0]?.retention.rules[0]?.from, "last_contact");
  // The register states no legitimate interest: the linter must find that gap, so the data must not fill it.
  for (const activity of regis.activities.slice(2)) {
    assert.equal(activity.purposes[0]?.legalBasis?.legitimateInterest, undefined, activity.ref);
    const ai = activity.recipients.find((r) => r.kind === "partner");
    assert.ok(ai, `${activity.ref} sends data to the partner AI model`);
    assert.equal(ai.noRetention, true);
    assert.equal(ai.processorRef, undefined);
  }
});

test("logeas: the CNIL sheet's dates, software, accounting retention and empty processor control", () => {
  const logeas = demo("logeas");
  assert.equal(logeas.organisation.siren, undefined);
  assert.equal(logeas.organisation.legalRepresentative?.name, "Nicolas MARCHAND");
  assert.equal(logeas.activities.length, 1);
  const [sheet] = logeas.activities;
  assert.ok(sheet);
  assert.equal(sheet.createdOn, "2018-12-08");
  assert.equal(sheet.updatedOn, undefined);
  assert.deepEqual(sheet.software, ["Cloud Logeas", "LoGeAs WEB"]);
  assert.equal(sheet.purposes.length, 6);
  assert.equal(sheet.sensitiveData.processed, false);
  assert.ok(!sheet.securityMeasures.some((m) => m.category === "processor_control"));
  assert.ok(!sheet.securityMeasures.some((m) => m.category === "traceability"));
  const accounting = sheet.retention.rules.find((r) => r.duration === "P10Y");
  assert.ok(accounting, "accounting data is kept up to 10 years");
  assert.deepEqual(accounting.dataCategories, ["donnees-comptables"]);
  assert.equal(logeas.processors.length, 0);
});

test("julie-desk: controller and processor, automated decisions, transfers without a safeguard", () => {
  const jd = demo("julie-desk");
  assert.deepEqual(jd.organisation.roles, ["controller", "processor"]);
  assert.equal(jd.organisation.dpo?.email, "dpo@juliedesk.com");
  assert.equal(jd.processorRegister.length, 1);
  assert.equal(jd.processorRegister[0]?.ref, "slash-clients");
  assert.equal(jd.processorRegister[0]?.rightsRequests?.channel, "support");

  const automated = jd.activities.filter((a) => a.automatedDecision.automatedDecisionMaking);
  assert.deepEqual(
    automated.map((a) => a.ref),
    ["service-prise-rendez-vous"],
  );
  assert.equal(automated[0]?.dpia.status, "not_screened");

  const transfers = jd.activities.flatMap((a) => a.transfers);
  assert.ok(transfers.length > 0, "§8 transfers are recorded");
  for (const t of transfers) {
    assert.equal(t.mechanism, undefined, t.recipient);
    assert.equal(t.country, undefined, t.recipient);
  }

  const refs = new Set(jd.processors.map((p) => p.ref));
  for (const activity of jd.activities) {
    assert.equal(activity.updatedOn, "2019-03-13", activity.ref);
    for (const rule of activity.retention.rules) assert.equal(rule.duration, undefined, activity.ref);
    for (const r of activity.recipients) {
      if (r.processorRef) assert.ok(refs.has(r.processorRef), `${activity.ref} → ${r.processorRef}`);
    }
  }
});

/** Every object holding only `fr` / `en` keys is an I18nText. */
function collectI18n(value: unknown, path: string, out: Array<{ path: string; text: object }>): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      collectI18n(item, `${path}[${i}]`, out);
    });
    return;
  }
  if (value === null || typeof value !== "object") return;
  const keys = Object.keys(value);
  if (keys.length > 0 && keys.every((k) => k === "fr" || k === "en")) {
    out.push({ path, text: value });
    return;
  }
  for (const [key, child] of Object.entries(value)) collectI18n(child, `${path}.${key}`, out);
}

test("every free text of every demo file exists in French and English", () => {
  for (const register of registers) {
    const texts: Array<{ path: string; text: object }> = [];
    collectI18n(register, register.organisation.slug, texts);
    assert.ok(texts.length > 10, `${register.organisation.slug} has free texts`);
    for (const { path, text } of texts) {
      const t = text as { fr?: string; en?: string };
      assert.ok(t.fr && t.en, `${path} needs both fr and en`);
    }
  }
});

test("an invalid register file is reported with its file name and the Zod path", () => {
  const dir = mkdtempSync(join(tmpdir(), "gardien-demo-"));
  try {
    const path = join(dir, "broken.yaml");
    writeFileSync(
      path,
      "gardien: 1\norganisation: {slug: broken, legalName: X, country: FR}\nactivities:\n  - ref: a\n    name: {fr: A}\n    retention: {rules: [{duration: 24 mois}]}\n",
    );
    assert.throws(
      () => readRegisterYaml(path),
      (error: Error) => {
        assert.match(error.message, /broken\.yaml/);
        assert.match(error.message, /activities\[0\]\.retention\.rules\[0\]\.duration/);
        return true;
      },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
