/**
 * Fidelity to the Régis seed (regis-registre-des-traitements.txt): every fact the published register states,
 * as its literal words (or, where Gardien words it differently, the pair [seed, generated]), must be stated by
 * the public register generated from the demo register, in HTML and in Markdown. The English document must
 * state the same facts in the demo's English wording.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { readDemoRegisters } from "../demo/read-demo-registers.ts";
import { renderDocument } from "./render-document.ts";
import {
  assertStatesAll,
  type Fact,
  htmlText,
  markdownText,
  normalise,
  readSeed,
  seedWords,
} from "./testing/document-text-kit.ts";

const regis = readDemoRegisters().find((r) => r.organisation.slug === "regis")!;

const FACTS_FR: Fact[] = [
  // Informations générales
  "Agence Moiré",
  "SAS",
  "903 747 350",
  "19 Boulevard des Déportés",
  "35400 Saint-Malo",
  "France",
  "dpo@regis.chat",
  ["droit d’accès", "Droit d'accès"],
  ["de rectification", "Droit de rectification"],
  ["d’effacement", "Droit à l'effacement"],
  ["de limitation", "Droit à la limitation"],
  ["d’opposition", "Droit d'opposition"],
  ["portabilité", "Droit à la portabilité"],
  // Activity names and purposes
  "Gestion des prospects via formulaire de contact",
  "Réception, traitement et suivi des demandes de contact et d’information envoyées via le formulaire du site.",
  "Gestion commerciale des clients et comptes collaborateurs",
  "Gestion de la relation contractuelle et commerciale avec les clients, création et administration des comptes utilisateurs collaborateurs.",
  "Analyse des interactions avec le chatbot",
  "Analyse statistique et amélioration continue des performances du chatbot, suivi des thématiques abordées.",
  "Collecte de données personnelles dans les conversations chatbot (intents métiers)",
  "Fournir des informations complémentaires à la demande de l’utilisateur, exécuter des actions métier spécifiques (ex. : commande, facturation) et assurer un suivi de la relation commerciale.",
  // Legal bases
  "Consentement",
  "article 6.1.a du RGPD",
  "Exécution d’un contrat",
  "article 6.1.b du RGPD",
  "Intérêt légitime",
  "article 6.1.f du RGPD",
  // Data categories
  "Nom, prénom",
  "Adresse e-mail",
  "Numéro de téléphone (le cas échéant)",
  "Contenu du message",
  "Adresse e-mail professionnelle",
  "Téléphone",
  "Données relatives à l’entreprise cliente (raison sociale, SIRET, adresse)",
  "Identifiants et informations de connexion des comptes collaborateurs",
  "Contenu des questions posées au chatbot",
  "Thématiques associées",
  "Informations techniques de navigation (date, heure, page)",
  "Nom, prénom (si fourni)",
  "Numéro de téléphone",
  "Données métiers selon l’intention : numéro de commande, numéro de facture, etc.",
  // Data subjects
  "Prospects",
  ["Prospects et visiteurs du site web", "Visiteurs du site web"],
  "Clients professionnels",
  "Collaborateurs des clients",
  ["Visiteurs et utilisateurs du chatbot", "Utilisateurs du chatbot"],
  "Utilisateurs finaux du chatbot",
  // Recipients
  "Équipe commerciale et support interne de Régis",
  "Aucun transfert à des tiers",
  "Équipe commerciale et technique de Régis",
  "Service comptabilité",
  "Équipe produit et support de Régis",
  "Les données peuvent être transmises temporairement au modèle d’IA partenaire uniquement pour générer les réponses, sans conservation de sa part",
  "Les traitements par le modèle d’IA sont réalisés en mémoire vive sans stockage",
  "Équipe commerciale et support de Régis",
  "Les données peuvent être transmises temporairement au modèle d’IA partenaire uniquement pour formuler une réponse, sans stockage",
  // Retention
  "24 mois",
  ["24 mois maximum à compter du dernier contact avec le prospect", "24 mois à compter du dernier contact"],
  ["24 mois maximum", "Durée maximale de conservation : 24 mois"],
  [
    "24 mois après la fin de la relation contractuelle ou du dernier contact commercial",
    "24 mois à compter de la fin de la relation contractuelle ou du dernier contact commercial",
  ],
  ["24 mois après la dernière interaction", "24 mois à compter de la dernière interaction"],
  [
    "24 mois après la dernière interaction ou le dernier contact commercial",
    "24 mois à compter de la dernière interaction ou le dernier contact commercial",
  ],
  // Transfers outside the EU
  ["Aucun transfert de données personnelles hors UE", "Aucun transfert hors de l'Espace économique européen"],
  // Security measures
  "Hébergement dans un datacenter situé dans l’Union européenne",
  "Accès limité aux seules personnes habilitées",
  "Connexions sécurisées (HTTPS)",
  "Hébergement sécurisé dans des datacenters situés dans l’Union européenne",
  "Authentification protégée pour les comptes collaborateurs",
  "Accès restreint aux données client",
  "Anonymisation partielle pour les analyses",
  "Hébergement dans des datacenters européens",
  "Accès restreint aux données",
  "Chiffrement des communications",
  "Hébergement sécurisé dans l’Union européenne",
  "Accès strictement limité aux équipes concernées",
];

const FACTS_EN = [
  "Agence Moiré",
  "SAS",
  "903 747 350",
  "19 Boulevard des Déportés",
  "35400 Saint-Malo",
  "France",
  "dpo@regis.chat",
  "Right of access",
  "Right to rectification",
  "Right to erasure",
  "Right to restriction of processing",
  "Right to object",
  "Right to data portability",
  "Management of prospects via the contact form",
  "Receiving, handling and following up the contact and information requests sent through the website form.",
  "Commercial management of customers and staff accounts",
  "Management of the contractual and commercial relationship with customers, creation and administration of the staff user accounts.",
  "Analysis of the interactions with the chatbot",
  "Statistical analysis and continuous improvement of the chatbot's performance, follow-up of the topics raised.",
  "Collection of personal data in chatbot conversations (business intents)",
  "Providing further information at the user's request, carrying out specific business actions (e.g. order, invoicing) and following up the commercial relationship.",
  "Consent (Art. 6(1)(a) GDPR)",
  "Contract (Art. 6(1)(b) GDPR)",
  "Legitimate interests (Art. 6(1)(f) GDPR)",
  "Last name, first name",
  "E-mail address",
  "Phone number (where applicable)",
  "Content of the message",
  "Business e-mail address",
  "Data about the customer company (company name, SIRET, address)",
  "Login credentials and connection information of the staff accounts",
  "Content of the questions asked to the chatbot",
  "Associated topics",
  "Technical browsing information (date, time, page)",
  "Last name, first name (if provided)",
  "Business data depending on the intent: order number, invoice number, etc.",
  "Prospects",
  "Website visitors",
  "Business customers",
  "Customers' staff",
  "Chatbot users",
  "End users of the chatbot",
  "Régis sales team and internal support",
  "No transfer to third parties",
  "Régis sales and technical team",
  "Accounting department",
  "Régis product and support team",
  "Data may be passed temporarily to the partner AI model solely to generate the answers, without it keeping any.",
  "Régis sales and support team",
  "24 months from the last contact",
  "24 months from the end of the contractual relationship or the last commercial contact",
  "24 months from the last interaction",
  "Maximum retention period: 24 months",
  "No transfer outside the European Economic Area",
  "Hosting in a data centre located in the European Union",
  "Access limited to authorised persons only",
  "Secure connections (HTTPS)",
  "Protected authentication for the staff accounts",
  "Partial anonymisation for the analyses",
  "Encryption of communications",
  "Access strictly limited to the teams concerned",
];

test("Régis seed: every listed fact is in the seed's own words", {
  skip: !readSeed("regis-registre-des-traitements.txt"),
}, () => {
  const seed = normalise(readSeed("regis-registre-des-traitements.txt")!);
  const absent = FACTS_FR.map(seedWords).filter((f) => !seed.includes(normalise(f)));
  assert.deepEqual(absent, []);
});

test("Régis: the French public register states every fact of the seed, in HTML and Markdown", () => {
  const html = renderDocument(regis, { doc: "register", lang: "fr", format: "html" }).body;
  const md = renderDocument(regis, { doc: "register", lang: "fr", format: "md" }).body;
  assertStatesAll(htmlText(html), FACTS_FR, "FR HTML");
  assertStatesAll(markdownText(md), FACTS_FR, "FR Markdown");
});

test("Régis: the English public register states the same facts in the demo's English wording", () => {
  const html = renderDocument(regis, { doc: "register", lang: "en", format: "html" }).body;
  const md = renderDocument(regis, { doc: "register", lang: "en", format: "md" }).body;
  assertStatesAll(htmlText(html), FACTS_EN, "EN HTML");
  assertStatesAll(markdownText(md), FACTS_EN, "EN Markdown");
  // English throughout: the French wordings of the register do not leak into it.
  for (const french of ["Nom, prénom", "Consentement", "Service comptabilité", "24 mois"]) {
    assert.equal(htmlText(html).includes(french), false, french);
  }
});
