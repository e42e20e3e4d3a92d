/**
 * Closed code lists of the register, each with its French and English label and, where one exists,
 * its source. Documents, the linter and the JSON Schema all read from here, so a label is written once.
 */
export type Label = { readonly fr: string; readonly en: string };
type Vocabulary = Readonly<Record<string, Label & { readonly dpv?: string; readonly article?: string }>>;

function codes<V extends Vocabulary>(vocab: V): [keyof V & string, ...(keyof V & string)[]] {
  return Object.keys(vocab) as [keyof V & string, ...(keyof V & string)[]];
}

/** Art. 6(1) legal bases. */
export const LEGAL_BASES = {
  "6.1.a": { fr: "Consentement", en: "Consent", dpv: "eu-gdpr:A6-1-a", article: "Art. 6(1)(a)" },
  "6.1.b": {
    fr: "Exécution d'un contrat (ou mesures précontractuelles)",
    en: "Contract",
    dpv: "eu-gdpr:A6-1-b",
    article: "Art. 6(1)(b)",
  },
  "6.1.c": {
    fr: "Obligation légale",
    en: "Legal obligation",
    dpv: "eu-gdpr:A6-1-c",
    article: "Art. 6(1)(c)",
  },
  "6.1.d": {
    fr: "Sauvegarde des intérêts vitaux",
    en: "Vital interests",
    dpv: "eu-gdpr:A6-1-d",
    article: "Art. 6(1)(d)",
  },
  "6.1.e": {
    fr: "Mission d'intérêt public",
    en: "Public task",
    dpv: "eu-gdpr:A6-1-e",
    article: "Art. 6(1)(e)",
  },
  "6.1.f": {
    fr: "Intérêt légitime",
    en: "Legitimate interests",
    dpv: "eu-gdpr:A6-1-f",
    article: "Art. 6(1)(f)",
  },
} as const satisfies Vocabulary;
export const LEGAL_BASIS_CODES = codes(LEGAL_BASES);
export type LegalBasisCode = keyof typeof LEGAL_BASES;

/** CNIL data categories of the "modèle de registre". */
export const DATA_CATEGORIES = {
  identity: {
    fr: "État civil, identité, données d'identification, images",
    en: "Civil status, identity, identification data, images",
  },
  personal_life: { fr: "Vie personnelle", en: "Personal life" },
  professional_life: { fr: "Vie professionnelle", en: "Professional life" },
  economic_financial: {
    fr: "Informations d'ordre économique et financier",
    en: "Economic and financial information",
  },
  connection: {
    fr: "Données de connexion (adresses IP, logs, identifiants des terminaux, horodatage)",
    en: "Connection data (IP addresses, logs, device identifiers, timestamps)",
  },
  location: { fr: "Données de localisation", en: "Location data" },
  internet: {
    fr: "Internet (cookies, traceurs, données de navigation, mesure d'audience)",
    en: "Internet (cookies, trackers, browsing data, audience measurement)",
  },
  nir: { fr: "Numéro de sécurité sociale (NIR)", en: "French social security number (NIR)" },
  other: { fr: "Autres catégories de données", en: "Other categories of data" },
} as const satisfies Vocabulary;
export const DATA_CATEGORY_CODES = codes(DATA_CATEGORIES);
export type DataCategoryCode = keyof typeof DATA_CATEGORIES;

/** Categories of data subjects: the CNIL list plus those the seed documents use. */
export const DATA_SUBJECT_CATEGORIES = {
  employees: { fr: "Salariés", en: "Employees" },
  internal_services: { fr: "Services internes", en: "Internal departments" },
  customers: { fr: "Clients", en: "Customers" },
  suppliers: { fr: "Fournisseurs", en: "Suppliers" },
  service_providers: { fr: "Prestataires", en: "Service providers" },
  prospects: { fr: "Prospects", en: "Prospects" },
  candidates: { fr: "Candidats", en: "Job applicants" },
  website_visitors: { fr: "Visiteurs du site", en: "Website visitors" },
  chatbot_users: { fr: "Utilisateurs du chatbot", en: "Chatbot users" },
  customer_contacts: { fr: "Contacts des clients", en: "Customers' contacts" },
  customer_staff: { fr: "Collaborateurs des clients", en: "Customers' staff" },
  other: { fr: "Autres", en: "Other" },
} as const satisfies Vocabulary;
export const DATA_SUBJECT_CODES = codes(DATA_SUBJECT_CATEGORIES);
export type DataSubjectCode = keyof typeof DATA_SUBJECT_CATEGORIES;

