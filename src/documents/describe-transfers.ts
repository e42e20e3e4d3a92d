import type { Transfer } from "../register/model/activity.schema.ts";
import { DEROGATIONS, TRANSFER_MECHANISMS } from "../register/model/vocabulary.ts";
import { type Block, type Cell, gap, type Lang, link, paragraph, type Span } from "./document-model.ts";
import { gapAlone, joinWords, tOpt } from "./document-text.ts";
import { countryName } from "./format-identity.ts";
import { labelsFor } from "./labels.ts";

/** The Chapter V tool of a transfer with its article, SCC module or Art. 49 derogation; a gap when unstated. */
function safeguardSpans(transfer: Transfer, lang: Lang): Span[] {
  const l = labelsFor(lang);
  if (!transfer.mechanism) return [gapAlone(l.safeguardMissing)];
  const mechanism = TRANSFER_MECHANISMS[transfer.mechanism];
  let text = `${mechanism[lang]} (${mechanism.article})`;
  if (transfer.sccModule) text += `, module ${transfer.sccModule}`;
  if (transfer.derogation) text += `${l.colon}${DEROGATIONS[transfer.derogation][lang]}`;
  return [text];
}

/**
 * The transfers outside the EEA of an activity or processor entry (Art. 30(1)(e)): a table naming recipient,
 * data, country and safeguards; the register's "no transfer" statement; or, when it says neither, that it does
 * not say. `dataName` turns a data category id into its name.
 */
export function transferBlocks(
  subject: { noTransferOutsideEea?: boolean | undefined; transfers: readonly Transfer[] },
  lang: Lang,
  caption: string,
  dataName: (id: string) => string = (id) => id,
): Block[] {
  const l = labelsFor(lang);
  if (subject.transfers.length === 0) {
    return [paragraph(subject.noTransferOutsideEea ? l.noTransfer : [gapAlone(l.transfersUnknown)])];
  }
  const rows: Cell[][] = subject.transfers.map((tr) => {
    const data =
      tOpt(tr.description, lang) ??
      (tr.dataCategories.length ? joinWords(tr.dataCategories.map(dataName), lang) : l.allData);
    const place = tr.country ? countryName(tr.country, lang) : tr.internationalOrganisation;
    const country: Cell = place ? place : [gap(l.countryMissing)];
    const docs: Cell = tr.documentationUrl ? [link(tr.documentationUrl)] : "—";
    return [tr.recipient, data, country, safeguardSpans(tr, lang), docs];
  });
  return [
    {
      type: "table",
      caption,
      head: [l.transferRecipient, l.transferData, l.country, l.safeguards, l.documentation],
      rows,
      rowHeader: true,
    },
  ];
}
