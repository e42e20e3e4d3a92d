/**
 * Art. 30(2): the register a processor keeps of the processing it carries out for each client controller,
 * and the Art. 28(3) contract each of those controllers signs.
 */
import { hasContactChannel } from "../has-contact-channel.ts";
import { defineRule } from "../lint-types.ts";
import { liveProcessorEntries } from "../walk-register.ts";

type RefParams = { ref: string };

export const entryControllerContactMissing = defineRule<RefParams>({
  code: "ART30P-CONTROLLER-CONTACT-MISSING",
  severity: "error",
  article: "Art. 30(2)(a)",
  title: {
    fr: "Coordonnées du responsable du traitement client absentes",
    en: "Client controller contact details missing",
  },
  message: (p) => ({
    fr: `L'entrée « ${p.ref} » du registre sous-traitant ne donne aucune coordonnée du responsable du traitement pour lequel elle est tenue.`,
    en: `Processor-register entry "${p.ref}" gives no contact details for the controller it acts for.`,
  }),
  *check(register) {
    for (const { entry, path } of liveProcessorEntries(register)) {
      if (!hasContactChannel(entry.controller.contact)) {
        yield { path: `${path}.controller.contact`, params: { ref: entry.ref } };
      }
    }
  },
});

export const entryCategoriesMissing = defineRule<RefParams>({
  code: "ART30P-CATEGORIES-MISSING",
  severity: "error",
  article: "Art. 30(2)(b)",
  title: { fr: "Catégories de traitements absentes", en: "Categories of processing missing" },
  message: (p) => ({
    fr: `L'entrée « ${p.ref} » du registre sous-traitant ne décrit aucune catégorie de traitement effectuée pour le compte du client.`,
    en: `Processor-register entry "${p.ref}" describes no category of processing carried out for the controller.`,
  }),
  *check(register) {
    for (const { entry, path } of liveProcessorEntries(register)) {
      if (entry.processingCategories.length === 0) {
        yield { path: `${path}.processingCategories`, params: { ref: entry.ref } };
      }
    }
  },
});

export const entrySecurityMissing = defineRule<RefParams>({
  code: "ART30P-SECURITY-MISSING",
  severity: "error",
  article: "Art. 30(2)(d); Art. 32(1)",
  title: { fr: "Mesures de sécurité absentes (sous-traitant)", en: "Security measures missing (processor)" },
  message: (p) => ({
    fr: `L'entrée « ${p.ref} » du registre sous-traitant ne décrit aucune mesure de sécurité.`,
    en: `Processor-register entry "${p.ref}" describes no security measure.`,
  }),
  *check(register) {
    for (const { entry, path } of liveProcessorEntries(register)) {
      if (entry.securityMeasures.length === 0)
        yield { path: `${path}.securityMeasures`, params: { ref: entry.ref } };
    }
  },
});

export const entryContractMissing = defineRule<RefParams>({
  code: "ART30P-CONTRACT-MISSING",
  severity: "error",
  article: "Art. 28(3); Art. 28(9)",
  title: { fr: "Contrat de sous-traitance non signé", en: "Processing agreement not signed" },
  message: (p) => ({
    fr: `L'entrée « ${p.ref} » n'indique pas de contrat de sous-traitance signé avec le responsable du traitement.`,
    en: `Entry "${p.ref}" records no signed data processing agreement with the controller.`,
  }),
  *check(register) {
    for (const { entry, path } of liveProcessorEntries(register)) {
      if (entry.contract?.signed !== true) yield { path: `${path}.contract`, params: { ref: entry.ref } };
    }
  },
});

export const entryRightsChannelMissing = defineRule<RefParams>({
  code: "ART30P-RIGHTS-CHANNEL-MISSING",
  severity: "info",
  article: "Art. 28(3)(e)",
  title: {
    fr: "Transmission des demandes de droits au client non décrite",
    en: "Forwarding of rights requests to the controller not described",
  },
  message: (p) => ({
    fr: `L'entrée « ${p.ref} » ne dit pas comment une demande d'exercice des droits reçue par le sous-traitant parvient au responsable du traitement.`,
    en: `Entry "${p.ref}" does not say how a rights request received by the processor reaches the controller.`,
  }),
  *check(register) {
    for (const { entry, path } of liveProcessorEntries(register)) {
      if (!entry.rightsRequests) yield { path: `${path}.rightsRequests`, params: { ref: entry.ref } };
    }
  },
});

export const processorRegisterMissing = defineRule<Record<string, never>>({
  code: "ART30P-REGISTER-MISSING",
  severity: "error",
  article: "Art. 30(2)",
  title: { fr: "Registre des activités de sous-traitance absent", en: "Processor register missing" },
  message: () => ({
    fr: "L'organisation se déclare sous-traitant mais son registre des activités de sous-traitance est vide.",
    en: "The organisation declares the processor role but its processor register is empty.",
  }),
  *check(register) {
    if (!register.organisation.roles.includes("processor")) return;
    for (const _ of liveProcessorEntries(register)) return;
    yield { path: "processorRegister", params: {} };
  },
});

export const processorRoleUndeclared = defineRule<Record<string, never>>({
  code: "ART30P-ROLE-UNDECLARED",
  severity: "warning",
  article: "Art. 30(2)",
  title: { fr: "Rôle de sous-traitant non déclaré", en: "Processor role not declared" },
  message: () => ({
    fr: "Le registre contient des entrées de sous-traitance mais l'organisation ne se déclare pas sous-traitant.",
    en: "The register has processor-register entries but the organisation does not declare the processor role.",
  }),
  *check(register) {
    if (register.organisation.roles.includes("processor")) return;
    for (const _ of liveProcessorEntries(register)) {
      yield { path: "organisation.roles", params: {} };
      return;
    }
  },
});

export const PROCESSOR_REGISTER_RULES = [
  entryControllerContactMissing,
  entryCategoriesMissing,
  entrySecurityMissing,
  entryContractMissing,
  entryRightsChannelMissing,
  processorRegisterMissing,
  processorRoleUndeclared,
];
