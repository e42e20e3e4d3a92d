import {
  ACTIVITY_STATUSES,
  DATA_CATEGORIES,
  DATA_SOURCES,
  DATA_SUBJECT_CATEGORIES,
  DEROGATIONS,
  DPIA_STATUSES,
  LEGAL_BASES,
  RECIPIENT_KINDS,
  RETENTION_ACTIONS,
  RETENTION_EVENTS,
  SECURITY_MEASURE_CATEGORIES,
  SENSITIVE_CATEGORIES,
  SENSITIVE_CONDITIONS,
  TRANSFER_MECHANISMS,
} from "../../model/vocabulary.ts";
import {
  choice,
  code,
  date,
  i18n,
  lines,
  linesOr,
  noYes,
  readableDuration,
  shown,
  text,
  yesNo,
} from "./cell-codecs.ts";
import { getIn, type SheetLayout } from "./sheet-layout.ts";

const DISPLAY = shown(() => "");
const str = (v: unknown): string => (typeof v === "string" ? v : "");

const RECIPIENT_GROUPS: Readonly<Record<string, string>> = {
  internal: "Destinataires internes",
  processor: "Sous-traitants",
};

/** One sheet per activity, as the CNIL "fiche de registre", in its order. Its root is the activity. */
export const ACTIVITY_LAYOUT: SheetLayout = {
  title: "FICHE DE REGISTRE DE L'ACTIVITÉ",
  subtitle: (activity) => i18n.write(getIn(activity, ["name"])),
  widths: [34, 48, 30, 36, 30, 24, 20, 26, 30, 40],
  sections: [
    {
      kind: "fields",
      title: "Activité",
      fields: [
        { label: "Nom de l'activité", path: ["name"], codec: i18n },
        { label: "Référence", path: ["ref"], codec: text },
        { label: "Statut", path: ["status"], codec: code(ACTIVITY_STATUSES) },
        { label: "Date de création de la fiche", path: ["createdOn"], codec: date },
        { label: "Date de dernière mise à jour de la fiche", path: ["updatedOn"], codec: date },
        { label: "Description", path: ["description"], codec: i18n },
      ],
    },
    {
      kind: "fields",
      title: "Acteurs",
      fields: [
        {
          label: "Responsable du traitement",
          codec: DISPLAY,
          show: (_, file) =>
            [
              str(getIn(file, ["organisation", "legalName"])),
              str(getIn(file, ["organisation", "legalRepresentative", "name"])),
            ]
              .filter(Boolean)
              .join(" — "),
        },
        { label: "Responsables conjoints", path: ["jointControllers"], codec: lines },
        {
          label: "Représentant",
          codec: DISPLAY,
          show: (_, file) => contactLine(getIn(file, ["organisation", "representative"])),
        },
        {
          label: "Délégué à la protection des données",
          codec: DISPLAY,
          show: (_, file) => contactLine(getIn(file, ["organisation", "dpo"])),
        },
        { label: "Nom du logiciel ou de l'application", path: ["software"], codec: lines },
      ],
    },
    {
      kind: "table",
      title: "Objectifs poursuivis",
      list: ["purposes"],
      columns: [
        { label: "Finalité", path: ["main"], codec: choice("Principale", "Sous-finalité") },
        { label: "Description", path: ["description"], codec: i18n },
        { label: "Base légale", path: ["legalBasis", "code"], codec: code(LEGAL_BASES), key: true },
        { label: "Texte de référence", path: ["legalBasis", "legalReference"], codec: text },
      ],
    },
    {
      kind: "table",
      title: "Catégories de personnes concernées",
      list: ["dataSubjects"],
      columns: [
        { label: "Catégorie", path: ["category"], codec: code(DATA_SUBJECT_CATEGORIES) },
        { label: "Précision", path: ["label"], codec: i18n },
        { label: "Personnes vulnérables", path: ["vulnerable"], codec: yesNo },
      ],
    },
    {
      kind: "table",
      title: "Catégories de données collectées",
      list: ["dataCategories"],
      matchBy: ["id"],
      columns: [
        { label: "Identifiant", path: ["id"], codec: text },
        { label: "Catégorie (CNIL)", path: ["category"], codec: code(DATA_CATEGORIES) },
        { label: "Libellé", path: ["label"], codec: i18n },
        { label: "Description", path: ["description"], codec: i18n },
        { label: "Source", path: ["source", "kind"], codec: code(DATA_SOURCES), key: true },
        { label: "Précision sur la source", path: ["source", "detail"], codec: i18n },
        { label: "Facultative", path: ["optional"], codec: yesNo },
      ],
    },
    {
      kind: "fields",
      title: "Données sensibles",
      fields: [
        {
          label: "Des données sensibles sont-elles traitées ?",
          path: ["sensitiveData", "processed"],
          codec: yesNo,
        },
      ],
    },
    {
      kind: "table",
      title: "Catégories de données sensibles",
      list: ["sensitiveData", "items"],
      columns: [
        { label: "Catégorie", path: ["category"], codec: code(SENSITIVE_CATEGORIES) },
        { label: "Condition (Art. 9(2) ou 10)", path: ["condition"], codec: code(SENSITIVE_CONDITIONS) },
        { label: "Justification", path: ["justification"], codec: i18n },
      ],
    },
    {
      kind: "fields",
      title: "Durées de conservation",
      fields: [
        { label: "Durée maximale (ISO 8601)", path: ["retention", "maximum"], codec: text },
        {
          label: "Durée maximale",
          codec: DISPLAY,
          show: (a) => readableDuration(getIn(a, ["retention", "maximum"])),
        },
      ],
    },
    {
      kind: "table",
      title: "Durées de conservation des catégories de données",
      list: ["retention", "rules"],
      columns: [
        { label: "Catégories de données", path: ["dataCategories"], codec: linesOr("Toutes") },
        { label: "Durée (ISO 8601)", path: ["duration"], codec: text },
        { label: "Durée", codec: DISPLAY, show: (rule) => readableDuration(getIn(rule, ["duration"])) },
        { label: "À compter de", path: ["from"], codec: code(RETENTION_EVENTS) },
        { label: "Précision sur l'événement", path: ["fromDetail"], codec: i18n },
        { label: "En fin de durée", path: ["action"], codec: code(RETENTION_ACTIONS) },
        { label: "Référence légale", path: ["legalReference"], codec: text },
        { label: "Remarque", path: ["note"], codec: i18n },
        { label: "Formulation d'origine", path: ["statedAs"], codec: i18n },
      ],
    },
    {
      kind: "fields",
      title: "Catégories de destinataires des données",
      fields: [{ label: "Aucune transmission à des tiers", path: ["noThirdPartySharing"], codec: yesNo }],
    },
    {
      kind: "table",
      title: "Destinataires",
      list: ["recipients"],
      columns: [
        {
          label: "Destinataires",
          codec: DISPLAY,
          show: (r) => RECIPIENT_GROUPS[str(getIn(r, ["kind"]))] ?? "Organismes externes",
        },
        { label: "Type", path: ["kind"], codec: code(RECIPIENT_KINDS) },
        { label: "Nom", path: ["name"], codec: i18n },
        { label: "Sous-traitant (référence)", path: ["processorRef"], codec: text },
        { label: "Objet", path: ["purpose"], codec: i18n },
        { label: "Catégories de données", path: ["dataCategories"], codec: lines },
        { label: "Pays", path: ["country"], codec: text },
        { label: "Sans conservation", path: ["noRetention"], codec: yesNo },
        { label: "Remarque", path: ["note"], codec: i18n },
      ],
    },
    {
      kind: "fields",
      title: "Transferts des données hors UE",
      fields: [
        {
          label: "Des données personnelles sont-elles transmises hors de l'Union européenne ?",
          path: ["noTransferOutsideEea"],
          codec: noYes,
        },
      ],
    },
    {
      kind: "table",
      title: "Transferts",
      list: ["transfers"],
      columns: [
        { label: "Destinataire", path: ["recipient"], codec: text },
        { label: "Sous-traitant (référence)", path: ["processorRef"], codec: text },
        { label: "Pays", path: ["country"], codec: text },
        { label: "Organisation internationale", path: ["internationalOrganisation"], codec: text },
        { label: "Type de garanties", path: ["mechanism"], codec: code(TRANSFER_MECHANISMS) },
        { label: "Module des clauses types", path: ["sccModule"], codec: text },
        { label: "Dérogation (Art. 49)", path: ["derogation"], codec: code(DEROGATIONS) },
        { label: "Lien vers la documentation", path: ["documentationUrl"], codec: text },
        { label: "Catégories de données", path: ["dataCategories"], codec: lines },
        { label: "Description", path: ["description"], codec: i18n },
      ],
    },
    {
      kind: "table",
      title: "Mesures de sécurité",
      list: ["securityMeasures"],
      skipWhenEmpty: ["description"],
      // The CNIL checklist shows every category: those without a measure get an empty row.
      extraRows: (items) =>
        Object.entries(SECURITY_MEASURE_CATEGORIES)
          .filter(([c]) => !items.some((m) => getIn(m, ["category"]) === c))
          .map(([, label]) => [label.fr, ""]),
      columns: [
        { label: "Catégorie", path: ["category"], codec: code(SECURITY_MEASURE_CATEGORIES) },
        { label: "Mesure", path: ["description"], codec: i18n },
      ],
    },
    {
      kind: "fields",
      title: "Analyse d'impact (AIPD)",
      fields: [{ label: "Statut de l'AIPD", path: ["dpia", "status"], codec: code(DPIA_STATUSES) }],
    },
  ],
};

function contactLine(contact: unknown): string {
  return ["name", "organisation", "email", "phone"]
    .map((k) => str(getIn(contact, [k])))
    .filter(Boolean)
    .join(", ");
}
