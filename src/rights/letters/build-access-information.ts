import { orderedPurposes } from "../../documents/build-public-register.ts";
import { automatedDecisionBlocks } from "../../documents/describe-automated-decision.ts";
import { dataCategoryItem, dataCategoryName } from "../../documents/describe-data-categories.ts";
import { legalBasisSpans } from "../../documents/describe-legal-basis.ts";
import { recipientText } from "../../documents/describe-recipients.ts";
import { retentionList } from "../../documents/describe-retention.ts";
import { transferBlocks } from "../../documents/describe-transfers.ts";
import {
  type Block,
  definitions,
  type Lang,
  list,
  paragraph,
  type Rich,
  type Section,
  section,
} from "../../documents/document-model.ts";
import { gapAlone, joinWords, t, tOpt } from "../../documents/document-text.ts";
import { labelsFor } from "../../documents/labels.ts";
import type { Activity } from "../../register/model/activity.schema.ts";
import type { Organisation } from "../../register/model/organisation.schema.ts";
import type { Processor } from "../../register/model/processor.schema.ts";
import { DATA_SOURCES, SENSITIVE_CATEGORIES } from "../../register/model/vocabulary.ts";
import { applicableRightsItems } from "../applicability/applicable-rights-items.ts";
import { letterLabelsFor } from "./letter-labels.ts";

/** Art. 15(1)(g): where data not collected from the person comes from; what the register does not say, said. */
function sourceLines(activity: Activity, lang: Lang): Rich[] {
  const ll = letterLabelsFor(lang);
  const l = labelsFor(lang);
  const lines: Rich[] = [];
  for (const dc of activity.dataCategories) {
    if (!dc.source || dc.source.kind === "data_subject") continue;
    const detail = tOpt(dc.source.detail, lang);
    const from = DATA_SOURCES[dc.source.kind][lang];
    lines.push(`${dataCategoryName(dc, activity, lang)}${l.colon}${from}${detail ? ` — ${detail}` : ""}`);
  }
  const unstated = activity.dataCategories.filter((dc) => !dc.source);
  if (lines.length === 0 && unstated.length === 0) return [ll.sourceFromYou];
  if (unstated.length) {
    const names = joinWords(
      unstated.map((dc) => dataCategoryName(dc, activity, lang)),
      lang,
    );
    lines.push([gapAlone(ll.sourceUnstated(names))]);
  }
  return lines;
}

function categoryLines(activity: Activity, lang: Lang): Rich[] {
  const lines: Rich[] = activity.dataCategories.map((dc) => dataCategoryItem(dc, lang));
  for (const item of activity.sensitiveData.items) lines.push(SENSITIVE_CATEGORIES[item.category][lang]);
  return lines.length ? lines : [[gapAlone(labelsFor(lang).notStated)]];
}

/** Art. 15(1)(h): the register's description of the logic, its safeguards and effects; a gap when it has none. */
function automatedSection(activity: Activity, lang: Lang): Section | undefined {
  const ad = activity.automatedDecision;
  if (!ad.automatedDecisionMaking && !ad.profiling) return undefined;
  const ll = letterLabelsFor(lang);
  const blocks: Block[] = automatedDecisionBlocks(activity, lang);
  if (!tOpt(ad.description, lang)) blocks.unshift(paragraph([gapAlone(ll.automatedLogicMissing)]));
  return section(`access-${activity.ref}-automated`, ll.automated, blocks);
}

function activitySection(activity: Activity, processors: readonly Processor[], lang: Lang): Section {
  const ll = letterLabelsFor(lang);
  const l = labelsFor(lang);
  const purposes: Rich[] = orderedPurposes(activity).map((p) => [
    `${t(p.description, lang)} — `,
    ...legalBasisSpans(p.legalBasis, lang),
  ]);
  const recipients: Rich[] = activity.recipients.map((r) => recipientText(r, processors, lang));
  if (activity.noThirdPartySharing) recipients.push(l.noThirdPartySharing);
  const retention = retentionList(activity, lang);
  const ad = activity.automatedDecision;
  const items = [
    { term: ll.purposes, details: purposes.length ? purposes : [[gapAlone(l.notStated)]] },
    { term: ll.categories, details: categoryLines(activity, lang) },
    { term: ll.recipients, details: recipients.length ? recipients : [[gapAlone(l.recipientsNone)]] },
    { term: ll.retention, details: retention.type === "list" ? retention.items : [] },
    { term: ll.source, details: sourceLines(activity, lang) },
  ];
  if (!ad.automatedDecisionMaking && !ad.profiling)
    items.push({ term: ll.automated, details: [ll.automatedNone] });
  const dataName = (id: string) => {
    const dc = activity.dataCategories.find((d) => d.id === id);
    return dc ? dataCategoryName(dc, activity, lang) : id;
  };
  const children: Section[] = [
    section(
      `access-${activity.ref}-transfers`,
      ll.transfers,
      transferBlocks(activity, lang, ll.transfersCaption(t(activity.name, lang)), dataName),
    ),
  ];
  const automated = automatedSection(activity, lang);
  if (automated) children.push(automated);
  return section(`access-${activity.ref}`, t(activity.name, lang), [definitions(items)], children);
}

/**
 * The access answer's Art. 15 information, from the register, for the activities that concern the person:
 * per activity, purposes with their legal basis (15(1)(a)), categories (b), recipients (c), retention (d),
 * source (g), transfers and their safeguards (15(2)), automated decisions and the logic involved (h); then the
 * rights that apply to those activities and the complaint to the authority (e, f). Each fact the register lacks
 * is shown as missing, never invented.
 *
 * @example accessInformationSections({ organisation, activities, processors, lang: "fr" })[0]?.title
 */
export function accessInformationSections(input: {
  organisation: Organisation;
  activities: readonly Activity[];
  processors: readonly Processor[];
  lang: Lang;
}): Section[] {
  const { lang } = input;
  const ll = letterLabelsFor(lang);
  const info = section(
    "access-information",
    ll.accessTitle,
    [paragraph(ll.accessIntro)],
    input.activities.map((a) => activitySection(a, input.processors, lang)),
  );
  const rights = section("access-rights", ll.rights, [
    paragraph(ll.rightsIntro),
    // The complaint to the CNIL (Art. 15(1)(f)) is in the rights listed and in the remedies every letter ends with.
    list(applicableRightsItems(input.activities, lang)),
  ]);
  return [info, rights];
}
