import type { Activity } from "../register/model/activity.schema.ts";
import type { RegisterFile } from "../register/model/register-file.schema.ts";
import { SENSITIVE_CATEGORIES, SENSITIVE_CONDITIONS } from "../register/model/vocabulary.ts";
import { automatedDecisionBlocks } from "./describe-automated-decision.ts";
import { dataCategoryItem, dataCategoryName, dataSubjectText } from "./describe-data-categories.ts";
import { legalBasisSpans } from "./describe-legal-basis.ts";
import { organisationIdentity } from "./describe-organisation.ts";
import { recipientBlocks } from "./describe-recipients.ts";
import { retentionList } from "./describe-retention.ts";
import { authoritySpans, rightsItems } from "./describe-rights.ts";
import { securityList } from "./describe-security.ts";
import { transferBlocks } from "./describe-transfers.ts";
import {
  type Block,
  type GardienDocument,
  type Lang,
  list,
  paragraph,
  type Rich,
  type Section,
  type Span,
  section,
} from "./document-model.ts";
import { gapAlone, t, tOpt } from "./document-text.ts";
import { latestDate } from "./format-date.ts";
import { organisationName } from "./format-identity.ts";
import { labelsFor } from "./labels.ts";
import { policyLabelsFor } from "./labels-policy.ts";

/** Main purpose first, then the others in register order. */
export function orderedPurposes(activity: Activity): Activity["purposes"] {
  return [...activity.purposes].sort((a, b) => Number(b.main) - Number(a.main));
}

/**
 * The legal basis of an activity: one sentence when every purpose shares it, else one line per basis naming
 * the purposes it covers.
 */
export function legalBasisBlock(activity: Activity, lang: Lang): Block {
  const l = labelsFor(lang);
  const purposes = orderedPurposes(activity);
  if (purposes.length === 0) return paragraph([gapAlone(l.legalBasisMissing)]);
  const groups = new Map<string, { basis: Span[]; purposes: string[] }>();
  for (const p of purposes) {
    const basis = legalBasisSpans(p.legalBasis, lang);
    const key = JSON.stringify(basis);
    const group = groups.get(key) ?? { basis, purposes: [] };
    group.purposes.push(t(p.description, lang));
    groups.set(key, group);
  }
  if (groups.size === 1) return paragraph([...groups.values()][0]!.basis);
  return list([...groups.values()].map((g) => [...g.basis, `${l.colon}${g.purposes.join(" ; ")}`]));
}

function dataCategoryBlock(activity: Activity, lang: Lang): Block {
  const l = labelsFor(lang);
  const items: Rich[] = activity.dataCategories.map((dc) => dataCategoryItem(dc, lang));
  for (const s of activity.sensitiveData.items) {
    const condition = s.condition
      ? ` — ${SENSITIVE_CONDITIONS[s.condition][lang]} (${SENSITIVE_CONDITIONS[s.condition].article})`
      : "";
    items.push(`${l.sensitive}${l.colon}${SENSITIVE_CATEGORIES[s.category][lang]}${condition}`);
  }
  return items.length ? list(items) : paragraph([gapAlone(l.itemsMissing)]);
}

/** One activity of the public register, with the sections of the Régis seed in its order. */
function activitySection(register: RegisterFile, activity: Activity, n: number, lang: Lang): Section {
  const l = labelsFor(lang);
  const id = `activity-${activity.ref}`;
  const purposes = orderedPurposes(activity).map((p) => t(p.description, lang));
  const subjects = activity.dataSubjects.map((ds) => dataSubjectText(ds, lang));
  const name = (cid: string) => {
    const dc = activity.dataCategories.find((d) => d.id === cid);
    return dc ? dataCategoryName(dc, activity, lang) : cid;
  };
  const sub: Section[] = [
    section(`${id}-purposes`, l.purposes, [
      purposes.length === 1
        ? paragraph(purposes[0]!)
        : purposes.length
          ? list(purposes)
          : paragraph([gapAlone(l.notStated)]),
    ]),
    section(`${id}-basis`, l.legalBasis, [legalBasisBlock(activity, lang)]),
    section(`${id}-data`, l.dataCategories, [dataCategoryBlock(activity, lang)]),
    section(`${id}-subjects`, l.dataSubjects, [
      subjects.length ? list(subjects) : paragraph([gapAlone(l.notStated)]),
    ]),
    section(`${id}-recipients`, l.recipients, recipientBlocks(activity, register.processors, lang)),
    section(`${id}-retention`, l.retention, [retentionList(activity, lang)]),
    section(
      `${id}-transfers`,
      l.transfers,
      transferBlocks(activity, lang, `${l.transfers} — ${t(activity.name, lang)}`, name),
    ),
    section(`${id}-security`, l.security, [securityList(activity.securityMeasures, lang)]),
  ];
  const automated = automatedDecisionBlocks(activity, lang);
  if (automated.length) sub.push(section(`${id}-automated`, l.automated, automated));
  const description = tOpt(activity.description, lang);
  return section(id, `${n} – ${t(activity.name, lang)}`, description ? [paragraph(description)] : [], sub);
}

/**
 * The public register of processing activities (model: the Régis seed): the controller's identity and the
 * contact for rights, the list of rights, then each active activity with its purpose, legal basis, data,
 * data subjects, recipients, retention, transfers and security measures (Art. 30(1)). Drafts and archived
 * activities are not published.
 *
 * @example buildPublicRegister(register, { lang: "fr" }).sections.map((s) => s.id) // ["general", "rights", "activities"]
 */
export function buildPublicRegister(register: RegisterFile, options: { lang: Lang }): GardienDocument {
  const { lang } = options;
  const l = labelsFor(lang);
  const p = policyLabelsFor(lang);
  const org = register.organisation;
  const active = register.activities.filter((a) => a.status === "active");
  const rights = section("rights", l.rights, [
    paragraph(l.rightsIntro),
    list(rightsItems(active, lang)),
    paragraph(l.rightsExercise),
    paragraph([`${p.complaint} `, ...authoritySpans(org, lang)]),
  ]);
  const activities = section(
    "activities",
    l.activities,
    active.length ? [] : [paragraph([gapAlone(l.noActivities)])],
    active.map((a, i) => activitySection(register, a, i + 1, lang)),
  );
  const updated = latestDate(active.flatMap((a) => [a.createdOn, a.updatedOn]));
  return {
    format: "gardien-document",
    version: 1,
    kind: "register",
    lang,
    title: l.registerTitle,
    organisation: { slug: org.slug, name: organisationName(org) },
    ...(updated ? { registerUpdatedOn: updated } : {}),
    blocks: [],
    sections: [section("general", l.general, [organisationIdentity(org, lang)]), rights, activities],
  };
}
