import type { Lang } from "../../documents/document-model.ts";

/** The words of the data package (its readable copy) and of its download pages, in French and English. */
const fr = {
  htmlName: "copie-lisible.html",
  dataTitle: "Vos données",
  dataIntro:
    "Voici les données vous concernant que nous avons réunies, par système source. Les mêmes données figurent, exactes et complètes, dans les fichiers JSON et CSV de l'archive.",
  recordsCaption: (source: string, type: string, n: number) =>
    `${source} — ${type} (${n} ${n < 2 ? "enregistrement" : "enregistrements"})`,
  filesTitle: "Documents joints",
  filesIntro: "Ces documents figurent dans le dossier « files » de l'archive :",
  noData: "Aucune donnée n'a été réunie pour cette réponse.",
  // Download pages
  pageTitle: "Télécharger vos données",
  pageIntro: (org: string, reference: string) =>
    `${org} a répondu à votre demande ${reference}. Vos données sont prêtes à être téléchargées.`,
  expires: (date: string) =>
    `Ce lien est valable jusqu'au ${date}. Il vous est personnel : ne le transmettez pas.`,
  zipButton: "Télécharger l'archive (ZIP : JSON et CSV)",
  zipHelp:
    "L'archive contient vos données aux formats JSON et CSV (lisibles par un tableur), la copie lisible et un manifeste avec l'empreinte SHA-256 de chaque fichier.",
  htmlButton: "Télécharger la copie lisible (HTML)",
  htmlHelp: "La réponse et vos données sous forme de tableaux, à ouvrir dans un navigateur.",
  size: (kib: string) => `Taille : ${kib} Kio`,
  otherLanguage: "English",
  invalidTitle: "Lien de téléchargement invalide ou expiré",
  invalid:
    "Ce lien de téléchargement n'est plus valide : il a expiré ou il est incomplet. Pour recevoir vos données, écrivez à l'organisme qui vous a répondu en rappelant la référence de votre demande.",
};

export type PackageLabels = typeof fr;

const en: PackageLabels = {
  htmlName: "readable-copy.html",
  dataTitle: "Your data",
  dataIntro:
    "Here is the data about you that we gathered, by source system. The same data is in the JSON and CSV files of the archive, exact and complete.",
  recordsCaption: (source: string, type: string, n: number) =>
    `${source} — ${type} (${n} ${n === 1 ? "record" : "records"})`,
  filesTitle: "Attached documents",
  filesIntro: "These documents are in the archive's “files” folder:",
  noData: "No data was gathered for this answer.",
  pageTitle: "Download your data",
  pageIntro: (org: string, reference: string) =>
    `${org} has answered your request ${reference}. Your data is ready to download.`,
  expires: (date: string) => `This link is valid until ${date}. It is personal to you: do not pass it on.`,
  zipButton: "Download the archive (ZIP: JSON and CSV)",
  zipHelp:
    "The archive holds your data in JSON and CSV (readable by a spreadsheet), the readable copy, and a manifest with the SHA-256 fingerprint of every file.",
  htmlButton: "Download the readable copy (HTML)",
  htmlHelp: "The answer and your data as tables, to open in a browser.",
  size: (kib: string) => `Size: ${kib} KiB`,
  otherLanguage: "Français",
  invalidTitle: "Download link invalid or expired",
  invalid:
    "This download link is no longer valid: it has expired or is incomplete. To receive your data, write to the organisation that answered you, quoting the reference of your request.",
};

const LABELS: Record<Lang, PackageLabels> = { fr, en };

export function packageLabelsFor(lang: Lang): PackageLabels {
  return LABELS[lang];
}
