/**
 * The processors the register relies on: Art. 28(3) contract, their control (Art. 28(1), Art. 32), and
 * directory entries that must stay current.
 */
import type { RegisterFile } from "../../register/model/index.ts";
import { defineRule, type LintContext } from "../lint-types.ts";
import { liveActivities, liveProcessorEntries, liveTransfers } from "../walk-register.ts";

type Use = { path: string; ownerRef: string; target: string; asProcessor: boolean };

/** Every reference to the directory from live activities and processor-register entries. */
function* processorUses(register: RegisterFile, context: LintContext): Generator<Use> {
  for (const { activity, path } of liveActivities(register)) {
    for (let k = 0; k < activity.recipients.length; k++) {
      const r = activity.recipients[k]!;
      if (r.processorRef !== undefined) {
        yield {
          path: `${path}.recipients[${k}].processorRef`,
          ownerRef: activity.ref,
          target: r.processorRef,
          asProcessor: r.kind === "processor",
        };
      }
    }
  }
  for (const { entry, path } of liveProcessorEntries(register)) {
    for (let k = 0; k < entry.subProcessors.length; k++) {
      yield {
        path: `${path}.subProcessors[${k}]`,
        ownerRef: entry.ref,
        target: entry.subProcessors[k]!,
        asProcessor: true,
      };
    }
  }
  for (const { transfer, path, ownerRef } of liveTransfers(register, context)) {
    if (transfer.processorRef !== undefined) {
      yield { path: `${path}.processorRef`, ownerRef, target: transfer.processorRef, asProcessor: false };
    }
  }
}

export const dpaMissing = defineRule<{ ref: string }>({
  code: "PROC-DPA-MISSING",
  severity: "error",
  article: "Art. 28(3)",
  title: { fr: "Sous-traitant sans contrat signé", en: "Processor without a signed agreement" },
  message: (p) => ({
    fr: `Le sous-traitant « ${p.ref} » reçoit des données mais aucun contrat de sous-traitance signé (article 28(3)) n'est enregistré.`,
    en: `Processor "${p.ref}" receives data but no signed data processing agreement (Art. 28(3)) is recorded.`,
  }),
  *check(register, context) {
    const needsDpa = new Set<string>();
    for (const use of processorUses(register, context)) {
      const entry = context.processors.get(use.target);
      // A directory "recipient" is a controller in its own right (auditor, authority): no Art. 28 contract.
      if (entry && (use.asProcessor || entry.processor.kind !== "recipient")) needsDpa.add(use.target);
    }
    for (let p = 0; p < register.processors.length; p++) {
      const processor = register.processors[p]!;
      if (needsDpa.has(processor.ref) && processor.dpa?.signed !== true) {
        yield { path: `processors[${p}].dpa`, params: { ref: processor.ref } };
      }
    }
  },
});

export const archivedProcessorReferenced = defineRule<{ ref: string; target: string }>({
  code: "PROC-ARCHIVED-REFERENCED",
  severity: "warning",
  article: "Art. 30(1)(d); Art. 30(2)(a)",
  title: { fr: "Sous-traitant archivé encore utilisé", en: "Archived processor still in use" },
  message: (p) => ({
    fr: `« ${p.ref} » utilise encore le sous-traitant « ${p.target} », archivé dans l'annuaire.`,
    en: `"${p.ref}" still uses processor "${p.target}", which is archived in the directory.`,
  }),
  *check(register, context) {
    for (const use of processorUses(register, context)) {
      if (context.processors.get(use.target)?.processor.status === "archived") {
        yield { path: use.path, params: { ref: use.ownerRef, target: use.target } };
      }
    }
  },
});

export const processorControlMissing = defineRule<{ ref: string }>({
  code: "SEC-PROCESSOR-CONTROL-MISSING",
  severity: "warning",
  article: "Art. 28(1); Art. 32(1)",
  title: { fr: "Contrôle des sous-traitants non renseigné", en: "Control of processors not described" },
  message: (p) => ({
    fr: `« ${p.ref} » ne décrit aucune mesure de contrôle des sous-traitants (rubrique « Contrôle des sous-traitants » de la fiche CNIL).`,
    en: `"${p.ref}" describes no measure for the control of processors (the CNIL sheet's "Control of processors" item).`,
  }),
  *check(register) {
    for (const { activity, path } of liveActivities(register)) {
      // An empty list is ART30-SECURITY-MISSING. Hosting, backup and e-mail are processors too, so every active
      // activity is asked for this item of the CNIL checklist.
      const measures = activity.securityMeasures;
      if (activity.status !== "active" || measures.length === 0) continue;
      if (!measures.some((m) => m.category === "processor_control")) {
        yield { path: `${path}.securityMeasures`, params: { ref: activity.ref } };
      }
    }
    for (const { entry, path } of liveProcessorEntries(register)) {
      const measures = entry.securityMeasures;
      if (entry.subProcessors.length === 0 || measures.length === 0) continue;
      // Art. 28(4): the processor answers for its sub-processors.
      if (!measures.some((m) => m.category === "processor_control")) {
        yield { path: `${path}.securityMeasures`, params: { ref: entry.ref } };
      }
    }
  },
});

export const PROCESSOR_RULES = [dpaMissing, archivedProcessorReferenced, processorControlMissing];
