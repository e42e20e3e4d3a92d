import { formatDuration } from "../documents/format-duration.ts";
import type { Activity } from "../register/model/activity.schema.ts";
import type { RegisterFile } from "../register/model/register-file.schema.ts";
import { LEGAL_BASES } from "../register/model/vocabulary.ts";
import type { MaterialChange } from "./publication-types.ts";
import { recipientKey, say, textKey, transferKey } from "./register-keys.ts";
import { isLonger, retentionByCategory } from "./retention-by-category.ts";

/** Only active activities reach the public documents: a draft changes nobody's rights until it is active. */
function publicActivities(register: RegisterFile | undefined): Map<string, Activity> {
  return new Map((register?.activities ?? []).filter((a) => a.status === "active").map((a) => [a.ref, a]));
}

function basisLabel(code: string | undefined, lang: "fr" | "en"): string {
  if (code === undefined) return lang === "fr" ? "non précisée" : "not stated";
  return LEGAL_BASES[code as keyof typeof LEGAL_BASES]?.[lang] ?? code;
}

function categoryName(activity: Activity, id: string, lang: "fr" | "en"): string {
  const c = activity.dataCategories.find((d) => d.id === id);
  return say(c?.label, lang, say(c?.description, lang, id));
}

/**
 * The changes between two published versions that affect people's rights (Art. 13(3), 14(4): new purposes
 * must be announced; Art. 12(1): transparent information on recipients, transfers, retention and legal basis):
 * a new purpose, a new category of recipients, a new transfer, a longer retention, a changed legal basis.
 * An activity that becomes active brings all of its purposes, recipients and transfers. Removals and shorter
 * retention are changes too, but they take nothing away from anyone: they are not material. The first version
 * changes nothing that anyone was told before: it has no material change.
 */
export function detectMaterialChanges(
  before: RegisterFile | undefined,
  after: RegisterFile,
): MaterialChange[] {
  const out: MaterialChange[] = [];
  if (!before) return out;
  const old = publicActivities(before);
  for (const activity of publicActivities(after).values()) {
    const prev = old.get(activity.ref);
    const name = { fr: say(activity.name, "fr"), en: say(activity.name, "en") };
    const add = (kind: MaterialChange["kind"], fr: string, en: string) =>
      out.push({ kind, activity: activity.ref, fr, en });

    const prevPurposes = new Map((prev?.purposes ?? []).map((p) => [textKey(p.description), p]));
    for (const purpose of activity.purposes) {
      const p = { fr: say(purpose.description, "fr"), en: say(purpose.description, "en") };
      const match = prevPurposes.get(textKey(purpose.description));
      if (!match) {
        add(
          "purpose_added",
          `Nouvelle finalité dans l'activité « ${name.fr} » : ${p.fr}`,
          `New purpose in activity "${name.en}": ${p.en}`,
        );
      } else if (match.legalBasis?.code !== purpose.legalBasis?.code) {
        const [b, a] = [match.legalBasis?.code, purpose.legalBasis?.code];
        add(
          "legal_basis_changed",
          `Base légale de la finalité « ${p.fr} » (activité « ${name.fr} ») : ${basisLabel(b, "fr")} → ${basisLabel(a, "fr")}`,
          `Legal basis of purpose "${p.en}" (activity "${name.en}"): ${basisLabel(b, "en")} → ${basisLabel(a, "en")}`,
        );
      }
    }

    const prevRecipients = new Set((prev?.recipients ?? []).map(recipientKey));
    for (const r of activity.recipients) {
      if (prevRecipients.has(recipientKey(r))) continue;
      add(
        "recipient_added",
        `Nouveau destinataire dans l'activité « ${name.fr} » : ${say(r.name, "fr")}`,
        `New recipient in activity "${name.en}": ${say(r.name, "en")}`,
      );
    }

    const prevTransfers = new Set((prev?.transfers ?? []).map(transferKey));
    for (const t of activity.transfers) {
      if (prevTransfers.has(transferKey(t))) continue;
      const where = t.country ?? t.internationalOrganisation ?? "?";
      add(
        "transfer_added",
        `Nouveau transfert hors de l'UE dans l'activité « ${name.fr} » : ${t.recipient} (${where})`,
        `New transfer outside the EU in activity "${name.en}": ${t.recipient} (${where})`,
      );
    }

    if (!prev) continue;
    const was = retentionByCategory(prev);
    for (const [id, duration] of retentionByCategory(activity)) {
      const before = was.get(id);
      if (before === undefined || !isLonger(duration, before)) continue;
      add(
        "retention_longer",
        `Conservation de la catégorie « ${categoryName(activity, id, "fr")} » dans l'activité « ${name.fr} » : ${formatDuration(before, "fr")} → ${formatDuration(duration, "fr")}`,
        `Retention of category "${categoryName(activity, id, "en")}" in activity "${name.en}": ${formatDuration(before, "en")} → ${formatDuration(duration, "en")}`,
      );
    }
    const [maxBefore, maxAfter] = [prev.retention.maximum, activity.retention.maximum];
    if (maxBefore && maxAfter && isLonger(maxAfter, maxBefore)) {
      add(
        "retention_longer",
        `Durée maximale de conservation de l'activité « ${name.fr} » : ${formatDuration(maxBefore, "fr")} → ${formatDuration(maxAfter, "fr")}`,
        `Maximum retention of activity "${name.en}": ${formatDuration(maxBefore, "en")} → ${formatDuration(maxAfter, "en")}`,
      );
    }
  }
  return out;
}
