import { formatDuration } from "../documents/format-duration.ts";
import { diffDocuments } from "../register/history/diff-documents.ts";
import type { Activity } from "../register/model/activity.schema.ts";
import type { RegisterFile } from "../register/model/register-file.schema.ts";
import { ACTIVITY_STATUSES, LEGAL_BASES } from "../register/model/vocabulary.ts";
import type { ChangeLine } from "./publication-types.ts";
import { recipientKey, say, textKey, transferKey } from "./register-keys.ts";
import { retentionByCategory } from "./retention-by-category.ts";

/** Readable names of the fields that get no dedicated line, for the "other changes" line. */
const FIELD_LABELS: Readonly<Record<string, ChangeLine>> = {
  name: { fr: "nom", en: "name" },
  description: { fr: "description", en: "description" },
  software: { fr: "logiciels", en: "software" },
  jointControllers: { fr: "responsables conjoints", en: "joint controllers" },
  purposes: { fr: "finalités", en: "purposes" },
  dataSubjects: { fr: "personnes concernées", en: "data subjects" },
  dataCategories: { fr: "catégories de données", en: "data categories" },
  sensitiveData: { fr: "données sensibles", en: "sensitive data" },
  retention: { fr: "durées de conservation", en: "retention" },
  recipients: { fr: "destinataires", en: "recipients" },
  transfers: { fr: "transferts", en: "transfers" },
  noThirdPartySharing: { fr: "partage avec des tiers", en: "third-party sharing" },
  noTransferOutsideEea: { fr: "transferts hors EEE", en: "transfers outside the EEA" },
  securityMeasures: { fr: "mesures de sécurité", en: "security measures" },
  automatedDecision: { fr: "décision automatisée", en: "automated decision" },
  dpia: { fr: "analyse d'impact", en: "impact assessment" },
  notes: { fr: "notes", en: "notes" },
  notice: { fr: "mention d'information", en: "information notice" },
};

