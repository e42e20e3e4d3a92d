import type { Activity } from "../register/model/activity.schema.ts";
import type { RegisterFile } from "../register/model/register-file.schema.ts";
import {
  collectedSection,
  consentSection,
  sharingSection,
  transfersSection,
} from "./build-policy-sections.ts";
import { orderedPurposes } from "./build-public-register.ts";
import { automatedDecisionBlocks } from "./describe-automated-decision.ts";
import { legalBasisSpans } from "./describe-legal-basis.ts";
import { organisationIdentity } from "./describe-organisation.ts";
import { retentionTable } from "./describe-retention.ts";
import { authoritySpans, rightsContactSpans, rightsItems } from "./describe-rights.ts";
import { securityList } from "./describe-security.ts";
import {
  type Block,
  type Cell,
  definitions,
  type GardienDocument,
  type Lang,
  list,
  mailto,
  paragraph,
  type Section,
  section,
} from "./document-model.ts";
import { gapAlone, t, textBlocks, tOpt, unique } from "./document-text.ts";
import { formatDate, latestDate } from "./format-date.ts";
import { organisationName } from "./format-identity.ts";
import { labelsFor } from "./labels.ts";
import { policyLabelsFor } from "./labels-policy.ts";

/** Each purpose once with its legal basis and the activities that pursue it; then Art. 22 decisions. */
function purposesSection(activities: readonly Activity[], lang: Lang): Section {
  const l = labelsFor(lang);
  const p = policyLabelsFor(lang);
  const rows = new Map<string, { cells: Cell[]; used: string[] }>();
  for (const a of activities) {
    for (const purpose of orderedPurposes(a)) {
      const basis = legalBasisSpans(purpose.legalBasis, lang);
      const key = `${t(purpose.description, lang)}|${JSON.stringify(basis)}`;
      const row = rows.get(key) ?? { cells: [t(purpose.description, lang), basis], used: [] };
      row.used.push(t(a.name, lang));
      rows.set(key, row);
    }
  }
  const blocks: Block[] = rows.size
    ? [
        {
          type: "table",
          caption: p.purposesCaption,
          head: [l.purpose, l.legalBasis, p.processing],
          rows: [...rows.values()].map((r) => [...r.cells, { lines: unique(r.used) }]),
          rowHeader: true,
        },
      ]
    : [paragraph([gapAlone(l.notStated)])];
  // Art. 13(2)(f): the existence of automated decision-making is stated wherever the register records it.
  const automated = activities.flatMap((a) => {
    const detail = automatedDecisionBlocks(a, lang);
    return detail.length ? [paragraph([{ strong: t(a.name, lang) }]), ...detail] : [];
  });
  const sub = automated.length ? [section("automated", l.automated, automated)] : [];
  const described = activities.flatMap((a) => {
    const description = tOpt(a.description, lang);
    return description ? [paragraph([{ strong: t(a.name, lang) }]), ...textBlocks(description)] : [];
  });
  if (described.length) sub.unshift(section("activities", p.activitiesDescribed, described));
  return section("purposes", p.purposes, blocks, sub);
}

function rightsSection(register: RegisterFile, activities: readonly Activity[], lang: Lang): Section {
  const l = labelsFor(lang);
  const p = policyLabelsFor(lang);
  const org = register.organisation;
  const blocks: Block[] = [
    paragraph(p.rightsIntro),
    list(rightsItems(activities, lang)),
    paragraph([`${p.exercise} `, ...rightsContactSpans(org, lang)]),
  ];
  // The DPO's address is owed to every data subject (Art. 13(1)(b)), even when rights go through another channel.
  if (org.dpo?.email && org.rightsContact?.email !== org.dpo.email) {
    const term = org.dpo.designated === false ? l.privacyContact : l.dpo;
    blocks.push(paragraph([`${term}${l.colon}`, mailto(org.dpo.email)]));
  }
  blocks.push(paragraph(p.deadline), paragraph([`${p.complaint} `, ...authoritySpans(org, lang)]));
  return section("rights", p.rights, blocks);
}

