import type { Activity, Recipient } from "../register/model/activity.schema.ts";
import type { Processor } from "../register/model/processor.schema.ts";
import { type Block, type Lang, list, paragraph, type Rich, type Span } from "./document-model.ts";
import { gapAlone, t, tOpt } from "./document-text.ts";
import { countryName } from "./format-identity.ts";
import { labelsFor } from "./labels.ts";

/**
 * One recipient as the register describes it: its name, the country of its directory entry, what it receives
 * the data for, and that it keeps no copy when the register says so (it still receives the data).
 */
export function recipientText(recipient: Recipient, processors: readonly Processor[], lang: Lang): Span[] {
  const l = labelsFor(lang);
  let text = t(recipient.name, lang);
  const entry = recipient.processorRef ? processors.find((p) => p.ref === recipient.processorRef) : undefined;
  const country = recipient.country ?? entry?.country;
  if (country) text += ` (${countryName(country, lang)})`;
  const purpose = tOpt(recipient.purpose, lang);
  if (purpose) text += ` — ${purpose}`;
  if (recipient.noRetention && !text.includes(l.noRetention)) text += ` (${l.noRetention})`;
  const note = tOpt(recipient.note, lang);
  if (note) text += ` — ${note}`;
  return [text];
}

/** The recipients of an activity, then its statement that nothing goes to third parties, when it makes one. */
export function recipientBlocks(activity: Activity, processors: readonly Processor[], lang: Lang): Block[] {
  const l = labelsFor(lang);
  const items: Rich[] = activity.recipients.map((r) => recipientText(r, processors, lang));
  if (activity.noThirdPartySharing) items.push(l.noThirdPartySharing);
  return items.length ? [list(items)] : [paragraph([gapAlone(l.recipientsNone)])];
}
