import type { Organisation } from "../register/model/organisation.schema.ts";
import { rightsContactSpans } from "./describe-rights.ts";
import { type Block, definitions, type Lang, link, mailto, type Rich, type Span } from "./document-model.ts";
import { gapAlone, t } from "./document-text.ts";
import { contactSpans, formatAddress, formatSiren, formatSiret, legalIdentity } from "./format-identity.ts";
import { labelsFor } from "./labels.ts";

/** The DPO (or privacy contact) with every channel the register gives. */
function dpoSpans(org: Organisation, lang: Lang): Span[] {
  const dpo = org.dpo;
  if (!dpo) return [];
  const spans: Span[] = [];
  const push = (...s: Span[]) => {
    if (spans.length) spans.push(" — ");
    spans.push(...s);
  };
  const who = [dpo.name, dpo.organisation].filter(Boolean).join(", ");
  if (who) push(who);
  if (dpo.email) push(mailto(dpo.email));
  if (dpo.phone) push(dpo.phone);
  const address = formatAddress(dpo.address, lang);
  if (address) push(address);
  return spans;
}

/**
 * The controller's identity and contacts (Art. 30(1)(a), Art. 13(1)(a)-(b)): name and legal form, SIREN,
 * registered office, channels, the contact for exercising rights, DPO, representative and joint controllers.
 * A missing identifier or office is said to be missing, not left out silently.
 */
export function organisationIdentity(
  org: Organisation,
  lang: Lang,
  role: "controller" | "processor" = "controller",
): Block {
  const l = labelsFor(lang);
  const items: { term: string; details: Rich[] }[] = [{ term: l[role], details: [legalIdentity(org)] }];
  items.push({ term: "SIREN", details: [org.siren ? formatSiren(org.siren) : [gapAlone(l.notStated)]] });
  if (org.siret) items.push({ term: "SIRET", details: [formatSiret(org.siret)] });
  const office = formatAddress(org.address, lang);
  items.push({ term: l.headOffice, details: [office ?? [gapAlone(l.notStated)]] });
  if (org.phone) items.push({ term: l.phone, details: [org.phone] });
  if (org.email) items.push({ term: l.email, details: [[mailto(org.email)]] });
  if (org.website) items.push({ term: l.website, details: [[link(org.website)]] });
  if (org.legalRepresentative) {
    const role = org.legalRepresentative.role ? ` (${t(org.legalRepresentative.role, lang)})` : "";
    items.push({ term: l.personInCharge, details: [`${org.legalRepresentative.name}${role}`] });
  }
  const rights = rightsContactSpans(org, lang);
  const first = rights[0];
  // Standing alone in its row, a "no contact" gap starts with a capital.
  if (first && typeof first === "object" && "gap" in first) rights[0] = gapAlone(first.gap);
  items.push({ term: l.rightsContact, details: [rights] });
  const dpo = dpoSpans(org, lang);
  if (dpo.length)
    items.push({ term: org.dpo?.designated === false ? l.privacyContact : l.dpo, details: [dpo] });
  const representative = contactSpans(org.representative, lang);
  if (representative.length) items.push({ term: l.representative, details: [representative] });
  if (org.jointControllers.length) {
    items.push({
      term: l.jointControllers,
      details: org.jointControllers.map((jc) => {
        const spans: Span[] = [jc.name];
        const contact = contactSpans(jc.contact, lang);
        if (contact.length) spans.push(" — ", ...contact);
        const duties = jc.responsibilities ? t(jc.responsibilities, lang) : undefined;
        if (duties) spans.push(` — ${duties}`);
        if (jc.arrangementUrl) spans.push(" — ", link(jc.arrangementUrl));
        return spans;
      }),
    });
  }
  return definitions(items);
}
