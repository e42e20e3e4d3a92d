/**
 * Chapter V (Art. 44–49): each transfer outside the EEA needs a country (Art. 30(1)(e)) and a transfer tool:
 * an adequacy decision (Art. 45), appropriate safeguards (Art. 46–47) or a derogation (Art. 49).
 */
import { assessTransfer, isInEea } from "../assess-transfer.ts";
import { defineRule } from "../lint-types.ts";
import { liveTransfers } from "../walk-register.ts";

type RefParams = { ref: string };

function countryList(countries: ReadonlyArray<string>): string {
  return countries.length === 0 ? "?" : countries.join(", ");
}

export const mechanismMissing = defineRule<RefParams & { countries: string }>({
  code: "XFER-MECHANISM-MISSING",
  severity: "error",
  article: "Art. 44; Art. 46(1); Art. 30(1)(e)",
  title: { fr: "Transfert hors EEE sans garantie", en: "Transfer outside the EEA without a safeguard" },
  message: (p) => ({
    fr: `Un transfert de « ${p.ref} » hors de l'EEE (pays : ${p.countries}) ne nomme ni décision d'adéquation, ni garantie appropriée (clauses contractuelles types, BCR...), ni dérogation.`,
    en: `A transfer of "${p.ref}" outside the EEA (country: ${p.countries}) names no adequacy decision, appropriate safeguard (standard contractual clauses, BCR...) or derogation.`,
  }),
  *check(register, context) {
    for (const { transfer, path, ownerRef, processor } of liveTransfers(register, context)) {
      const a = assessTransfer(transfer, processor);
      if (a.outsideEea && !a.adequate && a.mechanism === undefined && transfer.derogation === undefined) {
        yield { path: `${path}.mechanism`, params: { ref: ownerRef, countries: countryList(a.countries) } };
      }
    }
  },
});

export const countryMissing = defineRule<RefParams>({
  code: "XFER-COUNTRY-MISSING",
  severity: "error",
  article: "Art. 30(1)(e)",
  title: { fr: "Transfert sans pays de destination", en: "Transfer without a destination country" },
  message: (p) => ({
    fr: `Un transfert de « ${p.ref} » ne nomme pas le pays tiers ou l'organisation internationale destinataire.`,
    en: `A transfer of "${p.ref}" does not name the third country or international organisation it goes to.`,
  }),
  *check(register, context) {
    for (const { transfer, path, ownerRef, processor } of liveTransfers(register, context)) {
      if (
        transfer.country === undefined &&
        processor?.country === undefined &&
        !transfer.internationalOrganisation
      ) {
        yield { path: `${path}.country`, params: { ref: ownerRef } };
      }
    }
  },
});

export const adequacyInvalid = defineRule<RefParams & { countries: string }>({
  code: "XFER-ADEQUACY-INVALID",
  severity: "error",
  article: "Art. 45",
  title: { fr: "Adéquation invoquée à tort", en: "Adequacy relied on wrongly" },
  message: (p) => ({
    fr: `Un transfert de « ${p.ref} » invoque une décision d'adéquation, mais aucune ne couvre ce destinataire (pays : ${p.countries} ; pour les États-Unis, seul le Data Privacy Framework s'applique, aux organisations certifiées).`,
    en: `A transfer of "${p.ref}" relies on an adequacy decision, but none covers this recipient (country: ${p.countries}; for the United States only the Data Privacy Framework applies, to certified organisations).`,
  }),
  *check(register, context) {
    for (const { transfer, path, ownerRef, processor } of liveTransfers(register, context)) {
      const a = assessTransfer(transfer, processor);
      if (a.mechanism === "adequacy" && a.outsideEea && a.countries.length > 0 && !a.adequate) {
        const outside = a.countries.filter((c) => !isInEea(c));
        yield { path: `${path}.mechanism`, params: { ref: ownerRef, countries: countryList(outside) } };
      }
    }
  },
});