/** Special categories (Art. 9(1)) and criminal data (Art. 10). */
export const SENSITIVE_CATEGORIES = {
  racial_ethnic_origin: {
    fr: "Origine raciale ou ethnique",
    en: "Racial or ethnic origin",
    article: "Art. 9(1)",
  },
  political_opinions: { fr: "Opinions politiques", en: "Political opinions", article: "Art. 9(1)" },
  religious_beliefs: {
    fr: "Convictions religieuses ou philosophiques",
    en: "Religious or philosophical beliefs",
    article: "Art. 9(1)",
  },
  trade_union: { fr: "Appartenance syndicale", en: "Trade union membership", article: "Art. 9(1)" },
  genetic: { fr: "Données génétiques", en: "Genetic data", article: "Art. 9(1)" },
  biometric: {
    fr: "Données biométriques aux fins d'identifier une personne",
    en: "Biometric data for identifying a person",
    article: "Art. 9(1)",
  },
  health: { fr: "Données de santé", en: "Health data", article: "Art. 9(1)" },
  sex_life: { fr: "Vie ou orientation sexuelle", en: "Sex life or sexual orientation", article: "Art. 9(1)" },
  criminal: {
    fr: "Condamnations pénales ou infractions",
    en: "Criminal convictions and offences",
    article: "Art. 10",
  },
} as const satisfies Vocabulary;
export const SENSITIVE_CODES = codes(SENSITIVE_CATEGORIES);
export type SensitiveCode = keyof typeof SENSITIVE_CATEGORIES;

/** Art. 9(2) conditions, plus the Art. 10 ground for criminal data. */
export const SENSITIVE_CONDITIONS = {
  "9.2.a": { fr: "Consentement explicite", en: "Explicit consent", article: "Art. 9(2)(a)" },
  "9.2.b": {
    fr: "Obligations en matière de droit du travail et de la sécurité sociale",
    en: "Employment and social security law obligations",
    article: "Art. 9(2)(b)",
  },
  "9.2.c": { fr: "Sauvegarde des intérêts vitaux", en: "Vital interests", article: "Art. 9(2)(c)" },
  "9.2.d": {
    fr: "Activités légitimes d'une fondation, association ou organisme à but non lucratif",
    en: "Legitimate activities of a not-for-profit body",
    article: "Art. 9(2)(d)",
  },
  "9.2.e": {
    fr: "Données manifestement rendues publiques par la personne",
    en: "Data manifestly made public by the data subject",
    article: "Art. 9(2)(e)",
  },
  "9.2.f": {
    fr: "Constatation, exercice ou défense d'un droit en justice",
    en: "Legal claims or judicial acts",
    article: "Art. 9(2)(f)",
  },
  "9.2.g": {
    fr: "Motifs d'intérêt public important",
    en: "Substantial public interest",
    article: "Art. 9(2)(g)",
  },
  "9.2.h": {
    fr: "Médecine préventive, médecine du travail, soins",
    en: "Preventive or occupational medicine, health care",
    article: "Art. 9(2)(h)",
  },
  "9.2.i": {
    fr: "Intérêt public dans le domaine de la santé publique",
    en: "Public health",
    article: "Art. 9(2)(i)",
  },
  "9.2.j": {
    fr: "Archivage, recherche scientifique ou historique, statistiques",
    en: "Archiving, scientific or historical research, statistics",
    article: "Art. 9(2)(j)",
  },
  "10": {
    fr: "Sous le contrôle de l'autorité publique ou autorisé par le droit",
    en: "Under official authority or authorised by law",
    article: "Art. 10",
  },
} as const satisfies Vocabulary;
export const SENSITIVE_CONDITION_CODES = codes(SENSITIVE_CONDITIONS);

