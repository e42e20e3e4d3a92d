import type { Localized } from "../../errors/app-error.ts";
import type {
  IdentityStatus,
  RequestChannel,
  RequestOutcome,
  RequestStatus,
  RequestType,
} from "./request.schema.ts";

/** Each request type, its label and the article it rests on. */
export const REQUEST_TYPE_INFO: Readonly<Record<RequestType, { label: Localized; article: string }>> = {
  access: { label: { fr: "Droit d'accès", en: "Right of access" }, article: "Art. 15" },
  rectification: {
    label: { fr: "Droit de rectification", en: "Right to rectification" },
    article: "Art. 16",
  },
  erasure: { label: { fr: "Droit à l'effacement", en: "Right to erasure" }, article: "Art. 17" },
  restriction: {
    label: { fr: "Droit à la limitation du traitement", en: "Right to restriction of processing" },
    article: "Art. 18",
  },
  objection: { label: { fr: "Droit d'opposition", en: "Right to object" }, article: "Art. 21" },
  portability: {
    label: { fr: "Droit à la portabilité", en: "Right to data portability" },
    article: "Art. 20",
  },
  consent_withdrawal: {
    label: { fr: "Retrait du consentement", en: "Withdrawal of consent" },
    article: "Art. 7(3)",
  },
  automated_decision_review: {
    label: {
      fr: "Intervention humaine sur une décision automatisée",
      en: "Human review of an automated decision",
    },
    article: "Art. 22(3)",
  },
};

export const REQUEST_STATUS_LABELS: Readonly<Record<RequestStatus, Localized>> = {
  received: { fr: "Reçue", en: "Received" },
  awaiting_identity: { fr: "En attente de vérification d'identité", en: "Awaiting identity check" },
  in_progress: { fr: "En cours de traitement", en: "In progress" },
  awaiting_controller: { fr: "En attente du responsable du traitement", en: "Awaiting the controller" },
  awaiting_processors: { fr: "En attente des sous-traitants", en: "Awaiting the processors" },
  answered: { fr: "Réponse envoyée", en: "Answered" },
  closed: { fr: "Clôturée", en: "Closed" },
  withdrawn: { fr: "Retirée par le demandeur", en: "Withdrawn by the requester" },
};

export const REQUEST_CHANNEL_LABELS: Readonly<Record<RequestChannel, Localized>> = {
  web_form: { fr: "Formulaire en ligne", en: "Online form" },
  api: { fr: "API", en: "API" },
  email: { fr: "Courriel", en: "E-mail" },
  letter: { fr: "Courrier postal", en: "Postal letter" },
  phone: { fr: "Téléphone", en: "Telephone" },
  in_person: { fr: "En personne", en: "In person" },
  opendsr: { fr: "OpenDSR", en: "OpenDSR" },
  forwarded: { fr: "Transmise par un autre organisme", en: "Forwarded by another organisation" },
};

export const REQUEST_OUTCOME_LABELS: Readonly<Record<RequestOutcome, Localized>> = {
  granted: { fr: "Demande satisfaite", en: "Granted" },
  partly_granted: { fr: "Demande satisfaite en partie", en: "Partly granted" },
  refused: { fr: "Demande refusée", en: "Refused" },
  no_action: { fr: "Aucune suite donnée (art. 12(4))", en: "No action taken (Art. 12(4))" },
};

export const IDENTITY_STATUS_LABELS: Readonly<Record<IdentityStatus, Localized>> = {
  pending: { fr: "Vérification en attente", en: "Check pending" },
  verified: { fr: "Identité vérifiée", en: "Identity verified" },
  more_info_requested: {
    fr: "Informations complémentaires demandées (art. 12(6))",
    en: "More information requested (Art. 12(6))",
  },
  not_required: { fr: "Vérification non nécessaire", en: "No check needed" },
};
