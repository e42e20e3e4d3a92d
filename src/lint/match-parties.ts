import type { Recipient, Transfer } from "../register/model/index.ts";
import type { LintContext } from "./lint-types.ts";
import { normaliseText } from "./normalise-text.ts";

/**
 * Keys under which a recipient and a transfer name the same party: the directory ref when there is one,
 * otherwise the normalised name (the recipient's own, or its directory entry's). Sets of keys keep the
 * recipient/transfer cross-checks linear.
 */
export function recipientKeys(recipient: Recipient, context: LintContext): string[] {
  const keys: string[] = [];
  if (recipient.processorRef !== undefined) {
    keys.push(`ref:${recipient.processorRef}`);
    const entry = context.processors.get(recipient.processorRef);
    if (entry) keys.push(`name:${normaliseText(entry.processor.name)}`);
  }
  if (recipient.name.fr !== undefined) keys.push(`name:${normaliseText(recipient.name.fr)}`);
  if (recipient.name.en !== undefined) keys.push(`name:${normaliseText(recipient.name.en)}`);
  return keys;
}

export function transferKeys(transfer: Transfer, context: LintContext): string[] {
  const keys = [`name:${normaliseText(transfer.recipient)}`];
  if (transfer.processorRef !== undefined) {
    keys.push(`ref:${transfer.processorRef}`);
    const entry = context.processors.get(transfer.processorRef);
    if (entry) keys.push(`name:${normaliseText(entry.processor.name)}`);
  }
  return keys;
}

/** Where a recipient is located: its own country and its directory entry's. */
export function recipientCountries(recipient: Recipient, context: LintContext): string[] {
  const countries: string[] = [];
  if (recipient.country !== undefined) countries.push(recipient.country);
  const processor =
    recipient.processorRef === undefined
      ? undefined
      : context.processors.get(recipient.processorRef)?.processor;
  if (processor?.country !== undefined && processor.country !== recipient.country)
    countries.push(processor.country);
  return countries;
}