export const dpfNotCertified = defineRule<RefParams & { reason: "not_certified" | "not_us" }>({
  code: "XFER-DPF-NOT-CERTIFIED",
  severity: "error",
  article: "Art. 45; Decision (EU) 2023/1795",
  title: { fr: "DPF invoqué sans certification", en: "DPF relied on without certification" },
  message: (p) =>
    p.reason === "not_us"
      ? {
          fr: `Un transfert de « ${p.ref} » invoque le Data Privacy Framework, qui ne couvre que des destinataires établis aux États-Unis.`,
          en: `A transfer of "${p.ref}" relies on the Data Privacy Framework, which only covers recipients in the United States.`,
        }
      : {
          fr: `Un transfert de « ${p.ref} » invoque le Data Privacy Framework mais le destinataire n'est pas enregistré comme certifié DPF dans l'annuaire des sous-traitants.`,
          en: `A transfer of "${p.ref}" relies on the Data Privacy Framework but the recipient is not recorded as DPF-certified in the processor directory.`,
        },
  *check(register, context) {
    for (const { transfer, path, ownerRef, processor } of liveTransfers(register, context)) {
      const a = assessTransfer(transfer, processor);
      if (a.mechanism !== "dpf") continue;
      if (a.countries.some((c) => c !== "US" && !isInEea(c))) {
        yield { path: `${path}.mechanism`, params: { ref: ownerRef, reason: "not_us" } };
      } else if (processor?.dpfCertified !== true) {
        yield { path: `${path}.mechanism`, params: { ref: ownerRef, reason: "not_certified" } };
      }
    }
  },
});

export const derogationUndocumented = defineRule<RefParams>({
  code: "XFER-DEROGATION-UNDOCUMENTED",
  severity: "error",
  article: "Art. 49(1) second subparagraph; Art. 49(6); Art. 30(1)(e)",
  title: {
    fr: "Dérogation pour intérêts légitimes impérieux non documentée",
    en: "Compelling legitimate interests derogation not documented",
  },
  message: (p) => ({
    fr: `Un transfert de « ${p.ref} » repose sur les intérêts légitimes impérieux (art. 49(1) al. 2) sans lien vers l'évaluation et les garanties, que le registre doit documenter.`,
    en: `A transfer of "${p.ref}" relies on compelling legitimate interests (Art. 49(1) second subparagraph) with no link to the assessment and safeguards the register must document.`,
  }),
  *check(register, context) {
    for (const { transfer, path, ownerRef } of liveTransfers(register, context)) {
      if (transfer.derogation === "49.1.2" && !transfer.documentationUrl) {
        yield { path: `${path}.documentationUrl`, params: { ref: ownerRef } };
      }
    }
  },
});

export const derogationUnspecified = defineRule<RefParams>({
  code: "XFER-DEROGATION-UNSPECIFIED",
  severity: "warning",
  article: "Art. 49(1)",
  title: { fr: "Dérogation non précisée", en: "Derogation not specified" },
  message: (p) => ({
    fr: `Un transfert de « ${p.ref} » repose sur une dérogation de l'article 49 sans dire laquelle.`,
    en: `A transfer of "${p.ref}" relies on an Art. 49 derogation without saying which one.`,
  }),
  *check(register, context) {
    for (const { transfer, path, ownerRef } of liveTransfers(register, context)) {
      if (transfer.mechanism === "derogation" && transfer.derogation === undefined) {
        yield { path: `${path}.derogation`, params: { ref: ownerRef } };
      }
    }
  },
});

export const sccModuleMissing = defineRule<RefParams>({
  code: "XFER-SCC-MODULE-MISSING",
  severity: "info",
  article: "Art. 46(2)(c); Decision (EU) 2021/914",
  title: { fr: "Module des clauses contractuelles types non précisé", en: "SCC module not specified" },
  message: (p) => ({
    fr: `Un transfert de « ${p.ref} » repose sur les clauses contractuelles types sans préciser le module (1 RT→RT, 2 RT→ST, 3 ST→ST, 4 ST→RT).`,
    en: `A transfer of "${p.ref}" relies on standard contractual clauses without the module (1 C→C, 2 C→P, 3 P→P, 4 P→C).`,
  }),
  *check(register, context) {
    for (const { transfer, path, ownerRef, processor } of liveTransfers(register, context)) {
      const mechanism = transfer.mechanism ?? processor?.transferMechanism;
      if (mechanism === "scc" && transfer.sccModule === undefined) {
        yield { path: `${path}.sccModule`, params: { ref: ownerRef } };
      }
    }
  },
});

export const TRANSFER_RULES = [
  mechanismMissing,
  countryMissing,
  adequacyInvalid,
  dpfNotCertified,
  derogationUndocumented,
  derogationUnspecified,
  sccModuleMissing,
];