function rolesSection(register: RegisterFile, lang: Lang): Section {
  const l = labelsFor(lang);
  const p = policyLabelsFor(lang);
  const org = register.organisation;
  const name = organisationName(org);
  const blocks: Block[] = [paragraph(p.controllerRole(name)), organisationIdentity(org, lang)];
  const entries = register.processorRegister.filter((e) => e.status === "active");
  if (!org.roles.includes("processor") && entries.length === 0) return section("roles", p.roles, blocks);
  blocks.push(paragraph(p.processorRole(name)));
  const sub = entries.map((e) => {
    const description = tOpt(e.controller.description, lang);
    const categories = e.processingCategories.flatMap((c) => textBlocks(t(c.description, lang)));
    return section(`roles-${e.ref}`, l.onBehalfOf(e.controller.name), [
      ...(description ? textBlocks(description) : []),
      ...categories,
    ]);
  });
  return section("roles", p.roles, blocks, sub);
}

function changesSection(register: RegisterFile, updated: string | undefined, lang: Lang): Section {
  const l = labelsFor(lang);
  const p = policyLabelsFor(lang);
  const org = register.organisation;
  const blocks: Block[] = [paragraph(p.changesGenerated(organisationName(org)))];
  const changes = tOpt(org.privacyPolicyChanges, lang);
  if (changes) blocks.push(paragraph(changes));
  blocks.push(
    definitions([
      { term: p.lastUpdate, details: [updated ? formatDate(updated, lang) : [gapAlone(l.notStated)]] },
    ]),
  );
  return section("changes", p.changes, blocks);
}

/**
 * The privacy policy (model: the Julie Desk / Slash policy; Art. 12-14): data collected per source, purposes and
 * legal bases (with Art. 22 decisions), retention per category with a concrete period or the plain statement
 * that none is defined, sharing and processors, security, rights and how to exercise them (with the authority),
 * consent and its withdrawal, transfers and safeguards, controller and processor roles, changes. Built from the
 * active activities only.
 *
 * @example buildPrivacyPolicy(register, { lang: "en" }).sections.map((s) => s.id)
 */
export function buildPrivacyPolicy(register: RegisterFile, options: { lang: Lang }): GardienDocument {
  const { lang } = options;
  const l = labelsFor(lang);
  const p = policyLabelsFor(lang);
  const org = register.organisation;
  const activities = register.activities.filter((a) => a.status === "active");
  const entries = register.processorRegister.filter((e) => e.status === "active");
  const updated = latestDate([...activities, ...entries].flatMap((x) => [x.createdOn, x.updatedOn]));
  const retention = section(
    "retention",
    p.retention,
    activities.length ? [] : [paragraph([gapAlone(l.noActivities)])],
    activities.map((a) =>
      section(`retention-${a.ref}`, t(a.name, lang), [
        retentionTable(a, lang, `${l.retentionTable} — ${t(a.name, lang)}`),
      ]),
    ),
  );
  const measures = activities.flatMap((a) => a.securityMeasures);
  return {
    format: "gardien-document",
    version: 1,
    kind: "privacy",
    lang,
    title: p.policyTitle,
    organisation: { slug: org.slug, name: organisationName(org) },
    ...(updated ? { registerUpdatedOn: updated } : {}),
    blocks: [paragraph(p.policyIntro(organisationName(org)))],
    sections: [
      collectedSection(activities, lang),
      purposesSection(activities, lang),
      retention,
      sharingSection(register, activities, lang),
      section("security", p.security, [securityList(measures, lang)]),
      rightsSection(register, activities, lang),
      consentSection(activities, lang),
      transfersSection(activities, lang),
      rolesSection(register, lang),
      changesSection(register, updated, lang),
    ],
  };
}
