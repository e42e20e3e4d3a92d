import type { Contact, PostalAddress } from "../register/model/common.schema.ts";
import type { Organisation } from "../register/model/organisation.schema.ts";
import { type Lang, link, mailto, type Span } from "./document-model.ts";
import { tOpt } from "./document-text.ts";

/** SIREN grouped as INSEE prints it: "903 747 350". */
export function formatSiren(siren: string): string {
  return siren.replace(/^(\d{3})(\d{3})(\d{3})$/, "$1 $2 $3");
}

/** SIRET: the SIREN's groups, then the five-digit establishment number ("903 747 350 00015"). */
export function formatSiret(siret: string): string {
  return siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, "$1 $2 $3 $4");
}

const regionNames = new Map<Lang, Intl.DisplayNames>();

/** A country's name from its ISO 3166-1 code ("FR" → "France"); the code itself if ICU does not know it. */
export function countryName(code: string, lang: Lang): string {
  let names = regionNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type: "region" });
    regionNames.set(lang, names);
  }
  return names.of(code) ?? code;
}

/** "19 Boulevard des Déportés, 35400 Saint-Malo, France"; undefined when the address has no part at all. */
export function formatAddress(address: PostalAddress | undefined, lang: Lang): string | undefined {
  if (!address) return undefined;
  const town = [address.postcode, address.city].filter(Boolean).join(" ");
  const parts = [address.street, town, address.country ? countryName(address.country, lang) : undefined];
  const text = parts.filter(Boolean).join(", ");
  return text || undefined;
}

/** The organisation as it names itself to the public: trade name when it has one. */
export function organisationName(org: Organisation): string {
  return org.tradeName ?? org.legalName;
}

/** "Agence Moiré – SAS": legal name, legal form and share capital as the register states them. */
export function legalIdentity(org: Organisation): string {
  const form = [org.legalForm, org.shareCapital].filter(Boolean).join(", ");
  return form ? `${org.legalName} – ${form}` : org.legalName;
}

/**
 * Every channel of a contact as inline text: name, organisation, e-mail (mailto link), phone, web page (link),
 * address, then the instructions. Empty when the contact has none.
 */
export function contactSpans(contact: Contact | undefined, lang: Lang): Span[] {
  if (!contact) return [];
  const parts: Span[][] = [];
  const who = [contact.name, contact.organisation].filter(Boolean).join(", ");
  if (who) parts.push([who]);
  if (contact.email) parts.push([mailto(contact.email)]);
  if (contact.phone) parts.push([contact.phone]);
  if (contact.url) parts.push([link(contact.url)]);
  const address = formatAddress(contact.address, lang);
  if (address) parts.push([address]);
  const instructions = tOpt(contact.instructions, lang);
  if (instructions) parts.push([instructions]);
  const out: Span[] = [];
  parts.forEach((p, i) => {
    if (i > 0) out.push(" — ");
    out.push(...p);
  });
  return out;
}