export const RECIPIENT_KINDS = {
  internal: { fr: "Service interne", en: "Internal department" },
  processor: { fr: "Sous-traitant", en: "Processor" },
  third_country: {
    fr: "Destinataire dans un pays tiers ou organisation internationale",
    en: "Recipient in a third country or international organisation",
  },
  partner: { fr: "Partenaire institutionnel ou commercial", en: "Institutional or commercial partner" },
  authority: { fr: "Pouvoirs publics, auditeurs", en: "Public authorities, auditors" },
  other: { fr: "Autre", en: "Other" },
} as const satisfies Vocabulary;
export const RECIPIENT_KIND_CODES = codes(RECIPIENT_KINDS);

/** The CNIL register sheet's security checklist, in its order. */
export const SECURITY_MEASURE_CATEGORIES = {
  access_control: { fr: "Contrôle d'accès des utilisateurs", en: "User access control" },
  traceability: { fr: "Mesures de traçabilité", en: "Traceability measures" },
  software_protection: {
    fr: "Mesures de protection des logiciels (antivirus, mises à jour et correctifs de sécurité, tests, etc.)",
    en: "Software protection (antivirus, updates and security patches, tests, etc.)",
  },
  backup: { fr: "Sauvegarde des données", en: "Data backup" },
  encryption: { fr: "Chiffrement des données", en: "Data encryption" },
  processor_control: { fr: "Contrôle des sous-traitants", en: "Control of processors" },
  other: { fr: "Autres mesures", en: "Other measures" },
} as const satisfies Vocabulary;
export const SECURITY_MEASURE_CODES = codes(SECURITY_MEASURE_CATEGORIES);

/** EDPB guidelines on DPIA (WP248 rev.01): two or more criteria mean a DPIA is likely required. */
export const EDPB_CRITERIA = {
  evaluation_scoring: { fr: "Évaluation ou notation", en: "Evaluation or scoring" },
  automated_decision: {
    fr: "Décision automatisée avec effet juridique ou similaire",
    en: "Automated decision with legal or similar effect",
  },
  systematic_monitoring: { fr: "Surveillance systématique", en: "Systematic monitoring" },
  sensitive_data: {
    fr: "Données sensibles ou à caractère hautement personnel",
    en: "Sensitive or highly personal data",
  },
  large_scale: { fr: "Traitement à grande échelle", en: "Large-scale processing" },
  matching_datasets: {
    fr: "Croisement ou combinaison d'ensembles de données",
    en: "Matching or combining datasets",
  },
  vulnerable_subjects: { fr: "Personnes vulnérables", en: "Vulnerable data subjects" },
  innovative_technology: {
    fr: "Usage innovant ou nouvelle technologie",
    en: "Innovative use or new technology",
  },
  prevents_rights: {
    fr: "Traitement empêchant d'exercer un droit ou de bénéficier d'un service ou d'un contrat",
    en: "Processing that prevents exercising a right or using a service or contract",
  },
} as const satisfies Vocabulary;
export const EDPB_CRITERION_CODES = codes(EDPB_CRITERIA);

export const DPIA_STATUSES = {
  not_screened: { fr: "Non évaluée", en: "Not screened" },
  not_required: { fr: "Non requise", en: "Not required" },
  required: { fr: "Requise, non commencée", en: "Required, not started" },
  in_progress: { fr: "En cours", en: "In progress" },
  completed: { fr: "Réalisée", en: "Completed" },
} as const satisfies Vocabulary;
export const DPIA_STATUS_CODES = codes(DPIA_STATUSES);

/** The event a retention period runs from. */
export const RETENTION_EVENTS = {
  collection: { fr: "la collecte", en: "collection" },
  last_contact: { fr: "le dernier contact", en: "the last contact" },
  last_interaction: { fr: "la dernière interaction", en: "the last interaction" },
  end_of_contract: { fr: "la fin de la relation contractuelle", en: "the end of the contract" },
  account_closure: { fr: "la suppression du compte", en: "account closure" },
  consent_withdrawal: { fr: "le retrait du consentement", en: "consent withdrawal" },
  end_of_financial_year: { fr: "la clôture de l'exercice comptable", en: "the end of the financial year" },
  transaction: { fr: "la transaction", en: "the transaction" },
  other: { fr: "un autre événement", en: "another event" },
} as const satisfies Vocabulary;
export const RETENTION_EVENT_CODES = codes(RETENTION_EVENTS);

