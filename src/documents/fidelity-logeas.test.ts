/**
 * Fidelity to the LoGeAs seed (logeas-fiche-registre-gestion-clients.txt), a CNIL register sheet: the generated
 * sheet states every fact of the seed, in the CNIL's sections, each section once (the seed repeats whole
 * sections). The English sheet states the same facts in the demo's English wording.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { readDemoRegisters } from "../demo/read-demo-registers.ts";
import { renderDocument } from "./render-document.ts";
import {
  assertStatesAll,
  countOf,
  type Fact,
  htmlText,
  markdownText,
  normalise,
  readSeed,
  seedWords,
} from "./testing/document-text-kit.ts";

const SEED = "logeas-fiche-registre-gestion-clients.txt";
const logeas = readDemoRegisters().find((r) => r.organisation.slug === "logeas")!;
const REF = "gestion-prospects-clients-fournisseurs";

/** The CNIL sections, as the seed titles them, in the CNIL order. */
const SECTIONS = [
  "Objectifs poursuivis",
  "Catégories de personnes concernées",
  "Catégories de données collectées",
  "Durées de conservation des catégories de données",
  "Catégories de destinataires des données",
  "Transferts des données hors UE",
  "Mesures de sécurité",
];

const FACTS_FR: Fact[] = [
  [
    "FICHE DE REGISTRE DE L'ACTIVITÉ : Gestion des prospects, clients, fournisseurs",
    "Fiche de registre de l'activité : Gestion des prospects, clients, fournisseurs",
  ],
  "Date de création de la fiche",
  ["08-12-2018", "8 décembre 2018"],
  "Date de dernière mise à jour de la fiche",
  "Nom du responsable du traitement",
  "Nicolas MARCHAND",
  "Nom du logiciel ou de l'application",
  "Cloud Logeas",
  "LoGeAs WEB",
  ...SECTIONS,
  // Objectifs poursuivis
  "Opérations relatives à la gestion des clients concernant : les contrats ; les commandes ; les livraisons ; les factures ; la comptabilité et en particulier la gestion des comptes clients ; le suivi de la relation client notamment réalisation d'enquêtes de satisfaction, gestion des réclamations et du service après-vente",
  "Opérations relatives à la prospection (sollicitations, promotions, sondages, tests produits, actions de fidélisation, etc.)",
  "Élaboration de statistiques commerciales",
  "Actualisation des fichiers de prospection par l'entreprise",
  "Gestion des demandes d'exercice des droits légaux prévus par le RGPD",
  "Gestion des avis des personnes sur des produits, services ou contenus.",
  // Personnes concernées
  "Prospects",
  "Clients",
  "Fournisseurs",
  // Données collectées
  [
    "Etat-civil, identité, données d'identification, images",
    "État civil, identité, données d'identification, images",
  ],
  "Civilité, nom, prénoms, adresse, numéro de téléphone (fixe et/ou mobile), numéro de télécopie, adresses de courrier électronique, code interne de traitement permettant l'identification du client",
  "Vie personnelle",
  "Vie professionnelle",
  "Lieu de travail, emploi occupé",
  "Informations d'ordre économique et financier",
  "Relevé d'identité postale ou bancaire, numéro de chèque, modalités de règlement, remises consenties, reçus, soldes et impayés, numéro de la transaction, détail de l'achat, de l'abonnement, du bien ou du service souscrit.",
  [
    "Données de connexion (ex. adresses Ip, logs, identifiants des terminaux",
    "Données de connexion (adresses IP, logs, identifiants des terminaux",
  ],
  "Dans le cadre de l'accès à MonEspace.logeas.fr : informations d'horodatage, audit des informations réalisées",
  "Autres catégories de données",
  "Suivi de la relation commerciale",
  "Demandes de documentation, demandes d'essai, produit acheté, service ou abonnement souscrit, quantité, montant, périodicité, adresse de livraison, historique des achats et des prestations de services, retour des produits, origine de la vente (vendeur, représentant, partenaire, affilié) ou de la commande, correspondances avec le client et service après-vente, échanges et commentaires des clients et prospects, personne(s) en charge de la relation client.",
  "Utilisation d'un service de communication en ligne (site internet)",
  "Données du profil utilisateur (ex : pseudonyme), données de connexion (date, heure, adresse internet, caractéristiques techniques du terminal de l'utilisateur, pages consultées) et avis/contenu postés en ligne",
  "Données comptables",
  // Données sensibles
  [
    "Des données sensibles sont-elles traitées ? Oui **Non**",
    "Des données sensibles sont-elles traitées ? Non",
  ],
  // Durées de conservation
  ["Fin de la relation commerciale", "jusqu'à la fin de la relation contractuelle"],
  [
    "données utilisées à des fins de prospection commerciale",
    "Données utilisées à des fins de prospection commerciale",
  ],
  [
    "trois ans à compter de la fin de la relation commerciale (ou de la collecte pour les prospects non clients)",
    "3 ans à compter de la fin de la relation commerciale (ou de la collecte pour les prospects non clients)",
  ],
  ["Suppression du compte par l'utilisateur.", "jusqu'à la suppression du compte"],
  ["Jusqu'à 10 ans", "10 ans"],
  // Destinataires
  "Destinataires internes",
  "Personnes habilitées à traiter les données au sein de l'entreprise.",
  "Organismes externes",
  "Auditeur des scops",
  "Auditeur certification NF",
  "Pouvoirs publics",
  "Sous-traitants",
  // Transferts
  [
    "Des données personnelles sont-elles transmises hors de l'Union européenne ? Oui **Non**",
    "Des données personnelles sont-elles transmises hors de l'Union européenne ? Non",
  ],
  // Mesures de sécurité, in the CNIL checklist
  "Contrôle d'accès des utilisateurs",
  "mise en place de session windows / identification par empreinte digitale",
  "Mesures de traçabilité",
  "Mesures de protection des logiciels (antivirus, mises à jour et correctifs de sécurité, tests, etc.)",
  "anti-virus sur tous les postes",
  "sensibilisation des collègues",
  "Sauvegarde des données",
  "sauvegarde au sein d'un cloud privatif synchronisé sur tous les postes",
  "sauvegarde spécifiques à LoGeAs WEB",
  "Chiffrement des données",
  "cryptage des disques possédant des données des clients et/ou de l'entreprise",
  "Contrôle des sous-traitants",
  "Autres mesures",
];

