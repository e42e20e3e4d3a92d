import { definitions, type GardienDocument, type Lang, paragraph } from "../../documents/document-model.ts";
import { textBlocks } from "../../documents/document-text.ts";
import { formatDate } from "../../documents/format-date.ts";
import { organisationName } from "../../documents/format-identity.ts";
import type { Organisation } from "../../register/model/organisation.schema.ts";
import { articleIn, letterLabelsFor } from "../letters/letter-labels.ts";
import { contactSection, letterHeader, remediesSection } from "../letters/letter-parts.ts";
import type { DataSubjectRequest } from "../model/request.schema.ts";
import { REQUEST_TYPE_INFO } from "../model/vocabulary.ts";

/**
 * The Art. 12(3) notice of an extension, sent within the first month: the request (reference, date of
 * receipt), the law that allows the extension, the reason given by staff, the new date by which the person
 * will be answered, and the usual contacts and remedies.
 *
 * @example buildExtensionNotice({ organisation, request, date: "2027-02-10", extraMonths: 2,
 *   reason: "Votre demande porte sur douze ans d'archives.", originalDueOn: "2027-03-01", dueOn: "2027-05-03" })
 */
export function buildExtensionNotice(input: {
  organisation: Organisation;
  request: Pick<DataSubjectRequest, "reference" | "type" | "receivedOn" | "requester" | "lang">;
  date: string;
  extraMonths: 1 | 2;
  reason: string;
  originalDueOn: string;
  dueOn: string;
  lang?: Lang;
}): GardienDocument {
  const lang = input.lang ?? input.request.lang;
  const ll = letterLabelsFor(lang);
  const org = input.organisation;
  const info = REQUEST_TYPE_INFO[input.request.type];
  return {
    format: "gardien-document",
    version: 1,
    kind: "notice",
    lang,
    title: ll.extensionTitle,
    organisation: { slug: org.slug, name: organisationName(org) },
    blocks: [
      letterHeader({ organisation: org, request: input.request, date: input.date, lang }),
      paragraph(ll.greeting(input.request.requester.name)),
      paragraph(
        ll.extensionIntro(
          formatDate(input.request.receivedOn, lang),
          info.label[lang],
          articleIn(info.article, lang),
          input.request.reference,
        ),
      ),
      paragraph(ll.extensionLaw(input.extraMonths)),
      ...textBlocks(input.reason),
      paragraph(ll.extensionNewDate(formatDate(input.dueOn, lang))),
      definitions([
        { term: ll.originalDue, details: [formatDate(input.originalDueOn, lang)] },
        { term: ll.newDue, details: [formatDate(input.dueOn, lang)] },
      ]),
    ],
    sections: [remediesSection(org, lang), contactSection(org, input.request, lang)],
  };
}