export const RETENTION_ACTIONS = {
  delete: { fr: "suppression", en: "deletion" },
  anonymise: { fr: "anonymisation", en: "anonymisation" },
  archive: { fr: "archivage intermédiaire", en: "move to intermediate archive" },
} as const satisfies Vocabulary;
export const RETENTION_ACTION_CODES = codes(RETENTION_ACTIONS);

/** Chapter V transfer tools. */
export const TRANSFER_MECHANISMS = {
  adequacy: { fr: "Décision d'adéquation", en: "Adequacy decision", article: "Art. 45" },
  dpf: {
    fr: "Data Privacy Framework UE–États-Unis (décision 2023/1795)",
    en: "EU–US Data Privacy Framework (Decision 2023/1795)",
    article: "Art. 45",
  },
  scc: {
    fr: "Clauses contractuelles types (décision 2021/914)",
    en: "Standard contractual clauses (Decision 2021/914)",
    article: "Art. 46(2)(c)",
  },
  bcr: { fr: "Règles d'entreprise contraignantes", en: "Binding corporate rules", article: "Art. 47" },
  code_of_conduct: { fr: "Code de conduite", en: "Code of conduct", article: "Art. 46(2)(e)" },
  certification: {
    fr: "Mécanisme de certification",
    en: "Certification mechanism",
    article: "Art. 46(2)(f)",
  },
  ad_hoc_clauses: {
    fr: "Clauses ad hoc autorisées par l'autorité de contrôle",
    en: "Ad hoc clauses authorised by the supervisory authority",
    article: "Art. 46(3)(a)",
  },
  derogation: {
    fr: "Dérogation pour situation particulière",
    en: "Derogation for a specific situation",
    article: "Art. 49",
  },
} as const satisfies Vocabulary;
export const TRANSFER_MECHANISM_CODES = codes(TRANSFER_MECHANISMS);

/** Art. 49(1) derogations; the last (compelling legitimate interests) must be documented in the register. */
export const DEROGATIONS = {
  "49.1.a": { fr: "Consentement explicite", en: "Explicit consent" },
  "49.1.b": { fr: "Exécution d'un contrat avec la personne", en: "Contract with the data subject" },
  "49.1.c": {
    fr: "Contrat conclu dans l'intérêt de la personne",
    en: "Contract in the data subject's interest",
  },
  "49.1.d": { fr: "Motifs importants d'intérêt public", en: "Important reasons of public interest" },
  "49.1.e": { fr: "Droits en justice", en: "Legal claims" },
  "49.1.f": { fr: "Intérêts vitaux", en: "Vital interests" },
  "49.1.g": { fr: "Registre public", en: "Public register" },
  "49.1.2": { fr: "Intérêts légitimes impérieux", en: "Compelling legitimate interests" },
} as const satisfies Vocabulary;
export const DEROGATION_CODES = codes(DEROGATIONS);

export const DATA_SOURCES = {
  data_subject: { fr: "Directement auprès de la personne", en: "Directly from the data subject" },
  customer: { fr: "Transmises par le client", en: "Provided by the customer" },
  third_party: { fr: "Auprès d'un tiers", en: "From a third party" },
  public: { fr: "Sources publiquement accessibles", en: "Publicly available sources" },
  generated: { fr: "Générées par l'utilisation du service", en: "Generated by the use of the service" },
} as const satisfies Vocabulary;
export const DATA_SOURCE_CODES = codes(DATA_SOURCES);

export const ACTIVITY_STATUSES = {
  draft: { fr: "Brouillon", en: "Draft" },
  active: { fr: "En vigueur", en: "Active" },
  archived: { fr: "Archivée", en: "Archived" },
} as const satisfies Vocabulary;
export const ACTIVITY_STATUS_CODES = codes(ACTIVITY_STATUSES);
