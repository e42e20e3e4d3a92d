import { notFound } from "../errors/app-error.ts";
import type { Activity } from "../register/model/activity.schema.ts";
import type { RegisterFile } from "../register/model/register-file.schema.ts";
import {
  ACTIVITY_STATUSES,
  DATA_SUBJECT_CATEGORIES,
  SENSITIVE_CATEGORIES,
  SENSITIVE_CONDITIONS,
} from "../register/model/vocabulary.ts";
import { orderedPurposes } from "./build-public-register.ts";
import { automatedDecisionBlocks } from "./describe-automated-decision.ts";
import { collectedDataRows, dataCategoryName, dataSubjectText } from "./describe-data-categories.ts";
import { legalBasisSpans } from "./describe-legal-basis.ts";
import { organisationIdentity } from "./describe-organisation.ts";
import { recipientText } from "./describe-recipients.ts";
import { retentionTable } from "./describe-retention.ts";
import { securityByCategory } from "./describe-security.ts";
import { transferBlocks } from "./describe-transfers.ts";
import {
  type Block,
  type Cell,
  definitions,
  type GardienDocument,
  type Lang,
  list,
  paragraph,
  type Rich,
  type Section,
  section,
} from "./document-model.ts";
import { gapAlone, t, tOpt } from "./document-text.ts";
import { formatDate, latestDate } from "./format-date.ts";
import { organisationName } from "./format-identity.ts";
import { labelsFor } from "./labels.ts";

const orGap = (items: Rich[], gapText: string): Block =>
  items.length ? list(items) : paragraph([gapAlone(gapText)]);

function sensitiveBlocks(activity: Activity, lang: Lang): Block[] {
  const l = labelsFor(lang);
  const { processed, items } = activity.sensitiveData;
  const answer: Rich =
    items.length || processed ? l.yes : processed === false ? l.no : [gapAlone(l.notStated)];
  const blocks: Block[] = [definitions([{ term: l.sensitiveQuestion, details: [answer] }])];
  if (items.length) {
    const rows: Cell[][] = items.map((s) => [
      `${SENSITIVE_CATEGORIES[s.category][lang]} (${SENSITIVE_CATEGORIES[s.category].article})`,
      s.condition
        ? `${SENSITIVE_CONDITIONS[s.condition][lang]} (${SENSITIVE_CONDITIONS[s.condition].article})`
        : [gapAlone(l.notStated)],
      tOpt(s.justification, lang) ?? "—",
    ]);
    blocks.push({
      type: "table",
      caption: l.sensitive,
      head: [l.category, l.sensitiveCondition, l.justification],
      rows,
      rowHeader: true,
    });
  }
  return blocks;
}

/** The CNIL's three groups of recipients: internal, external bodies, processors. */
function recipientGroups(register: RegisterFile, activity: Activity, lang: Lang): Block {
  const l = labelsFor(lang);
  const text = (kinds: string[]) =>
    activity.recipients
      .filter((r) => kinds.includes(r.kind))
      .map((r): Rich => recipientText(r, register.processors, lang));
  const external = text(["partner", "authority", "third_country", "other"]);
  if (activity.noThirdPartySharing) external.push(l.noThirdPartySharing);
  const none: Rich[] = [[gapAlone(l.recipientsNone)]];
  const groups: [string, Rich[]][] = [
    [l.internalRecipients, text(["internal"])],
    [l.externalRecipients, external],
    [l.processorRecipients, text(["processor"])],
  ];
  return definitions(groups.map(([term, items]) => ({ term, details: items.length ? items : none })));
}

/**
 * The sections of one CNIL register sheet, in the CNIL's order (gdpr-reference §1), each once: the seed sheet
 * repeats whole sections, a generated one cannot, since each section is built from one field of the register.
 */
