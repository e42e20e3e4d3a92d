import type { Activity } from "../register/model/activity.schema.ts";
import type { RegisterFile } from "../register/model/register-file.schema.ts";
import { DATA_SOURCE_CODES, DATA_SOURCES, RECIPIENT_KINDS } from "../register/model/vocabulary.ts";
import { dataCategoryItem, dataCategoryName } from "./describe-data-categories.ts";
import { recipientText } from "./describe-recipients.ts";
import { transferBlocks } from "./describe-transfers.ts";
import {
  type Block,
  type Cell,
  definitions,
  type Lang,
  list,
  paragraph,
  type Rich,
  type Section,
  section,
} from "./document-model.ts";
import { gapAlone, joinWords, t, tOpt, unique } from "./document-text.ts";
import { countryName } from "./format-identity.ts";
import { labelsFor } from "./labels.ts";
import { policyLabelsFor } from "./labels-policy.ts";

const names = (activities: readonly Activity[], lang: Lang) => activities.map((a) => t(a.name, lang));

/**
 * "The data collected, per source" (Art. 14(2)(f)): one subsection per kind of source, in the vocabulary's
 * order, each source's own description followed by the data it yields; data with no source comes last, under
 * a heading that says the register does not name one.
 */
export function collectedSection(activities: readonly Activity[], lang: Lang): Section {
  const p = policyLabelsFor(lang);
  const kinds = [...DATA_SOURCE_CODES, undefined] as const;
  const subsections: Section[] = [];
  for (const kind of kinds) {
    const groups = new Map<string, string[]>();
    for (const a of activities) {
      for (const dc of a.dataCategories) {
        if (dc.source?.kind !== kind) continue;
        const detail = tOpt(dc.source?.detail, lang) ?? "";
        groups.set(detail, [...(groups.get(detail) ?? []), dataCategoryItem(dc, lang)]);
      }
    }
    if (groups.size === 0) continue;
    const blocks: Block[] = [];
    for (const [detail, items] of groups) {
      if (detail) blocks.push(paragraph(detail));
      blocks.push(list(unique(items)));
    }
    const title = kind ? DATA_SOURCES[kind][lang] : p.sourceMissing;
    subsections.push(section(`collected-${kind ?? "unstated"}`, title, blocks));
  }
  return section("collected", p.collected, [paragraph(p.collectedIntro)], subsections);
}

/**
 * "Sharing and processors" (Art. 13(1)(e)): every recipient once, with its kind, what it receives the data for
 * and the activities concerned; the processors of the directory those recipients point to; and the register's
 * statements that nothing goes to third parties.
 */
export function sharingSection(register: RegisterFile, activities: readonly Activity[], lang: Lang): Section {
  const l = labelsFor(lang);
  const p = policyLabelsFor(lang);
  const rows = new Map<string, { cells: Cell[]; used: string[] }>();
  for (const a of activities) {
    for (const r of a.recipients) {
      const key = `${r.kind}|${t(r.name, lang)}|${tOpt(r.purpose, lang) ?? ""}`;
      const row = rows.get(key) ?? {
        cells: [recipientText(r, register.processors, lang), RECIPIENT_KINDS[r.kind][lang]],
        used: [],
      };
      row.used.push(t(a.name, lang));
      rows.set(key, row);
    }
  }
  const blocks: Block[] = [];
  if (rows.size) {
    blocks.push({
      type: "table",
      caption: p.sharingCaption,
      head: [l.transferRecipient, p.recipientKind, p.processing],
      rows: [...rows.values()].map((r) => [...r.cells, { lines: unique(r.used) }]),
      rowHeader: true,
    });
  } else blocks.push(paragraph([gapAlone(l.recipientsNone)]));
  const refs = new Set(
    activities.flatMap((a) => [...a.recipients, ...a.transfers].map((x) => x.processorRef)),
  );
  const processors = register.processors.filter((x) => refs.has(x.ref));
  if (processors.length) {
    blocks.push(paragraph(p.processorsUsed));
    blocks.push(
      list(
        processors.map((x) => {
          const country = x.country ? ` (${countryName(x.country, lang)})` : "";
          const services = x.services.map((s) => t(s, lang)).join(" ; ");
          return `${x.name}${country}${services ? ` — ${services}` : ""}`;
        }),
      ),
    );
  }
  const closed = activities.filter((a) => a.noThirdPartySharing);
  if (closed.length) blocks.push(paragraph(p.noThirdPartyFor(joinWords(names(closed, lang), lang))));
  return section("sharing", p.sharing, blocks);
}

/**
 * "Consent and its withdrawal" (Art. 7(3), 13(2)(c)): the law's sentence, then, for each way consent is
 * collected and withdrawn, the activities it covers; a gap when the register does not say how.
 */
export function consentSection(activities: readonly Activity[], lang: Lang): Section {
  const p = policyLabelsFor(lang);
  const groups = new Map<string, { collection: Rich; withdrawal: Rich; used: string[] }>();
  for (const a of activities) {
    for (const purpose of a.purposes) {
      if (purpose.legalBasis?.code !== "6.1.a") continue;
      const collection = tOpt(purpose.legalBasis.consent?.collection, lang);
      const withdrawal = tOpt(purpose.legalBasis.consent?.withdrawal, lang);
      const key = `${collection ?? ""}|${withdrawal ?? ""}`;
      const group = groups.get(key) ?? {
        collection: collection ?? [gapAlone(p.collectionMissing)],
        withdrawal: withdrawal ?? [gapAlone(p.withdrawalMissing)],
        used: [],
      };
      group.used.push(t(a.name, lang));
      groups.set(key, group);
    }
  }
  if (groups.size === 0) return section("consent", p.consent, [paragraph(p.noConsent)]);
  const blocks: Block[] = [paragraph(p.consentLaw)];
  for (const g of groups.values()) {
    blocks.push(
      definitions([
        { term: p.processing, details: unique(g.used) },
        { term: p.consentCollection, details: [g.collection] },
        { term: p.consentWithdrawal, details: [g.withdrawal] },
      ]),
    );
  }
  return section("consent", p.consent, blocks);
}

/**
 * "Transfers with their safeguards" (Art. 13(1)(f)): a table per activity that transfers data, then the
 * activities the register says transfer nothing, then those it says nothing about.
 */
export function transfersSection(activities: readonly Activity[], lang: Lang): Section {
  const l = labelsFor(lang);
  const p = policyLabelsFor(lang);
  const withTransfers = activities.filter((a) => a.transfers.length);
  const subsections = withTransfers.map((a) => {
    const dataName = (id: string) => {
      const dc = a.dataCategories.find((d) => d.id === id);
      return dc ? dataCategoryName(dc, a, lang) : id;
    };
    return section(
      `transfers-${a.ref}`,
      t(a.name, lang),
      transferBlocks(a, lang, `${p.transfersCaption} — ${t(a.name, lang)}`, dataName),
    );
  });
  const blocks: Block[] = [];
  const none = activities.filter((a) => !a.transfers.length && a.noTransferOutsideEea);
  if (none.length) blocks.push(paragraph(p.noTransferFor(joinWords(names(none, lang), lang))));
  const unknown = activities.filter((a) => !a.transfers.length && !a.noTransferOutsideEea);
  if (unknown.length) {
    blocks.push(
      paragraph([gapAlone(l.transfersUnknown), `${l.colon}${joinWords(names(unknown, lang), lang)}.`]),
    );
  }
  return section("transfers", p.transfers, blocks, subsections);
}
