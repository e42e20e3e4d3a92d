import { ACTIVITY_STATUSES, TRANSFER_MECHANISMS } from "../../model/vocabulary.ts";
import { code, date, i18n, i18nLines, lines, noYes, objectLines, shown, text, yesNo } from "./cell-codecs.ts";
import { type Field, getIn, type SheetLayout } from "./sheet-layout.ts";

// The CNIL "modèle de registre" labels, in French: the format the people who keep a register know.

const DISPLAY = shown(() => "");
const str = (v: unknown): string => (typeof v === "string" ? v : "");

function addressFields(prefix: ReadonlyArray<string>): Field[] {
  return [
    { label: "Adresse", path: [...prefix, "street"], codec: text },
    { label: "Code postal", path: [...prefix, "postcode"], codec: text },
    { label: "Ville", path: [...prefix, "city"], codec: text },
    { label: "Pays", path: [...prefix, "country"], codec: text },
  ];
}

function contactFields(prefix: ReadonlyArray<string>): Field[] {
  return [
    { label: "Nom", path: [...prefix, "name"], codec: text },
    { label: "Organisme", path: [...prefix, "organisation"], codec: text },
    ...addressFields([...prefix, "address"]),
    { label: "Téléphone", path: [...prefix, "phone"], codec: text },
    { label: "E-mail", path: [...prefix, "email"], codec: text },
    { label: "Site web", path: [...prefix, "url"], codec: text },
  ];
}

const DPO_KINDS = {
  internal: { fr: "Interne", en: "Internal" },
  external: { fr: "Externe", en: "External" },
};

/** First sheet: the organisation's identity and the list of activities. Its root is the whole register. */
export const REGISTER_LAYOUT: SheetLayout = {
  title: "Registre des activités de traitement",
  subtitle: (file) => str(getIn(file, ["organisation", "legalName"])),
  widths: [38, 60, 16, 16, 60, 14, 30],
  sections: [
    {
      kind: "fields",
      title: "Organisation",
      fields: [
        { label: "Nom ou raison sociale", path: ["organisation", "legalName"], codec: text },
        { label: "Nom commercial", path: ["organisation", "tradeName"], codec: text },
        { label: "Forme juridique", path: ["organisation", "legalForm"], codec: text },
        { label: "Capital social", path: ["organisation", "shareCapital"], codec: text },
        { label: "SIREN", path: ["organisation", "siren"], codec: text },
        { label: "SIRET", path: ["organisation", "siret"], codec: text },
        { label: "N° de TVA intracommunautaire", path: ["organisation", "vatNumber"], codec: text },
        ...addressFields(["organisation", "address"]),
        { label: "Pays d'établissement", path: ["organisation", "country"], codec: text },
        { label: "Téléphone", path: ["organisation", "phone"], codec: text },
        { label: "E-mail", path: ["organisation", "email"], codec: text },
        { label: "Site web", path: ["organisation", "website"], codec: text },
        { label: "Politique de confidentialité", path: ["organisation", "privacyPolicyUrl"], codec: text },
        { label: "Identifiant Gardien", path: ["organisation", "slug"], codec: text },
      ],
    },
    {
      kind: "fields",
      title: "Responsable du traitement",
      fields: [
        { label: "Nom", path: ["organisation", "legalRepresentative", "name"], codec: text, key: true },
        { label: "Fonction", path: ["organisation", "legalRepresentative", "role"], codec: i18n },
      ],
    },
    {
      kind: "fields",
      title: "Délégué à la protection des données (DPO)",
      object: ["organisation", "dpo"],
      fields: [
        { label: "Nom", path: ["organisation", "dpo", "name"], codec: text },
        { label: "Organisme", path: ["organisation", "dpo", "organisation"], codec: text },
        ...addressFields(["organisation", "dpo", "address"]),
        { label: "Téléphone", path: ["organisation", "dpo", "phone"], codec: text },
        { label: "E-mail", path: ["organisation", "dpo", "email"], codec: text },
        { label: "DPO interne ou externe", path: ["organisation", "dpo", "kind"], codec: code(DPO_KINDS) },
        { label: "DPO désigné auprès de la CNIL", path: ["organisation", "dpo", "designated"], codec: yesNo },
        {
          label: "N° de désignation CNIL",
          path: ["organisation", "dpo", "cnilDesignationNumber"],
          codec: text,
        },
      ],
    },
    {
      kind: "fields",
      title: "Représentant dans l'Union (Art. 27)",
      object: ["organisation", "representative"],
      fields: contactFields(["organisation", "representative"]),
    },
    {
      kind: "table",
      title: "Liste des traitements",
      list: ["activities"],
      shownOnly: true,
      columns: [
        { label: "Référence", path: ["ref"], codec: text },
        { label: "Nom du traitement", path: ["name"], codec: i18n },
        { label: "Date de création", path: ["createdOn"], codec: date },
        { label: "Date de mise à jour", path: ["updatedOn"], codec: date },
        {
          label: "Finalité principale",
          codec: DISPLAY,
          show: (activity) => {
            const purposes = (getIn(activity, ["purposes"]) ?? []) as unknown[];
            const main = purposes.find((p) => getIn(p, ["main"]) === true) ?? purposes[0];
            return i18n.write(getIn(main, ["description"]));
          },
        },
        { label: "Statut", path: ["status"], codec: code(ACTIVITY_STATUSES) },
      ],
    },
  ],
};

