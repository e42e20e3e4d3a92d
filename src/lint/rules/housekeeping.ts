/**
 * Keeping the register usable: dates (the CNIL sheet's creation and last-update dates; Art. 24(1) asks for
 * measures "reviewed and updated where necessary"), duplicates, and the two languages documents come out in.
 */
import type { Activity, RegisterFile } from "../../register/model/index.ts";
import { defineRule } from "../lint-types.ts";
import { normaliseText } from "../normalise-text.ts";
import { liveActivities, liveProcessorEntries } from "../walk-register.ts";

type RefParams = { ref: string };

type Dated = { ref: string; path: string; createdOn?: string; updatedOn?: string };

function* datedRecords(register: RegisterFile): Generator<Dated> {
  for (const { activity, path } of liveActivities(register)) yield { ...pickDates(activity), path };
  for (const { entry, path } of liveProcessorEntries(register)) yield { ...pickDates(entry), path };
}

function pickDates(record: { ref: string; createdOn?: string; updatedOn?: string }) {
  return { ref: record.ref, createdOn: record.createdOn, updatedOn: record.updatedOn };
}

/** The same calendar day one year earlier, as a YYYY-MM-DD string that compares with ISO dates. */
function oneYearBefore(day: string): string {
  return `${String(Number(day.slice(0, 4)) - 1).padStart(4, "0")}${day.slice(4)}`;
}

export const updatedMissing = defineRule<RefParams>({
  code: "META-UPDATED-MISSING",
  severity: "warning",
  article: "Art. 30(1); Art. 24(1)",
  title: { fr: "Date de dernière mise à jour absente", en: "Last-update date missing" },
  message: (p) => ({
    fr: `« ${p.ref} » n'a pas de date de dernière mise à jour : rien ne montre que la fiche est tenue à jour.`,
    en: `"${p.ref}" has no last-update date: nothing shows that the record is kept up to date.`,
  }),
  *check(register) {
    for (const r of datedRecords(register)) {
      if (r.updatedOn === undefined) yield { path: `${r.path}.updatedOn`, params: { ref: r.ref } };
    }
  },
});

export const createdMissing = defineRule<RefParams>({
  code: "META-CREATED-MISSING",
  severity: "info",
  article: "Art. 30(1); Art. 5(2)",
  title: { fr: "Date de création absente", en: "Creation date missing" },
  message: (p) => ({
    fr: `« ${p.ref} » n'a pas de date de création.`,
    en: `"${p.ref}" has no creation date.`,
  }),
  *check(register) {
    for (const r of datedRecords(register)) {
      if (r.createdOn === undefined) yield { path: `${r.path}.createdOn`, params: { ref: r.ref } };
    }
  },
});

export const datesInconsistent = defineRule<RefParams>({
  code: "META-DATES-INCONSISTENT",
  severity: "error",
  article: "Art. 5(2)",
  title: { fr: "Mise à jour antérieure à la création", en: "Updated before it was created" },
  message: (p) => ({
    fr: `« ${p.ref} » a une date de dernière mise à jour antérieure à sa date de création.`,
    en: `"${p.ref}" has a last-update date earlier than its creation date.`,
  }),
  *check(register) {
    for (const r of datedRecords(register)) {
      if (r.createdOn !== undefined && r.updatedOn !== undefined && r.updatedOn < r.createdOn) {
        yield { path: `${r.path}.updatedOn`, params: { ref: r.ref } };
      }
    }
  },
});

export const dateInFuture = defineRule<RefParams & { field: string }>({
  code: "META-DATE-FUTURE",
  severity: "warning",
  article: "Art. 5(2)",
  title: { fr: "Date dans le futur", en: "Date in the future" },
  message: (p) => ({
    fr: `« ${p.ref} » porte une date (${p.field}) postérieure à aujourd'hui.`,
    en: `"${p.ref}" carries a date (${p.field}) later than today.`,
  }),
  *check(register, context) {
    for (const r of datedRecords(register)) {
      if (r.createdOn !== undefined && r.createdOn > context.today) {
        yield { path: `${r.path}.createdOn`, params: { ref: r.ref, field: "createdOn" } };
      }
      if (r.updatedOn !== undefined && r.updatedOn > context.today) {
        yield { path: `${r.path}.updatedOn`, params: { ref: r.ref, field: "updatedOn" } };
      }
    }
  },
});

