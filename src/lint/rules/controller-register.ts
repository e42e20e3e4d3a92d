/**
 * Art. 30(1): the fields every activity of the controller register must carry, and the controller's contact.
 */
import { hasContactChannel, isUsableAddress } from "../has-contact-channel.ts";
import { defineRule } from "../lint-types.ts";
import { liveActivities } from "../walk-register.ts";

type RefParams = { ref: string };

/** A rule for one list of the activity that Art. 30(1) requires to be non-empty. */
function requiredList(spec: {
  code: string;
  field: "purposes" | "dataSubjects" | "dataCategories" | "recipients" | "securityMeasures";
  article: string;
  title: { fr: string; en: string };
  what: { fr: string; en: string };
}) {
  return defineRule<RefParams>({
    code: spec.code,
    severity: "error",
    article: spec.article,
    title: spec.title,
    message: (p) => ({
      fr: `L'activité « ${p.ref} » ne mentionne ${spec.what.fr}.`,
      en: `Activity "${p.ref}" lists ${spec.what.en}.`,
    }),
    *check(register) {
      for (const { activity, path } of liveActivities(register)) {
        if (activity[spec.field].length === 0)
          yield { path: `${path}.${spec.field}`, params: { ref: activity.ref } };
      }
    },
  });
}

export const activityNameMissing = defineRule<RefParams>({
  code: "ART30-NAME-MISSING",
  severity: "error",
  article: "Art. 30(1)(b)",
  title: { fr: "Activité sans nom", en: "Activity without a name" },
  message: (p) => ({
    fr: `L'activité « ${p.ref} » n'a pas de nom : le registre désigne chaque traitement par son nom.`,
    en: `Activity "${p.ref}" has no name: the register identifies each processing by its name.`,
  }),
  *check(register) {
    for (const { activity, path } of liveActivities(register)) {
      const name = activity.name as { fr?: string; en?: string } | undefined;
      if (!name?.fr?.trim() && !name?.en?.trim())
        yield { path: `${path}.name`, params: { ref: activity.ref } };
    }
  },
});

export const purposeMissing = requiredList({
  code: "ART30-PURPOSE-MISSING",
  field: "purposes",
  article: "Art. 30(1)(b)",
  title: { fr: "Finalité absente", en: "Purpose missing" },
  what: { fr: "aucune finalité", en: "no purpose" },
});

export const mainPurposeMissing = defineRule<RefParams & { count: number }>({
  code: "ART30-PURPOSE-MAIN-MISSING",
  severity: "warning",
  article: "Art. 30(1)(b)",
  title: { fr: "Aucune finalité principale", en: "No main purpose" },
  message: (p) => ({
    fr: `L'activité « ${p.ref} » a ${p.count} finalités mais aucune n'est marquée comme finalité principale.`,
    en: `Activity "${p.ref}" has ${p.count} purposes but none is marked as the main purpose.`,
  }),
  *check(register) {
    for (const { activity, path } of liveActivities(register)) {
      // A single purpose is the main one by construction; the CNIL sheet asks to single one out among several.
      if (activity.purposes.length > 1 && !activity.purposes.some((p) => p.main)) {
        yield { path: `${path}.purposes`, params: { ref: activity.ref, count: activity.purposes.length } };
      }
    }
  },
});

export const mainPurposeMultiple = defineRule<RefParams & { first: number }>({
  code: "ART30-PURPOSE-MAIN-MULTIPLE",
  severity: "warning",
  article: "Art. 30(1)(b)",
  title: { fr: "Plusieurs finalités principales", en: "More than one main purpose" },
  message: (p) => ({
    fr: `L'activité « ${p.ref} » a déjà une finalité principale (purposes[${p.first}]) : les autres sont des sous-finalités.`,
    en: `Activity "${p.ref}" already has a main purpose (purposes[${p.first}]): the others are sub-purposes.`,
  }),
  *check(register) {
    for (const { activity, path } of liveActivities(register)) {
      let first = -1;
      for (let j = 0; j < activity.purposes.length; j++) {
        if (!activity.purposes[j]!.main) continue;
        if (first === -1) first = j;
        else yield { path: `${path}.purposes[${j}].main`, params: { ref: activity.ref, first } };
      }
    }
  },
});

