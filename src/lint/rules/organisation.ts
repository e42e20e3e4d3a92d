/**
 * The controller's identity and the roles around it: Art. 30(1)(a) (controller, joint controller,
 * representative, DPO), Art. 26, Art. 27, Art. 37.
 */
import { isInEea } from "../assess-transfer.ts";
import { hasContactChannel, isUsableAddress } from "../has-contact-channel.ts";
import { defineRule } from "../lint-types.ts";
import { normaliseText } from "../normalise-text.ts";
import { liveActivities } from "../walk-register.ts";

type NoParams = Record<string, never>;

export const sirenMissing = defineRule<NoParams>({
  code: "ORG-SIREN-MISSING",
  severity: "info",
  article: "Art. 30(1)(a)",
  title: { fr: "SIREN absent", en: "SIREN missing" },
  message: () => ({
    fr: "L'organisation est établie en France mais le registre ne donne ni SIREN ni SIRET pour l'identifier.",
    en: "The organisation is established in France but the register gives no SIREN or SIRET to identify it.",
  }),
  *check(register) {
    const org = register.organisation;
    if (org.country === "FR" && org.siren === undefined && org.siret === undefined) {
      yield { path: "organisation.siren", params: {} };
    }
  },
});

export const dpoNotDesignated = defineRule<NoParams>({
  code: "ORG-DPO-NOT-DESIGNATED",
  severity: "info",
  article: "Art. 37(1)",
  title: { fr: "Aucun DPO désigné", en: "No DPO designated" },
  message: () => ({
    fr: "Aucun délégué à la protection des données n'est désigné : vérifiez qu'aucun cas de l'article 37(1) ne l'impose (autorité publique, suivi régulier et systématique à grande échelle, données sensibles ou pénales à grande échelle).",
    en: "No data protection officer is designated: check that no Art. 37(1) case requires one (public authority, large-scale regular and systematic monitoring, large-scale special-category or criminal data).",
  }),
  *check(register) {
    const dpo = register.organisation.dpo;
    if (dpo === undefined || !dpo.designated) yield { path: "organisation.dpo", params: {} };
  },
});

export const dpoContactMissing = defineRule<NoParams>({
  code: "ORG-DPO-CONTACT-MISSING",
  severity: "warning",
  article: "Art. 37(7); Art. 30(1)(a)",
  title: { fr: "Coordonnées du DPO absentes", en: "DPO contact details missing" },
  message: () => ({
    fr: "Un DPO est désigné mais le registre ne donne aucune de ses coordonnées (e-mail, téléphone ou adresse).",
    en: "A DPO is designated but the register gives none of their contact details (e-mail, phone or address).",
  }),
  *check(register) {
    const dpo = register.organisation.dpo;
    if (
      dpo?.designated &&
      dpo.email === undefined &&
      dpo.phone === undefined &&
      !isUsableAddress(dpo.address)
    ) {
      yield { path: "organisation.dpo", params: {} };
    }
  },
});

export const representativeMissing = defineRule<{ country: string }>({
  code: "ORG-REPRESENTATIVE-MISSING",
  severity: "warning",
  article: "Art. 27(1); Art. 30(1)(a)",
  title: { fr: "Représentant dans l'Union absent", en: "EU representative missing" },
  message: (p) => ({
    fr: `L'organisation est établie hors de l'EEE (${p.country}) et ne désigne pas de représentant dans l'Union (sauf exception de l'article 27(2)).`,
    en: `The organisation is established outside the EEA (${p.country}) and designates no representative in the Union (unless an Art. 27(2) exception applies).`,
  }),
  *check(register) {
    const org = register.organisation;
    if (!isInEea(org.country) && !hasContactChannel(org.representative)) {
      yield { path: "organisation.representative", params: { country: org.country } };
    }
  },
});

export const jointArrangementMissing = defineRule<{ ref: string; index: number }>({
  code: "ORG-JOINT-ARRANGEMENT-MISSING",
  severity: "warning",
  article: "Art. 26(1)-(2); Art. 30(1)(a)",
  title: { fr: "Responsables conjoints sans accord", en: "Joint controllers without an arrangement" },
  message: (p) => ({
    fr: `L'activité « ${p.ref} » cite un responsable conjoint (n° ${p.index + 1}) pour lequel le registre ne décrit ni accord ni répartition des obligations.`,
    en: `Activity "${p.ref}" names a joint controller (no. ${p.index + 1}) for which the register records no arrangement or allocation of responsibilities.`,
  }),
  *check(register) {
    const documented = new Set<string>();
    for (const joint of register.organisation.jointControllers) {
      if (joint.arrangementUrl !== undefined || joint.responsibilities !== undefined) {
        documented.add(normaliseText(joint.name));
      }
    }
    for (const { activity, path } of liveActivities(register)) {
      for (let k = 0; k < activity.jointControllers.length; k++) {
        if (!documented.has(normaliseText(activity.jointControllers[k]!))) {
          yield { path: `${path}.jointControllers[${k}]`, params: { ref: activity.ref, index: k } };
        }
      }
    }
  },
});

export const ORGANISATION_RULES = [
  sirenMissing,
  dpoNotDesignated,
  dpoContactMissing,
  representativeMissing,
  jointArrangementMissing,
];
