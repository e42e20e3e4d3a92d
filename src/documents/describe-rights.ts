import type { Activity } from "../register/model/activity.schema.ts";
import type { Organisation } from "../register/model/organisation.schema.ts";
import { gap, type Lang, link, mailto, type Span } from "./document-model.ts";
import { contactSpans } from "./format-identity.ts";
import { policyLabelsFor } from "./labels-policy.ts";

/**
 * The CNIL's postal address and site, for organisations established in France (the lead authority follows
 * the main establishment, Art. 56). Stated by the CNIL on cnil.fr, "Adresser une plainte".
 */
export const CNIL = {
  name: {
    fr: "Commission nationale de l'informatique et des libertés (CNIL)",
    en: "CNIL (French data protection authority)",
  },
  street: "3 Place de Fontenoy",
  box: "TSA 80715",
  town: "75334 Paris Cedex 07",
  site: "www.cnil.fr",
  url: "https://www.cnil.fr",
} as const;

/**
 * The rights a data subject has (Art. 15-22, 7(3), 77). Access, rectification, erasure, restriction, objection
 * and portability are always listed, each with the condition the law sets; withdrawal of consent only when an
 * activity rests on consent, and the Art. 22 right only when an activity makes automated decisions.
 */
export function rightsItems(activities: readonly Activity[], lang: Lang): string[] {
  const p = policyLabelsFor(lang);
  const items = [
    p.rightAccess,
    p.rightRectification,
    p.rightErasure,
    p.rightRestriction,
    p.rightObjection,
    p.rightPortability,
  ];
  const bases = activities.flatMap((a) => a.purposes.map((x) => x.legalBasis?.code));
  if (bases.includes("6.1.a")) items.push(p.rightWithdraw);
  if (activities.some((a) => a.automatedDecision.automatedDecisionMaking)) items.push(p.rightAutomated);
  items.push(p.rightComplaint);
  return items;
}

/** Where to exercise rights: the rights contact, else the DPO's e-mail; a gap when the register has neither. */
export function rightsContactSpans(org: Organisation, lang: Lang): Span[] {
  const spans = contactSpans(org.rightsContact, lang);
  if (spans.length) return spans;
  if (org.dpo?.email) return [mailto(org.dpo.email)];
  return [gap(policyLabelsFor(lang).contactMissing)];
}

/** The authority to complain to: the CNIL with its address for a French organisation, else the register's. */
export function authoritySpans(org: Organisation, lang: Lang): Span[] {
  if (org.country === "FR") {
    return [`${CNIL.name[lang]}, ${CNIL.street}, ${CNIL.box}, ${CNIL.town}, `, link(CNIL.url, CNIL.site)];
  }
  const spans = contactSpans(org.supervisoryAuthority, lang);
  return spans.length ? spans : [policyLabelsFor(lang).complaintElsewhere];
}