export const subjectsMissing = requiredList({
  code: "ART30-SUBJECTS-MISSING",
  field: "dataSubjects",
  article: "Art. 30(1)(c)",
  title: { fr: "Catégories de personnes concernées absentes", en: "Data subject categories missing" },
  what: { fr: "aucune catégorie de personnes concernées", en: "no category of data subjects" },
});

export const dataCategoriesMissing = requiredList({
  code: "ART30-DATA-MISSING",
  field: "dataCategories",
  article: "Art. 30(1)(c)",
  title: { fr: "Catégories de données absentes", en: "Data categories missing" },
  what: { fr: "aucune catégorie de données", en: "no category of personal data" },
});

export const recipientsMissing = requiredList({
  code: "ART30-RECIPIENTS-MISSING",
  field: "recipients",
  article: "Art. 30(1)(d)",
  title: { fr: "Destinataires absents", en: "Recipients missing" },
  what: {
    fr: "aucun destinataire, pas même le service interne qui traite les données",
    en: "no recipient, not even the internal department that handles the data",
  },
});

export const securityMissing = requiredList({
  code: "ART30-SECURITY-MISSING",
  field: "securityMeasures",
  article: "Art. 30(1)(g); Art. 32(1)",
  title: { fr: "Mesures de sécurité absentes", en: "Security measures missing" },
  what: { fr: "aucune mesure de sécurité", en: "no security measure" },
});

export const retentionMissing = defineRule<RefParams>({
  code: "ART30-RETENTION-MISSING",
  severity: "error",
  article: "Art. 30(1)(f); Art. 5(1)(e)",
  title: { fr: "Durée de conservation absente", en: "Retention period missing" },
  message: (p) => ({
    fr: `L'activité « ${p.ref} » ne fixe aucune durée de conservation.`,
    en: `Activity "${p.ref}" sets no retention period.`,
  }),
  *check(register) {
    for (const { activity, path } of liveActivities(register)) {
      if (activity.retention.rules.length === 0) {
        yield { path: `${path}.retention.rules`, params: { ref: activity.ref } };
      }
    }
  },
});

export const controllerContactMissing = defineRule<Record<string, never>>({
  code: "ART30-CONTROLLER-CONTACT-MISSING",
  severity: "error",
  article: "Art. 30(1)(a)",
  title: {
    fr: "Coordonnées du responsable du traitement absentes",
    en: "Controller contact details missing",
  },
  message: () => ({
    fr: "Le registre ne donne aucune coordonnée du responsable du traitement (adresse, e-mail ou téléphone).",
    en: "The register gives no contact details for the controller (address, e-mail or phone).",
  }),
  *check(register) {
    const org = register.organisation;
    const reachable =
      org.email !== undefined ||
      org.phone !== undefined ||
      isUsableAddress(org.address) ||
      hasContactChannel(org.rightsContact);
    if (!org.legalName?.trim() || !reachable) yield { path: "organisation", params: {} };
  },
});

export const rightsContactMissing = defineRule<Record<string, never>>({
  code: "ART30-RIGHTS-CONTACT-MISSING",
  severity: "warning",
  article: "Art. 12(2); Art. 13(1)(a)-(b)",
  title: { fr: "Contact pour l'exercice des droits absent", en: "Rights contact missing" },
  message: () => ({
    fr: "Aucun contact pour l'exercice des droits : ni contact dédié, ni coordonnées du DPO.",
    en: "No contact for exercising data subject rights: neither a dedicated contact nor DPO contact details.",
  }),
  *check(register) {
    const { rightsContact, dpo } = register.organisation;
    const dpoReachable = dpo !== undefined && (dpo.email !== undefined || dpo.phone !== undefined);
    if (!hasContactChannel(rightsContact) && !dpoReachable) {
      yield { path: "organisation.rightsContact", params: {} };
    }
  },
});

export const CONTROLLER_REGISTER_RULES = [
  activityNameMissing,
  purposeMissing,
  mainPurposeMissing,
  mainPurposeMultiple,
  subjectsMissing,
  dataCategoriesMissing,
  recipientsMissing,
  retentionMissing,
  securityMissing,
  controllerContactMissing,
  rightsContactMissing,
];
