/**
 * Parties that receive data must be declared as what they are: a processor acting for the controller is bound
 * by an Art. 28 contract and listed as such; a third party contradicts "no transfer to third parties".
 */
import { defineRule } from "../lint-types.ts";
import { liveActivities, liveProcessorEntries, liveTransfers } from "../walk-register.ts";

type RefParams = { ref: string };

/**
 * Art. 4(10): processors are not third parties, so only partners, third-country recipients and "other"
 * parties contradict the statement. An undeclared processor is PARTY-PROCESSOR-UNDECLARED's business.
 */
const THIRD_PARTY_KINDS: ReadonlySet<string> = new Set(["partner", "other", "third_country"]);

export const contradictsNoSharing = defineRule<RefParams & { kind: string }>({
  code: "PARTY-CONTRADICTS-NO-SHARING",
  severity: "error",
  article: "Art. 30(1)(d); Art. 13(1)(e)",
  title: {
    fr: "Tiers destinataire malgré « aucun transfert à des tiers »",
    en: 'Third-party recipient despite "no sharing with third parties"',
  },
  message: (p) => ({
    fr: `L'activité « ${p.ref} » affirme qu'aucune donnée n'est transmise à des tiers mais liste un destinataire de type « ${p.kind} ».`,
    en: `Activity "${p.ref}" states that no data goes to third parties but lists a recipient of kind "${p.kind}".`,
  }),
  *check(register) {
    for (const { activity, path } of liveActivities(register)) {
      if (activity.noThirdPartySharing !== true) continue;
      for (let k = 0; k < activity.recipients.length; k++) {
        const kind = activity.recipients[k]!.kind;
        if (THIRD_PARTY_KINDS.has(kind))
          yield { path: `${path}.recipients[${k}]`, params: { ref: activity.ref, kind } };
      }
    }
  },
});

export const processorUndeclared = defineRule<RefParams & { kind: string }>({
  code: "PARTY-PROCESSOR-UNDECLARED",
  severity: "error",
  article: "Art. 28(1); Art. 28(3); Art. 30(1)(d)",
  title: { fr: "Sous-traitant non déclaré", en: "Undeclared processor" },
  message: (p) => ({
    fr: `L'activité « ${p.ref} » transmet des données à un destinataire (type « ${p.kind} ») qui les traite pour fournir le service, sans le déclarer dans l'annuaire des sous-traitants : pas de contrat de l'article 28 suivi.`,
    en: `Activity "${p.ref}" sends data to a recipient (kind "${p.kind}") that processes it to provide the service, without declaring it in the processor directory: no Art. 28 contract is tracked.`,
  }),
  *check(register) {
    for (const { activity, path } of liveActivities(register)) {
      for (let k = 0; k < activity.recipients.length; k++) {
        const r = activity.recipients[k]!;
        if (r.processorRef !== undefined) continue;
        // A party that processes data for our purpose without keeping it (an AI model called in memory), or a
        // partner given one of our purposes, acts on our behalf: Art. 4(8) makes it a processor whatever the
        // register calls it. An "other" recipient with a purpose may be a controller in its own right (the
        // people a meeting is arranged with), so a purpose alone does not make it a processor.
        const actsForController =
          ((r.kind === "partner" || r.kind === "other") && r.noRetention === true) ||
          (r.kind === "partner" && r.purpose !== undefined);
        if (r.kind === "processor" || actsForController) {
          yield {
            path: `${path}.recipients[${k}].processorRef`,
            params: { ref: activity.ref, kind: r.kind },
          };
        }
      }
    }
  },
});

export const processorRefUnknown = defineRule<RefParams & { target: string }>({
  code: "PARTY-REF-UNKNOWN",
  severity: "error",
  article: "Art. 30(1)(d); Art. 30(2)(a)",
  title: { fr: "Référence à un sous-traitant inconnu", en: "Reference to an unknown processor" },
  message: (p) => ({
    fr: `« ${p.ref} » renvoie au sous-traitant « ${p.target} », absent de l'annuaire des sous-traitants.`,
    en: `"${p.ref}" refers to processor "${p.target}", which is not in the processor directory.`,
  }),
  *check(register, context) {
    const known = context.processors;
    for (const { activity, path } of liveActivities(register)) {
      for (let k = 0; k < activity.recipients.length; k++) {
        const target = activity.recipients[k]!.processorRef;
        if (target !== undefined && !known.has(target)) {
          yield { path: `${path}.recipients[${k}].processorRef`, params: { ref: activity.ref, target } };
        }
      }
    }
    for (const { entry, path } of liveProcessorEntries(register)) {
      for (let k = 0; k < entry.subProcessors.length; k++) {
        const target = entry.subProcessors[k]!;
        if (!known.has(target))
          yield { path: `${path}.subProcessors[${k}]`, params: { ref: entry.ref, target } };
      }
    }
    for (const { transfer, path, ownerRef } of liveTransfers(register, context)) {
      const target = transfer.processorRef;
      if (target !== undefined && !known.has(target)) {
        yield { path: `${path}.processorRef`, params: { ref: ownerRef, target } };
      }
    }
  },
});

export const RECIPIENT_RULES = [contradictsNoSharing, processorUndeclared, processorRefUnknown];