const FACTS_EN = [
  "Register sheet for the activity: Management of prospects, customers, suppliers",
  "8 December 2018",
  "Nicolas MARCHAND",
  "Cloud Logeas",
  "LoGeAs WEB",
  "Purposes pursued",
  "Categories of data subjects",
  "Categories of data collected",
  "Retention periods of the categories of data",
  "Categories of recipients of the data",
  "Transfers of data outside the EU",
  "Security measures",
  "Operations relating to customer management concerning: contracts; orders; deliveries; invoices",
  "Operations relating to prospecting (solicitations, promotions, polls, product tests, loyalty actions, etc.)",
  "Compiling commercial statistics",
  "Updating of the prospecting files by the company",
  "Handling of requests to exercise the statutory rights provided by the GDPR",
  "Management of people's reviews of products, services or content.",
  "Prospects",
  "Customers",
  "Suppliers",
  "Civil status, identity, identification data, images",
  "Title, last name, first names, address, phone number (landline and/or mobile), fax number, e-mail addresses",
  "Personal life",
  "Place of work, position held",
  "Postal or bank account details, cheque number, payment terms",
  "For access to MonEspace.logeas.fr: timestamp information, audit of the operations carried out",
  "Follow-up of the commercial relationship",
  "Use of an online communication service (website)",
  "User profile data (e.g. nickname)",
  "Accounting data",
  "Is sensitive data processed? No",
  "until the end of the contract",
  "Data used for commercial prospecting: 3 years from the end of the commercial relationship (or collection, for prospects who are not customers)",
  "until account closure",
  "10 years",
  "Internal recipients",
  "Persons authorised to process the data within the company.",
  "External bodies",
  "SCOP auditor",
  "NF certification auditor",
  "Public authorities",
  "Is personal data transferred outside the European Union? No",
  "User access control",
  "Windows sessions / fingerprint identification",
  "Traceability measures",
  "antivirus on every workstation",
  "awareness training of colleagues",
  "backup in a private cloud synchronised on every workstation",
  "backups specific to LoGeAs WEB",
  "encryption of the disks holding customer and/or company data",
  "Control of processors",
  "Other measures",
];

const render = (lang: "fr" | "en", format: "html" | "md") =>
  renderDocument(logeas, { doc: "sheet", activity: REF, lang, format }).body;

test("LoGeAs seed: every listed fact is in the seed's own words", { skip: !readSeed(SEED) }, () => {
  const seed = normalise(readSeed(SEED)!);
  const absent = FACTS_FR.map(seedWords).filter((f) => !seed.includes(normalise(f)));
  assert.deepEqual(absent, []);
});

test("LoGeAs: the French CNIL sheet states every fact of the seed, in HTML and Markdown", () => {
  assertStatesAll(htmlText(render("fr", "html")), FACTS_FR, "FR HTML");
  assertStatesAll(markdownText(render("fr", "md")), FACTS_FR, "FR Markdown");
});

test("LoGeAs: the English CNIL sheet states the same facts in the demo's English wording", () => {
  assertStatesAll(htmlText(render("en", "html")), FACTS_EN, "EN HTML");
  assertStatesAll(markdownText(render("en", "md")), FACTS_EN, "EN Markdown");
});

test("LoGeAs: the seed repeats whole sections; the generated sheet states each once, in the CNIL order", () => {
  const html = render("fr", "html");
  const headings = [...html.matchAll(/<h([2-6])[^>]*>([^<]*)<\/h\1>/g)].map((m) => normalise(m[2]!));
  assert.equal(new Set(headings).size, headings.length, `a heading is repeated: ${headings.join(" | ")}`);
  const positions = SECTIONS.map((title) => headings.indexOf(normalise(title)));
  assert.ok(
    positions.every((p) => p >= 0),
    `missing section: ${SECTIONS.filter((_, i) => positions[i]! < 0)}`,
  );
  assert.deepEqual(
    [...positions].sort((a, b) => a - b),
    positions,
    "sections out of the CNIL order",
  );
  // The table of contents repeats the headings by design: count in the document's content only.
  const text = htmlText(html.replace(/<nav[\s\S]*?<\/nav>/, ""));
  const seed = readSeed(SEED);
  for (const fact of [
    "Catégories de personnes concernées",
    "Auditeur des scops",
    "sensibilisation des collègues",
    "Lieu de travail, emploi occupé",
  ]) {
    if (seed) assert.equal(countOf(seed, fact), 2, `the seed states "${fact}" twice`);
    assert.equal(countOf(text, fact), 1, `"${fact}" is stated once`);
  }
});

test("LoGeAs: a sheet without --activity renders every activity's sheet, with the same facts", () => {
  const all = htmlText(renderDocument(logeas, { doc: "sheet", lang: "fr", format: "html" }).body);
  assertStatesAll(all, FACTS_FR.slice(1), "sheet of every activity");
});
