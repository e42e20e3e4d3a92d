import {
  type Block,
  definitions,
  type GardienDocument,
  gap,
  type Lang,
  link,
  list,
  paragraph,
  type Rich,
  type Section,
  section,
} from "../../documents/document-model.ts";
import { joinWords, t, textBlocks } from "../../documents/document-text.ts";
import { formatDate, latestDate } from "../../documents/format-date.ts";
import { organisationName } from "../../documents/format-identity.ts";
import type { Activity } from "../../register/model/activity.schema.ts";
import type { Organisation } from "../../register/model/organisation.schema.ts";
import type { Processor } from "../../register/model/processor.schema.ts";
import type { RequestAssessment } from "../applicability/applicability.types.ts";
import { assessRequest, concernedActivities } from "../applicability/assess-request.ts";
import type { DataSubjectRequest, RequestOutcome } from "../model/request.schema.ts";
import { REQUEST_TYPE_INFO } from "../model/vocabulary.ts";
import { accessInformationSections } from "./build-access-information.ts";
import { articleIn, letterLabelsFor } from "./letter-labels.ts";
import { contactSection, letterHeader, remediesSection } from "./letter-parts.ts";
import { type LetterReasons, reasonIn } from "./letter-reasons.ts";

/**
 * The data package as the letter mentions it: its download link once stored; "pending" in a staff preview;
 * "enclosed" in the readable copy inside the package itself.
 */
export type LetterPackage = { url: string; expiresOn: string } | "pending" | "enclosed" | null;

export type AnswerLetterInput = {
  register: { organisation: Organisation; activities: readonly Activity[]; processors: readonly Processor[] };
  request: Pick<
    DataSubjectRequest,
    "reference" | "type" | "lang" | "receivedOn" | "activityRefs" | "requester"
  >;
  outcome: RequestOutcome;
  /** The date of the letter (YYYY-MM-DD, the organisation's calendar day). */
  date: string;
  /** Defaults to the request's language. */
  lang?: Lang;
  reasons?: LetterReasons | undefined;
  /** Staff's free text for the person, printed as written (escaped by every renderer). */
  staffNote?: string | undefined;
  package?: LetterPackage;
};

/** Staff's reasons: overall first, then per activity, named; a visible gap in a preview that has none yet. */
function reasonItems(input: AnswerLetterInput, lang: Lang): Rich[] {
  const ll = letterLabelsFor(lang);
  const items: Rich[] = [];
  if (input.reasons?.overall) items.push(reasonIn(input.reasons.overall, lang));
  for (const [ref, text] of Object.entries(input.reasons?.activities ?? {})) {
    const activity = input.register.activities.find((a) => a.ref === ref);
    items.push(`${ll.forActivity(activity ? t(activity.name, lang) : ref)}${reasonIn(text, lang)}`);
  }
  return items;
}

function decisionSection(input: AnswerLetterInput, assessed: RequestAssessment, lang: Lang): Section {
  const ll = letterLabelsFor(lang);
  const reasons = reasonItems(input, lang);
  const reasonList = reasons.length ? list(reasons) : paragraph([gap(ll.reasonsMissing)]);
  const done = ll.done[input.request.type];
  const blocks: Block[] = [];
  switch (input.outcome) {
    case "granted":
      blocks.push(paragraph(ll.granted), paragraph(done));
      if (reasons.length) blocks.push(list(reasons));
      break;
    case "partly_granted":
      blocks.push(paragraph(ll.partly), paragraph(ll.partlyDone), paragraph(done));
      blocks.push(paragraph(ll.partlyNotDone), reasonList);
      break;
    case "refused":
      blocks.push(paragraph(ll.refused), reasonList);
      break;
    case "no_action":
      blocks.push(paragraph(ll.noAction), reasonList, paragraph(ll.noActionDeadline));
      break;
  }
  const names = assessed.activities.map((a) => t(a.name, lang));
  blocks.push(paragraph(names.length ? ll.concerned(joinWords(names, lang)) : ll.noActivities));
  return section("decision", ll.decision, blocks);
}

/**
 * Where the right does not apply to an activity, or only in part, the letter says so and why (the register's
 * legal basis, the article), rather than staying silent. Nothing is added when it applies everywhere.
 */
