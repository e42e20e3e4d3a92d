import { authoritySpans, rightsContactSpans } from "../../documents/describe-rights.ts";
import {
  type Block,
  definitions,
  type Lang,
  mailto,
  paragraph,
  type Rich,
  type Section,
  type Span,
  section,
} from "../../documents/document-model.ts";
import { formatDate } from "../../documents/format-date.ts";
import { formatAddress, legalIdentity, organisationName } from "../../documents/format-identity.ts";
import type { Organisation } from "../../register/model/organisation.schema.ts";
import type { DataSubjectRequest } from "../model/request.schema.ts";
import { REQUEST_TYPE_INFO } from "../model/vocabulary.ts";
import { articleIn, letterLabelsFor } from "./letter-labels.ts";

type LetterRequest = Pick<DataSubjectRequest, "reference" | "type" | "receivedOn" | "requester">;

function dpoSpans(org: Organisation): Span[] {
  const dpo = org.dpo;
  if (!dpo) return [];
  const spans: Span[] = [];
  const who = [dpo.name, dpo.organisation].filter(Boolean).join(", ");
  if (who) spans.push(who);
  if (dpo.email) spans.push(...(spans.length ? [" — "] : []), mailto(dpo.email));
  if (dpo.phone) spans.push(...(spans.length ? [" — "] : []), dpo.phone);
  return spans;
}

/**
 * The head of every letter: the organisation (legal name, office), the person written to, the request's
 * reference and date of receipt, its subject (the right and its article), the date of the letter, and where to
 * reach the organisation about it (the register's rights contact and DPO).
 */
export function letterHeader(input: {
  organisation: Organisation;
  request: LetterRequest;
  date: string;
  lang: Lang;
}): Block {
  const { organisation: org, request, lang } = input;
  const ll = letterLabelsFor(lang);
  const office = formatAddress(org.address, lang);
  const info = REQUEST_TYPE_INFO[request.type];
  const items: { term: string; details: Rich[] }[] = [
    { term: ll.from, details: [office ? `${legalIdentity(org)}, ${office}` : legalIdentity(org)] },
  ];
  const who = request.requester.name ?? request.requester.representative;
  if (who) items.push({ term: ll.to, details: [who] });
  items.push(
    { term: ll.reference, details: [request.reference] },
    { term: ll.receivedOn, details: [formatDate(request.receivedOn, lang)] },
    { term: ll.subject, details: [`${info.label[lang]} (${articleIn(info.article, lang)})`] },
    { term: ll.letterDate, details: [formatDate(input.date, lang)] },
    { term: ll.rightsContact, details: [rightsContactSpans(org, lang)] },
  );
  const dpo = dpoSpans(org);
  if (dpo.length)
    items.push({ term: org.dpo?.designated === false ? ll.privacyContact : ll.dpo, details: [dpo] });
  return definitions(items);
}

/** The remedies: a complaint to the CNIL (its address and site, Art. 77) and a judicial remedy (Art. 79). */
export function remediesSection(org: Organisation, lang: Lang): Section {
  const ll = letterLabelsFor(lang);
  return section("remedies", ll.remedies, [
    paragraph([ll.complaint, ...authoritySpans(org, lang), "."]),
    paragraph(ll.judicial),
  ]);
}

/** How to reach the organisation about the letter, the closing formula and the signature (the DPO when there is one). */
export function contactSection(org: Organisation, request: LetterRequest, lang: Lang): Section {
  const ll = letterLabelsFor(lang);
  const name = organisationName(org);
  const signature = org.dpo && org.dpo.designated !== false ? ll.signedDpo(name) : ll.signedTeam(name);
  return section("contact", ll.contact, [
    paragraph([ll.contactIntro(request.reference), ...rightsContactSpans(org, lang)]),
    paragraph(ll.closing(request.requester.name)),
    paragraph(
      org.dpo?.name
        ? `${org.dpo.name}, ${signature.charAt(0).toLowerCase()}${signature.slice(1)}`
        : signature,
    ),
  ]);
}
