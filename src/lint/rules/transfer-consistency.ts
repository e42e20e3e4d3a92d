/**
 * Whether the transfers a register declares agree with its recipients and with its own statements
 * ("no transfer outside the EU"): Art. 30(1)(d)-(e), Art. 44, and the information owed under Art. 13(1)(f).
 */
import { assessTransfer, isInEea } from "../assess-transfer.ts";
import { defineRule } from "../lint-types.ts";
import { recipientCountries, recipientKeys, transferKeys } from "../match-parties.ts";
import { liveActivities, liveProcessorEntries, liveTransfers } from "../walk-register.ts";

type RefParams = { ref: string };

export const contradictsNoTransfer = defineRule<RefParams>({
  code: "XFER-CONTRADICTS-NO-TRANSFER",
  severity: "error",
  article: "Art. 30(1)(e); Art. 13(1)(f)",
  title: {
    fr: "Transfert déclaré malgré « aucun transfert hors UE »",
    en: 'Transfer declared despite "no transfer outside the EU"',
  },
  message: (p) => ({
    fr: `« ${p.ref} » affirme qu'aucune donnée ne quitte l'EEE mais déclare un transfert hors de l'EEE.`,
    en: `"${p.ref}" states that no data leaves the EEA but declares a transfer outside it.`,
  }),
  *check(register, context) {
    for (const { transfer, path, ownerRef, processor, noTransferOutsideEea } of liveTransfers(
      register,
      context,
    )) {
      if (noTransferOutsideEea === true && assessTransfer(transfer, processor).outsideEea) {
        yield { path, params: { ref: ownerRef } };
      }
    }
  },
});

export const processorOutsideEea = defineRule<RefParams & { country: string }>({
  code: "XFER-PROCESSOR-OUTSIDE-EEA",
  severity: "error",
  article: "Art. 44; Art. 30(1)(e)",
  title: {
    fr: "Destinataire hors EEE malgré « aucun transfert hors UE »",
    en: 'Recipient outside the EEA despite "no transfer outside the EU"',
  },
  message: (p) => ({
    fr: `« ${p.ref} » affirme qu'aucune donnée ne quitte l'EEE mais un destinataire est situé hors de l'EEE (pays : ${p.country}).`,
    en: `"${p.ref}" states that no data leaves the EEA but a recipient is located outside it (country: ${p.country}).`,
  }),
  *check(register, context) {
    for (const { activity, path } of liveActivities(register)) {
      if (activity.noTransferOutsideEea !== true) continue;
      for (let k = 0; k < activity.recipients.length; k++) {
        const outside = recipientCountries(activity.recipients[k]!, context).find((c) => !isInEea(c));
        if (outside)
          yield { path: `${path}.recipients[${k}]`, params: { ref: activity.ref, country: outside } };
      }
    }
    for (const { entry, path } of liveProcessorEntries(register)) {
      if (entry.noTransferOutsideEea !== true) continue;
      for (let k = 0; k < entry.subProcessors.length; k++) {
        const country = context.processors.get(entry.subProcessors[k]!)?.processor.country;
        if (country !== undefined && !isInEea(country)) {
          yield { path: `${path}.subProcessors[${k}]`, params: { ref: entry.ref, country } };
        }
      }
    }
  },
});

export const transferUndeclared = defineRule<RefParams & { country: string }>({
  code: "XFER-UNDECLARED",
  severity: "error",
  article: "Art. 30(1)(e); Art. 44",
  title: { fr: "Transfert hors EEE non déclaré", en: "Undeclared transfer outside the EEA" },
  message: (p) => ({
    fr: `Un destinataire de « ${p.ref} » est situé hors de l'EEE (pays : ${p.country}) mais aucun transfert ne le mentionne.`,
    en: `A recipient of "${p.ref}" is located outside the EEA (country: ${p.country}) but no transfer names it.`,
  }),
  *check(register, context) {
    for (const { activity, path } of liveActivities(register)) {
      // With "no transfer outside the EU" stated, XFER-PROCESSOR-OUTSIDE-EEA reports the contradiction instead.
      if (activity.noTransferOutsideEea === true) continue;
      const declared = new Set<string>();
      for (const transfer of activity.transfers)
        for (const key of transferKeys(transfer, context)) declared.add(key);
      for (let k = 0; k < activity.recipients.length; k++) {
        const recipient = activity.recipients[k]!;
        const countries = recipientCountries(recipient, context);
        const outside =
          countries.find((c) => !isInEea(c)) ??
          (recipient.kind === "third_country" && countries.length === 0 ? "?" : undefined);
        if (outside === undefined) continue;
        if (recipientKeys(recipient, context).some((key) => declared.has(key))) continue;
        yield { path: `${path}.recipients[${k}]`, params: { ref: activity.ref, country: outside } };
      }
    }
    for (const { entry, path } of liveProcessorEntries(register)) {
      if (entry.noTransferOutsideEea === true) continue;
      const declared = new Set<string>();
      for (const transfer of entry.transfers) if (transfer.processorRef) declared.add(transfer.processorRef);
      for (let k = 0; k < entry.subProcessors.length; k++) {
        const ref = entry.subProcessors[k]!;
        const country = context.processors.get(ref)?.processor.country;
        if (country !== undefined && !isInEea(country) && !declared.has(ref)) {
          yield { path: `${path}.subProcessors[${k}]`, params: { ref: entry.ref, country } };
        }
      }
    }
  },
});

export const transferRecipientUnlisted = defineRule<RefParams>({
  code: "XFER-RECIPIENT-UNLISTED",
  severity: "error",
  article: "Art. 30(1)(d)",
  title: {
    fr: "Destinataire d'un transfert absent des destinataires",
    en: "Transfer recipient not among the recipients",
  },
  message: (p) => ({
    fr: `« ${p.ref} » transfère des données à un destinataire qui ne figure pas parmi ses catégories de destinataires.`,
    en: `"${p.ref}" transfers data to a party that is not among its recipients.`,
  }),
  *check(register, context) {
    for (const { activity, path } of liveActivities(register)) {
      if (activity.transfers.length === 0) continue;
      const listed = new Set<string>();
      for (const recipient of activity.recipients)
        for (const key of recipientKeys(recipient, context)) listed.add(key);
      for (let k = 0; k < activity.transfers.length; k++) {
        if (!transferKeys(activity.transfers[k]!, context).some((key) => listed.has(key))) {
          yield { path: `${path}.transfers[${k}].recipient`, params: { ref: activity.ref } };
        }
      }
    }
    for (const { entry, path } of liveProcessorEntries(register)) {
      const subProcessors = new Set(entry.subProcessors);
      for (let k = 0; k < entry.transfers.length; k++) {
        const ref = entry.transfers[k]!.processorRef;
        if (ref !== undefined && !subProcessors.has(ref)) {
          yield { path: `${path}.transfers[${k}].recipient`, params: { ref: entry.ref } };
        }
      }
    }
  },
});

export const TRANSFER_CONSISTENCY_RULES = [
  contradictsNoTransfer,
  processorOutsideEea,
  transferUndeclared,
  transferRecipientUnlisted,
];