function sheetSections(register: RegisterFile, activity: Activity, lang: Lang, prefix: string): Section[] {
  const l = labelsFor(lang);
  const date = (d: string | undefined): Rich => (d ? formatDate(d, lang) : [gapAlone(l.notStated)]);
  const name = (id: string) => {
    const dc = activity.dataCategories.find((d) => d.id === id);
    return dc ? dataCategoryName(dc, activity, lang) : id;
  };
  const identity: Block[] = [
    definitions([
      { term: l.activityName, details: [t(activity.name, lang)] },
      { term: l.reference, details: [activity.ref] },
      { term: l.createdOn, details: [date(activity.createdOn)] },
      { term: l.updatedOn, details: [date(activity.updatedOn)] },
      { term: l.status, details: [ACTIVITY_STATUSES[activity.status][lang]] },
    ]),
  ];
  const description = tOpt(activity.description, lang);
  if (description) identity.push(paragraph(description));
  const controller: Block[] = [organisationIdentity(register.organisation, lang)];
  if (activity.jointControllers.length) {
    controller.push(definitions([{ term: l.jointControllers, details: activity.jointControllers }]));
  }
  const purposeRows: Cell[][] = orderedPurposes(activity).map((p) => [
    t(p.description, lang),
    p.main ? l.mainPurpose : l.subPurpose,
    legalBasisSpans(p.legalBasis, lang),
  ]);
  const objectives: Block = purposeRows.length
    ? {
        type: "table",
        caption: l.objectives,
        head: [l.purpose, l.purposeKind, l.legalBasis],
        rows: purposeRows,
        rowHeader: true,
      }
    : paragraph([gapAlone(l.notStated)]);
  const subjects = activity.dataSubjects.map((ds) =>
    ds.label
      ? `${dataSubjectText(ds, lang)} (${DATA_SUBJECT_CATEGORIES[ds.category][lang]})`
      : dataSubjectText(ds, lang),
  );
  const collected = collectedDataRows(activity, lang);
  const transferAnswer: Rich = activity.transfers.length
    ? l.yes
    : activity.noTransferOutsideEea
      ? l.no
      : [gapAlone(l.notStated)];
  const sections: Section[] = [
    section(`${prefix}activity`, l.sheetActivity, identity),
    section(`${prefix}controller`, l.controller, controller),
    section(`${prefix}software`, l.software, [orGap(activity.software, l.notStated)]),
    section(`${prefix}objectives`, l.objectives, [objectives]),
    section(`${prefix}subjects`, l.dataSubjects, [orGap(subjects, l.notStated)]),
    section(`${prefix}data`, l.collectedData, [
      collected.length
        ? {
            type: "table",
            caption: l.collectedData,
            head: [l.category, l.items],
            rows: collected,
            rowHeader: true,
          }
        : paragraph([gapAlone(l.itemsMissing)]),
    ]),
    section(`${prefix}sensitive`, l.sensitive, sensitiveBlocks(activity, lang)),
    section(`${prefix}retention`, l.sheetRetention, [retentionTable(activity, lang, l.sheetRetention)]),
    section(`${prefix}recipients`, l.sheetRecipients, [recipientGroups(register, activity, lang)]),
    section(`${prefix}transfers`, l.sheetTransfers, [
      definitions([{ term: l.transferQuestion, details: [transferAnswer] }]),
      ...(activity.transfers.length ? transferBlocks(activity, lang, l.sheetTransfers, name) : []),
    ]),
    section(`${prefix}security`, l.security, [securityByCategory(activity.securityMeasures, lang)]),
  ];
  const automated = automatedDecisionBlocks(activity, lang);
  if (automated.length) sections.push(section(`${prefix}automated`, l.automated, automated));
  return sections;
}

/**
 * The CNIL register sheet ("fiche de registre", model: the LoGeAs seed) of one activity, or of every activity
 * that is not archived when no ref is given (one h2 per activity). Internal document: drafts are included.
 *
 * @example buildRegisterSheets(register, { lang: "fr", activity: "gestion-prospects-clients-fournisseurs" })
 */
export function buildRegisterSheets(
  register: RegisterFile,
  options: { lang: Lang; activity?: string | undefined },
): GardienDocument {
  const { lang } = options;
  const l = labelsFor(lang);
  const org = register.organisation;
  const base = { format: "gardien-document", version: 1, kind: "sheet", lang, blocks: [] } as const;
  const orgRef = { slug: org.slug, name: organisationName(org) };
  if (options.activity !== undefined) {
    const activity = register.activities.find((a) => a.ref === options.activity);
    if (!activity) throw notFound("activity", options.activity);
    const updated = latestDate([activity.createdOn, activity.updatedOn]);
    return {
      ...base,
      title: l.sheetTitle(t(activity.name, lang)),
      organisation: orgRef,
      ...(updated ? { registerUpdatedOn: updated } : {}),
      sections: sheetSections(register, activity, lang, ""),
    };
  }
  const activities = register.activities.filter((a) => a.status !== "archived");
  const updated = latestDate(activities.flatMap((a) => [a.createdOn, a.updatedOn]));
  return {
    ...base,
    title: l.sheetsTitle,
    organisation: orgRef,
    ...(updated ? { registerUpdatedOn: updated } : {}),
    blocks: activities.length ? [] : [paragraph([gapAlone(l.noActivities)])],
    sections: activities.map((a) =>
      section(
        `sheet-${a.ref}`,
        l.sheetTitle(t(a.name, lang)),
        [],
        sheetSections(register, a, lang, `${a.ref}-`),
      ),
    ),
  };
}