function applicabilitySection(assessed: RequestAssessment, lang: Lang): Section | undefined {
  const ll = letterLabelsFor(lang);
  const blocks: Block[] = [];
  if (assessed.activities.some((a) => a.status !== "applies")) {
    blocks.push(
      paragraph(ll.applicabilityIntro),
      definitions(
        assessed.activities.map((a) => ({
          term: t(a.name, lang),
          details: [ll.status[a.status], ...(a.status === "applies" ? [] : a.reasons.map((r) => r[lang]))],
        })),
      ),
    );
  }
  if (assessed.unknownRefs.length)
    blocks.push(paragraph(ll.unknownActivities(assessed.unknownRefs.join(", "))));
  return blocks.length ? section("applicability", ll.applicability, blocks) : undefined;
}

function packageBlocks(pkg: LetterPackage | undefined, lang: Lang): Block[] {
  const ll = letterLabelsFor(lang);
  if (!pkg) return [paragraph(ll.noPackage)];
  if (pkg === "pending") return [paragraph([gap(ll.packagePending)]), paragraph(ll.packageSafety)];
  if (pkg === "enclosed") return [paragraph(ll.packageEnclosed)];
  return [
    paragraph([ll.packageLink(formatDate(pkg.expiresOn, lang)), link(pkg.url, pkg.url)]),
    paragraph(ll.packageSafety),
  ];
}

/**
 * The answer to a data subject request, as a document (rendered to HTML, Markdown and PDF by
 * src/documents): who answers and how to reach them (the rights contact and DPO of the register), the request's
 * reference and date of receipt, the decision with its reasons (required for refused, partly granted and
 * no action: Art. 12(4)), for each concerned activity where the right does not apply the reason why (from
 * src/rights/applicability), the Art. 15 information for an access answer, the package link for access and
 * portability, staff's own words, and the remedies: complaint to the CNIL (Art. 77) and to the courts (Art. 79).
 *
 * @example renderLetter(buildAnswerLetter({ register, request, outcome: "refused", date: "2027-03-01",
 *   reasons: { overall: "Nous ne détenons aucune donnée vous concernant." } }), "md")
 */
export function buildAnswerLetter(input: AnswerLetterInput): GardienDocument {
  const lang = input.lang ?? input.request.lang;
  const ll = letterLabelsFor(lang);
  const org = input.register.organisation;
  const type = input.request.type;
  const info = REQUEST_TYPE_INFO[type];
  const assessed = assessRequest(input.request, input.register.activities);
  const concerned = concernedActivities(input.request.activityRefs, input.register.activities).activities;
  const sections: Section[] = [decisionSection(input, assessed, lang)];
  const applicability = applicabilitySection(assessed, lang);
  if (applicability) sections.push(applicability);
  const answered = input.outcome === "granted" || input.outcome === "partly_granted";
  if (type === "access" && answered) {
    sections.push(
      ...accessInformationSections({
        organisation: org,
        activities: concerned,
        processors: input.register.processors,
        lang,
      }),
      section("copy", ll.copy, packageBlocks(input.package, lang)),
    );
  }
  if (type === "portability" && answered) {
    sections.push(section("copy", ll.portabilityCopy, packageBlocks(input.package, lang)));
  }
  if (input.staffNote) sections.push(section("staff-note", ll.staffNote, textBlocks(input.staffNote)));
  sections.push(remediesSection(org, lang), contactSection(org, input.request, lang));
  const updated = latestDate(concerned.flatMap((a) => [a.createdOn, a.updatedOn]));
  return {
    format: "gardien-document",
    version: 1,
    // The document model has no "letter" kind yet (src/documents is read-only here): "notice" is the nearest,
    // and only the PDF's Subject metadata reads it.
    kind: "notice",
    lang,
    title: ll.title(info.label[lang]),
    organisation: { slug: org.slug, name: organisationName(org) },
    ...(updated ? { registerUpdatedOn: updated } : {}),
    blocks: [
      letterHeader({ organisation: org, request: input.request, date: input.date, lang }),
      paragraph(ll.greeting(input.request.requester.name)),
      paragraph(
        ll.intro(formatDate(input.request.receivedOn, lang), info.label[lang], articleIn(info.article, lang)),
      ),
    ],
    sections,
  };
}
