import type { ProcessorEntry } from "../register/model/processor-entry.schema.ts";
import type { RegisterFile } from "../register/model/register-file.schema.ts";
import { DATA_CATEGORIES, DATA_SUBJECT_CATEGORIES } from "../register/model/vocabulary.ts";
import { organisationIdentity } from "./describe-organisation.ts";
import { securityList } from "./describe-security.ts";
import { transferBlocks } from "./describe-transfers.ts";
import {
  type Block,
  definitions,
  type GardienDocument,
  type Lang,
  link,
  list,
  mailto,
  paragraph,
  type Rich,
  type Section,
  section,
} from "./document-model.ts";
import { gapAlone, t, textBlocks, tOpt } from "./document-text.ts";
import { formatDate, latestDate } from "./format-date.ts";
import { contactSpans, countryName, organisationName } from "./format-identity.ts";
import { labelsFor } from "./labels.ts";

function dataName(code: string, lang: Lang): string {
  return code in DATA_CATEGORIES ? DATA_CATEGORIES[code as keyof typeof DATA_CATEGORIES][lang] : code;
}

function entryFacts(entry: ProcessorEntry, lang: Lang): Block[] {
  const l = labelsFor(lang);
  const c = entry.controller;
  const items: { term: string; details: Rich[] }[] = [{ term: l.clientController, details: [c.name] }];
  const contact = contactSpans(c.contact, lang);
  if (contact.length) items.push({ term: l.privacyContact, details: [contact] });
  const representative = contactSpans(c.representative, lang);
  if (representative.length) items.push({ term: l.controllerRepresentative, details: [representative] });
  const dpo = contactSpans(c.dpo, lang);
  if (dpo.length) items.push({ term: l.controllerDpo, details: [dpo] });
  const date = (d: string | undefined): Rich => (d ? formatDate(d, lang) : [gapAlone(l.notStated)]);
  items.push({ term: l.entryCreatedOn, details: [date(entry.createdOn)] });
  items.push({ term: l.entryUpdatedOn, details: [date(entry.updatedOn)] });
  if (entry.contract) {
    const signed = entry.contract.signed
      ? l.contractSigned(entry.contract.signedOn ? formatDate(entry.contract.signedOn, lang) : undefined)
      : l.contractUnsigned;
    items.push({
      term: l.contract,
      details: [entry.contract.url ? [signed, " — ", link(entry.contract.url)] : signed],
    });
  } else items.push({ term: l.contract, details: [[gapAlone(l.notStated)]] });
  const description = tOpt(c.description, lang);
  return [definitions(items), ...(description ? textBlocks(description) : [])];
}

function entrySection(register: RegisterFile, entry: ProcessorEntry, lang: Lang): Section {
  const l = labelsFor(lang);
  const id = `entry-${entry.ref}`;
  const categories = entry.processingCategories.map((pc, i) =>
    section(`${id}-category-${i + 1}`, l.processingCategory(i + 1), [
      ...textBlocks(t(pc.description, lang)),
      definitions([
        {
          term: l.dataCategories,
          details: pc.dataCategories.length
            ? pc.dataCategories.map((c) => dataName(c, lang))
            : [[gapAlone(l.notStated)]],
        },
        {
          term: l.dataSubjects,
          details: pc.dataSubjects.length
            ? pc.dataSubjects.map((s) => DATA_SUBJECT_CATEGORIES[s][lang])
            : [[gapAlone(l.notStated)]],
        },
      ]),
    ]),
  );
  const subProcessors: Rich[] = entry.subProcessors.map((ref) => {
    const p = register.processors.find((x) => x.ref === ref);
    if (!p) return ref;
    const country = p.country ? ` (${countryName(p.country, lang)})` : "";
    const services = p.services.map((s) => t(s, lang)).join(" ; ");
    return `${p.name}${country}${services ? ` — ${services}` : ""}`;
  });
  const sub: Section[] = [
    section(
      `${id}-categories`,
      l.processingCategories,
      categories.length ? [] : [paragraph([gapAlone(l.notStated)])],
      categories,
    ),
    section(`${id}-subprocessors`, l.subProcessors, [
      subProcessors.length ? list(subProcessors) : paragraph([gapAlone(l.subProcessorsNone)]),
    ]),
    section(
      `${id}-transfers`,
      l.transfers,
      transferBlocks(entry, lang, `${l.transfers} — ${entry.controller.name}`, (c) => dataName(c, lang)),
    ),
    section(`${id}-security`, l.security, [securityList(entry.securityMeasures, lang)]),
  ];
  const rr = entry.rightsRequests;
  if (rr) {
    const items: { term: string; details: Rich[] }[] = [
      { term: l.channel, details: [l.channels[rr.channel]] },
    ];
    if (rr.email) items.push({ term: l.email, details: [[mailto(rr.email)]] });
    if (rr.endpoint) items.push({ term: l.endpoint, details: [[link(rr.endpoint)]] });
    const instructions = tOpt(rr.instructions, lang);
    sub.push(
      section(`${id}-requests`, l.rightsRequests, [
        definitions(items),
        ...(instructions ? textBlocks(instructions) : []),
      ]),
    );
  }
  return section(id, l.onBehalfOf(entry.controller.name), entryFacts(entry, lang), sub);
}

/**
 * The processor's record (Art. 30(2)): the processor's identity and DPO, then, per client controller, the
 * categories of processing carried out for it, sub-processors, transfers and security measures. Archived
 * entries are left out.
 *
 * @example buildProcessorRegister(register, { lang: "en" }).sections[0]?.title // "The processor"
 */
export function buildProcessorRegister(register: RegisterFile, options: { lang: Lang }): GardienDocument {
  const { lang } = options;
  const l = labelsFor(lang);
  const org = register.organisation;
  const entries = register.processorRegister.filter((e) => e.status !== "archived");
  const updated = latestDate(entries.flatMap((e) => [e.createdOn, e.updatedOn]));
  return {
    format: "gardien-document",
    version: 1,
    kind: "processor-register",
    lang,
    title: l.processorTitle,
    organisation: { slug: org.slug, name: organisationName(org) },
    ...(updated ? { registerUpdatedOn: updated } : {}),
    blocks: entries.length ? [] : [paragraph([gapAlone(l.noProcessorEntries)])],
    sections: [
      section("processor", l.processorSelf, [organisationIdentity(org, lang, "processor")]),
      ...entries.map((e) => entrySection(register, e, lang)),
    ],
  };
}