function topLevelKeys(before: unknown, after: unknown): string[] {
  const keys = diffDocuments(before, after).map((c) => /^[^.[]+/.exec(c.path)?.[0] ?? c.path);
  return [...new Set(keys)].filter((k) => k !== "updatedOn" && k !== "createdOn");
}

function fieldList(keys: readonly string[], lang: "fr" | "en"): string {
  return keys.map((k) => FIELD_LABELS[k]?.[lang] ?? k).join(", ");
}

const basis = (code: string | undefined, lang: "fr" | "en") =>
  code === undefined
    ? lang === "fr"
      ? "non précisée"
      : "not stated"
    : (LEGAL_BASES[code as keyof typeof LEGAL_BASES]?.[lang] ?? code);

/** Lines for the parts of an activity that a reader cares about one by one; the rest is grouped. */
function activityLines(prev: Activity, next: Activity): ChangeLine[] {
  const n = { fr: say(next.name, "fr"), en: say(next.name, "en") };
  const lines: ChangeLine[] = [];
  const handled = new Set<string>(["ref"]);
  const line = (fr: string, en: string) => lines.push({ fr, en });

  if (prev.status !== next.status) {
    handled.add("status");
    line(
      `Activité « ${n.fr} » : statut ${ACTIVITY_STATUSES[prev.status].fr} → ${ACTIVITY_STATUSES[next.status].fr}`,
      `Activity "${n.en}": status ${ACTIVITY_STATUSES[prev.status].en} → ${ACTIVITY_STATUSES[next.status].en}`,
    );
  }

  const before = lines.length;
  const prevPurposes = new Map(prev.purposes.map((p) => [textKey(p.description), p]));
  const nextPurposes = new Set(next.purposes.map((p) => textKey(p.description)));
  for (const p of next.purposes) {
    const was = prevPurposes.get(textKey(p.description));
    const d = { fr: say(p.description, "fr"), en: say(p.description, "en") };
    if (!was)
      line(
        `Finalité « ${d.fr} » ajoutée à l'activité « ${n.fr} »`,
        `Purpose "${d.en}" added to activity "${n.en}"`,
      );
    else if (was.legalBasis?.code !== p.legalBasis?.code) {
      line(
        `Base légale de la finalité « ${d.fr} » (activité « ${n.fr} ») : ${basis(was.legalBasis?.code, "fr")} → ${basis(p.legalBasis?.code, "fr")}`,
        `Legal basis of purpose "${d.en}" (activity "${n.en}"): ${basis(was.legalBasis?.code, "en")} → ${basis(p.legalBasis?.code, "en")}`,
      );
    }
  }
  for (const p of prev.purposes) {
    if (nextPurposes.has(textKey(p.description))) continue;
    line(
      `Finalité « ${say(p.description, "fr")} » retirée de l'activité « ${n.fr} »`,
      `Purpose "${say(p.description, "en")}" removed from activity "${n.en}"`,
    );
  }
  if (lines.length > before) handled.add("purposes");

  const mark = lines.length;
  const was = retentionByCategory(prev);
  const now = retentionByCategory(next);
  for (const id of new Set([...was.keys(), ...now.keys()])) {
    const [a, b] = [was.get(id), now.get(id)];
    if (a === b) continue;
    const c = next.dataCategories.find((x) => x.id === id) ?? prev.dataCategories.find((x) => x.id === id);
    const cat = {
      fr: say(c?.label, "fr", say(c?.description, "fr", id)),
      en: say(c?.label, "en", say(c?.description, "en", id)),
    };
    const fmt = (v: string | undefined, lang: "fr" | "en") =>
      v ? formatDuration(v, lang) : lang === "fr" ? "non précisée" : "not stated";
    line(
      `Conservation de la catégorie « ${cat.fr} » dans l'activité « ${n.fr} » : ${fmt(a, "fr")} → ${fmt(b, "fr")}`,
      `Retention of category "${cat.en}" in activity "${n.en}": ${fmt(a, "en")} → ${fmt(b, "en")}`,
    );
  }
  if (lines.length > mark) handled.add("retention");

  const recipientName = (r: Activity["recipients"][number], l: "fr" | "en") => say(r.name, l);
  const transferName = (x: Activity["transfers"][number]) =>
    `${x.recipient} (${x.country ?? x.internationalOrganisation ?? "?"})`;
  const kinds = [
    addedRemoved(
      prev.recipients,
      next.recipients,
      recipientKey,
      recipientName,
      { fr: "Destinataire", en: "Recipient" },
      n,
    ),
    addedRemoved(
      prev.transfers,
      next.transfers,
      transferKey,
      transferName,
      { fr: "Transfert vers", en: "Transfer to" },
      n,
    ),
  ];
  for (const [key, found] of [
    ["recipients", kinds[0]],
    ["transfers", kinds[1]],
  ] as const) {
    if (found && found.length > 0) {
      handled.add(key);
      lines.push(...found);
    }
  }

  const rest = topLevelKeys(prev, next).filter((k) => !handled.has(k));
  if (rest.length > 0) {
    line(
      `Activité « ${n.fr} » modifiée : ${fieldList(rest, "fr")}`,
      `Activity "${n.en}" changed: ${fieldList(rest, "en")}`,
    );
  }
  return lines;
}

/** "Recipient X added to activity Y" and "… removed from …", items recognised by their key. */
function addedRemoved<T>(
  before: readonly T[],
  after: readonly T[],
  keyOf: (item: T) => string,
  nameOf: (item: T, lang: "fr" | "en") => string,
  label: ChangeLine,
  activity: ChangeLine,
): ChangeLine[] {
  const had = new Set(before.map(keyOf));
  const has = new Set(after.map(keyOf));
  const lines: ChangeLine[] = [];
  for (const i of after) {
    if (had.has(keyOf(i))) continue;
    lines.push({
      fr: `${label.fr} « ${nameOf(i, "fr")} » ajouté à l'activité « ${activity.fr} »`,
      en: `${label.en} "${nameOf(i, "en")}" added to activity "${activity.en}"`,
    });
  }
  for (const i of before) {
    if (has.has(keyOf(i))) continue;
    lines.push({
      fr: `${label.fr} « ${nameOf(i, "fr")} » retiré de l'activité « ${activity.fr} »`,
      en: `${label.en} "${nameOf(i, "en")}" removed from activity "${activity.en}"`,
    });
  }
  return lines;
}

/** Documents with a ref and a name, compared whole: added, removed, changed. */
function listLines<T extends { ref: string; status?: string }>(
  before: readonly T[],
  after: readonly T[],
  what: ChangeLine,
  nameOf: (item: T, lang: "fr" | "en") => string,
  detail?: (prev: T, next: T) => ChangeLine[],
): ChangeLine[] {
  const lines: ChangeLine[] = [];
  const prev = new Map(before.filter(isLive).map((i) => [i.ref, i]));
  const next = new Map(after.filter(isLive).map((i) => [i.ref, i]));
  for (const [ref, item] of next) {
    const was = prev.get(ref);
    if (!was)
      lines.push({
        fr: `${what.fr} « ${nameOf(item, "fr")} » ajouté(e)`,
        en: `${what.en} "${nameOf(item, "en")}" added`,
      });
    else if (detail) lines.push(...detail(was, item));
    else if (topLevelKeys(was, item).length > 0) {
      lines.push({
        fr: `${what.fr} « ${nameOf(item, "fr")} » modifié(e)`,
        en: `${what.en} "${nameOf(item, "en")}" changed`,
      });
    }
  }
  for (const [ref, item] of prev) {
    if (!next.has(ref))
      lines.push({
        fr: `${what.fr} « ${nameOf(item, "fr")} » retiré(e)`,
        en: `${what.en} "${nameOf(item, "en")}" removed`,
      });
  }
  return lines;
}

function isLive(item: { status?: string }): boolean {
  return item.status !== "archived";
}

/**
 * The summary of a publication: what changed in the register since the previous version, one readable line
 * per change, in French and English. Built from the field-level diff, with dedicated lines for what people
 * read a register for (purposes, legal bases, retention, recipients, transfers); archived entries count as removed.
 *
 * @example summariseChanges(v1, v2) // [{ fr: "Activité « CRM » ajoutée", en: 'Activity "CRM" added' }]
 */
export function summariseChanges(before: RegisterFile | undefined, after: RegisterFile): ChangeLine[] {
  if (!before) return [{ fr: "Première publication du registre", en: "First publication of the register" }];
  const lines: ChangeLine[] = [];
  const orgKeys = topLevelKeys(before.organisation, after.organisation);
  if (orgKeys.length > 0) {
    lines.push({
      fr: `Informations sur l'organisation modifiées : ${orgKeys.join(", ")}`,
      en: `Organisation details changed: ${orgKeys.join(", ")}`,
    });
  }
  lines.push(
    ...listLines(
      before.activities,
      after.activities,
      { fr: "Activité", en: "Activity" },
      (a, l) => say(a.name, l),
      activityLines,
    ),
    ...listLines(
      before.processors,
      after.processors,
      { fr: "Sous-traitant ou destinataire", en: "Processor or recipient" },
      (p) => p.name,
    ),
    ...listLines(
      before.processorRegister,
      after.processorRegister,
      { fr: "Entrée du registre des sous-traitants", en: "Processor-register entry" },
      (e) => e.controller.name,
    ),
  );
  return lines;
}