const PROCESSOR_KINDS = {
  processor: { fr: "Sous-traitant", en: "Processor" },
  sub_processor: { fr: "Sous-traitant ultérieur", en: "Sub-processor" },
  recipient: { fr: "Destinataire", en: "Recipient" },
};
const PROCESSOR_STATUSES = { active: ACTIVITY_STATUSES.active, archived: ACTIVITY_STATUSES.archived };

/** The directory of processors and recipients that activities refer to. Its root is the whole register. */
export const PROCESSORS_LAYOUT: SheetLayout = {
  title: "Sous-traitants et destinataires",
  widths: [24, 30, 22, 12, 8, 24, 30, 20, 40, 12, 14, 30, 30, 10, 40],
  sections: [
    {
      kind: "table",
      title: "Annuaire",
      list: ["processors"],
      matchBy: ["ref"],
      columns: [
        { label: "Référence", path: ["ref"], codec: text },
        { label: "Nom", path: ["name"], codec: text },
        { label: "Type", path: ["kind"], codec: code(PROCESSOR_KINDS) },
        { label: "Statut", path: ["status"], codec: code(PROCESSOR_STATUSES) },
        { label: "Pays", path: ["country"], codec: text },
        { label: "Contact", path: ["contact", "name"], codec: text },
        { label: "E-mail", path: ["contact", "email"], codec: text },
        { label: "Téléphone", path: ["contact", "phone"], codec: text },
        { label: "Services", path: ["services"], codec: i18nLines },
        { label: "Contrat signé (Art. 28)", path: ["dpa", "signed"], codec: yesNo, key: true },
        { label: "Date de signature", path: ["dpa", "signedOn"], codec: date },
        { label: "Lien du contrat", path: ["dpa", "url"], codec: text },
        { label: "Garanties de transfert", path: ["transferMechanism"], codec: code(TRANSFER_MECHANISMS) },
        { label: "Certifié DPF", path: ["dpfCertified"], codec: yesNo },
        { label: "Remarques", path: ["notes"], codec: i18n },
      ],
    },
  ],
};

/** Art. 30(2): the register kept as a processor, one row per client controller. */
export const PROCESSOR_REGISTER_LAYOUT: SheetLayout = {
  title: "Registre des activités de traitement (sous-traitant)",
  widths: [22, 30, 12, 14, 14, 30, 50, 24, 16, 12, 14],
  sections: [
    {
      kind: "table",
      title: "Responsables de traitement clients",
      list: ["processorRegister"],
      matchBy: ["ref"],
      columns: [
        { label: "Référence", path: ["ref"], codec: text },
        { label: "Responsable du traitement", path: ["controller", "name"], codec: text },
        { label: "Statut", path: ["status"], codec: code(ACTIVITY_STATUSES) },
        { label: "Date de création", path: ["createdOn"], codec: date },
        { label: "Date de mise à jour", path: ["updatedOn"], codec: date },
        { label: "E-mail du responsable", path: ["controller", "contact", "email"], codec: text },
        {
          label: "Catégories de traitements",
          path: ["processingCategories"],
          codec: objectLines(
            (item) => i18n.write(getIn(item, ["description"])),
            (line, item) => ({
              ...(typeof item === "object" && item !== null ? item : {}),
              description: i18n.read?.(line, getIn(item, ["description"])),
            }),
          ),
        },
        { label: "Sous-traitants ultérieurs", path: ["subProcessors"], codec: lines },
        { label: "Transferts hors UE", path: ["noTransferOutsideEea"], codec: noYes },
        { label: "Contrat signé", path: ["contract", "signed"], codec: yesNo, key: true },
        { label: "Date de signature", path: ["contract", "signedOn"], codec: date },
      ],
    },
  ],
};

export const SHEET_NAMES = {
  register: "Registre",
  processors: "Sous-traitants",
  processorRegister: "Registre sous-traitant",
  machine: "gardien",
} as const;