export const reviewOverdue = defineRule<RefParams & { updatedOn: string }>({
  code: "META-REVIEW-OVERDUE",
  severity: "info",
  article: "Art. 24(1)",
  title: { fr: "Fiche non revue depuis plus d'un an", en: "Record not reviewed for over a year" },
  message: (p) => ({
    fr: `« ${p.ref} » n'a pas été mise à jour depuis le ${p.updatedOn} : revoyez-la au moins une fois par an.`,
    en: `"${p.ref}" has not been updated since ${p.updatedOn}: review it at least once a year.`,
  }),
  *check(register, context) {
    const cutoff = oneYearBefore(context.today);
    for (const r of datedRecords(register)) {
      if (r.updatedOn !== undefined && r.updatedOn < cutoff) {
        yield { path: `${r.path}.updatedOn`, params: { ref: r.ref, updatedOn: r.updatedOn } };
      }
    }
  },
});

/** Same purposes, data categories and data subjects: the same processing described twice. */
function signature(activity: Activity): string | undefined {
  if (activity.purposes.length === 0) return undefined;
  const purposes = activity.purposes
    .map((p) => normaliseText(p.description.fr ?? p.description.en ?? ""))
    .sort();
  const data = [...new Set(activity.dataCategories.map((c) => c.category))].sort();
  const subjects = [...new Set(activity.dataSubjects.map((s) => s.category))].sort();
  return `${purposes.join("\u0000")}\u0001${data.join(",")}\u0001${subjects.join(",")}`;
}

export const duplicateActivity = defineRule<RefParams & { first: string }>({
  code: "META-ACTIVITY-DUPLICATE",
  severity: "warning",
  article: "Art. 30(1)",
  title: { fr: "Activité en double", en: "Duplicate activity" },
  message: (p) => ({
    fr: `L'activité « ${p.ref} » semble décrire le même traitement que « ${p.first} » (même nom, ou mêmes finalités, données et personnes).`,
    en: `Activity "${p.ref}" seems to describe the same processing as "${p.first}" (same name, or same purposes, data and data subjects).`,
  }),
  *check(register) {
    // One hash map of normalised keys: linear in the number of activities.
    const seen = new Map<string, string>();
    for (const { activity, path } of liveActivities(register)) {
      const keys: string[] = [];
      if (activity.name.fr !== undefined) keys.push(`n:${normaliseText(activity.name.fr)}`);
      if (activity.name.en !== undefined) keys.push(`n:${normaliseText(activity.name.en)}`);
      const sig = signature(activity);
      if (sig !== undefined) keys.push(`s:${sig}`);
      let first: string | undefined;
      for (const key of keys) {
        first ??= seen.get(key);
        if (!seen.has(key)) seen.set(key, activity.ref);
      }
      if (first !== undefined) yield { path, params: { ref: activity.ref, first } };
    }
  },
});

type Missing = { fr: number; en: number };

/** Counts the texts of a value that lack French or English. Only I18nText objects have `fr`/`en` keys. */
function countMissing(value: unknown, acc: Missing): void {
  if (Array.isArray(value)) {
    for (const item of value) countMissing(item, acc);
    return;
  }
  if (value === null || typeof value !== "object") return;
  const record = value as Record<string, unknown>;
  if (typeof record.fr === "string" || typeof record.en === "string") {
    if (typeof record.fr !== "string") acc.fr++;
    if (typeof record.en !== "string") acc.en++;
    return;
  }
  for (const key in record) countMissing(record[key], acc);
}

export const translationMissing = defineRule<RefParams & { fr: number; en: number }>({
  code: "I18N-TRANSLATION-MISSING",
  severity: "info",
  article: "Art. 12(1)",
  title: { fr: "Traduction manquante", en: "Missing translation" },
  message: (p) => ({
    fr: `L'activité « ${p.ref} » a ${p.fr} texte(s) sans version française et ${p.en} sans version anglaise : les documents sortent dans les deux langues.`,
    en: `Activity "${p.ref}" has ${p.fr} text(s) without a French version and ${p.en} without an English one: documents come out in both languages.`,
  }),
  *check(register) {
    for (const { activity, path } of liveActivities(register)) {
      const missing = { fr: 0, en: 0 };
      countMissing(activity, missing);
      if (missing.fr > 0 || missing.en > 0) yield { path, params: { ref: activity.ref, ...missing } };
    }
  },
});

export const HOUSEKEEPING_RULES = [
  updatedMissing,
  createdMissing,
  datesInconsistent,
  dateInFuture,
  reviewOverdue,
  duplicateActivity,
  translationMissing,
];
