/**
 * The facts of the Julie Desk seeds (the Slash privacy policy and the GDPR guide for clients) that every generated
 * document must state, whatever its format: the HTML and Markdown fidelity tests and the PDF tests share them.
 */
import type { Fact } from "./document-text-kit.ts";

export const POLICY_FR: Fact[] = [
  ["Julie Desk SAS", "Julie Desk – SAS"],
  "dpo@juliedesk.com",
  // 1. Collecte des informations, per source
  "Nom",
  "Prénom",
  "Email",
  "Téléphone",
  "Entreprise",
  "Fonction",
  ["formulaires présents sur ses Sites Web", "Formulaires présents sur les Sites Web"],
  "tickets support ou messagerie",
  "Identification Single Sign-On (SSO)",
  "Adresse email de l’utilisateur",
  "Nom et prénom de l’utilisateur",
  "Accès au calendrier de l’utilisateur (lecture et écriture)",
  "les autorisations demandées ne permettent pas l’accès ni aux emails de l’utilisateur",
  "Calendriers connectés",
  "Emails envoyés au service",
  "Identité des Contacts, identifiés par leurs adresses email",
  "Contrainte de localisation (par exemple, adresse du rendez vous)",
  "Contrainte de temps (par exemple, “la semaine prochaine”)",
  "Type de rendez-vous (par exemple, un café ou un appel téléphonique)",
  "Données de personnalisation",
  "Adresses professionnelles",
  "Préférences horaires",
  "Autres moyen de contact (tels que identifiant de messagerie instantanée, numéro de conférence téléphonique, …) définis par le Client",
  "Autres données",
  "Julie Desk collecte automatiquement des métadonnées de suivi sur ses Sites Web.",
  "L’adresse IP utilisée. L’adresse IP permet de géolocaliser les utilisateurs.",
  "Des informations sur le système client tel que nom du navigateur, langue et version du système d’exploitation",
  "Des données d’interaction tel que les adresses des ressources consultées (URLs), les pages de référence, le nombre de clics, le temps passé sur les pages, la date et l’heure de consultation des pages",
  "L’utilisation de cookie",
  "Formulaire “Participant au rendez-vous”",
  "Moyen de contact tel que numéro de téléphone, numéro de confcall, identifiant Skype ou service similaire",
  // 2. Finalité de traitement
  "Suivre l’utilisation du service et protéger la sécurité des services. Cela inclut des mesures d’audience, l’analyse d’erreur du service ou encore de prévention et détection de problèmes techniques ou de sécurité.",
  "Répondre aux sollicitations de contact. Les informations de contact sont utilisées pour répondre aux sollicitations notamment en cas de demande de contact commercial ou de support.",
  "Envoyer des newsletters. Des communications sont envoyées par email sur l’actualité du service, ses mises à jour ou ses offres spéciales aux utilisateurs qui en ont fait la demande. Ces communications sont désactivables à tout moment. Cette désactivation n’est pas bloquante pour l’exécution du reste du service.",
  "Assurer le service de prise de rendez-vous. Les informations de contact fournis et les informations de calendriers partagés sont utilisées afin d’assurer les engagements contractuels et notamment pour",
  "Le service de prise de rendez-vous est un service reposant sur de la prise de décision automatique (intelligence artificielle).",
  "Mener des enquêtes et suivre l’utilisation. Julie Desk peut être amené à contacter ses Clients notamment dans le cadre d’un suivi régulier de l’utilisation (accompagnement) ou pour solliciter des retours sur le service.",
  "Améliorer la qualité du service. Les données sont analysées pour améliorer le Service. Les emails et événements de calendrier sont également traités de manière automatique afin d’entraîner et améliorer la performance des algorithmes d’intelligence artificielle.",
  "Facturer le service et gérer la relation commerciale.",
  "Les informations agrégées pour lesquelles il n’est plus possible d’identifier les personnes (exempt de toute information personnelle) telles que des statistiques globales peuvent être utilisées à des fins commerciales.",
  // 4. Partage des informations
  "Julie Desk partage les informations du Client aux Contacts du Client explicitement désignés par ce dernier lors d’une organisation de rendez-vous. Cette communication est strictement limitée à l’organisation du rendez-vous et aux participants concernés.",
  "Dans le cas d’erreur, de comportement anormal ou de sollicitation directe, les requêtes sont transmises à une équipe support.",
  "Les données de contact, de gestion de la relation commerciale et de facturation sont traitées par des prestataires externes.",
  // 5. Sécurité
  "Des mesures de protection fortes de la confidentialité, de l’intégrité et de la disponibilité des données ont été mise en place.",
  "Julie Desk a également mis en place des politiques et procédure afin de prévenir les accès non autorisés aux données.",
  "privacy and security by design",
  ["de sensibilisation continue à la sécurité", "Sensibilisation continue à la sécurité"],
  ["de mise en place de chiffrement", "Mise en place de chiffrement"],
  ["de signature d’accords de confidentialité", "Signature d’accords de confidentialité"],
  // 6. Droits
  "Les utilisateurs ayant fourni des données au service peuvent s’adresser au support pour faire valoir leurs droits",
  ["Droit d’accès", "Droit d'accès"],
  "Droit de rectification",
  ["Droit à l’oubli", "droit à l'oubli"],
  "Droit à la portabilité",
  ["CNIL pour la France", "CNIL"],
  // 7. Consentement
  "En fournissant des données personnelles, l’utilisateur consent à ce qu’elle soit utilisées dans les buts définis ci-avant.",
  "Le consentement peut être retiré à tout moment en précisant la portée du changement de consentement auprès du support Julie Desk ou tout autre moyen automatisé mis à la disposition de l’utilisateur pour exercer ce droit (tel un lien de désinscription).",
  "Un retrait de consentement ne portera pas atteinte à la licéité du traitement avant ce retrait.",
  // 8. Transfert vers un pays tiers
  "Données de suivi de la relation commerciale",
  ["de facturation", "Données de facturation"],
  ["newsletter", "Données de newsletter"],
  "Julie Desk a mis en place une procédure de vérification de la sécurité de ses sous-traitants",
  // 9. Responsable du traitement
  "le responsable de traitement des données transférés par email par le Client et ses Contacts ou bien via le calendrier du Client est le Client. Julie Desk est un Sous-Traitant pour la gestion de ces données.",
  // 10. Modifications
  "Dans le cas où les changements de cette politique affectent vos droits, Julie Desk prendra contact avec vous par email pour vous informer des changements.",
  ["13 Mars 2019", "13 mars 2019"],
];

/** Required by the brief for French organisations, though the seed only says "CNIL pour la France". */
export const CNIL = ["3 Place de Fontenoy", "TSA 80715", "75334 Paris Cedex 07", "www.cnil.fr"];

export const POLICY_EN = [
  "Julie Desk – SAS",
  "dpo@juliedesk.com",
  "Last name, First name, Email, Phone",
  "Company, Job title",
  "Forms on the websites",
  "Support tools (support tickets or messaging)",
  "User's e-mail address, user's last and first name",
  "Access to the user's calendar (read and write)",
  "Identity of the Contacts, identified by their e-mail addresses",
  "Location constraint (for example, the meeting address)",
  "Time preferences",
  "Business addresses",
  "The IP address used. The IP address makes it possible to geolocate users.",
  "The use of cookies",
  "Monitoring the use of the service and protecting the security of the services.",
  "Answering contact requests.",
  "Sending newsletters.",
  "Providing the meeting-scheduling service.",
  "The meeting-scheduling service is a service based on automated decision-making (artificial intelligence).",
  "Conducting surveys and following up usage.",
  "Improving the quality of the service.",
  "Billing the service and managing the commercial relationship.",
  "Aggregated information from which people can no longer be identified (free of any personal information), such as overall statistics, may be used for commercial purposes.",
  "This communication is strictly limited to organising the meeting and to the participants concerned.",
  "Contact, commercial relationship management and billing data are processed by external providers.",
  "Secure development rules (privacy and security by design)",
  "Continuous security awareness",
  "Use of encryption",
  "Signature of confidentiality agreements",
  "Users who provided data to the service can contact the support to exercise their rights.",
  "Right of access",
  "Right to rectification",
  "right to be forgotten",
  "Right to data portability",
  "By providing personal data, the user consents to its being used for the purposes defined above.",
  "Consent may be withdrawn at any time by stating the scope of the change of consent to Julie Desk support",
  "Commercial relationship follow-up data",
  "Billing data",
  "Newsletter data",
  "Julie Desk is a processor for the management of this data.",
  "Where changes to this policy affect your rights, Julie Desk will contact you by e-mail to inform you of the changes.",
  "13 March 2019",
  ...CNIL,
];

export const PROCESSOR_FR: Fact[] = [
  [
    "En tant qu'utilisateur de Julie Desk vous êtes, au sens de la RGPD, le responsable du traitement. Julie Desk est un sous-traitant.",
    "Julie Desk est un Sous-Traitant pour la gestion de ces données.",
  ],
  "En tant que propriétaire des données, vous devez vous assurer que vous avez le droit de nous les transférer et de les traiter. Vous êtes également responsable d'informer vos contacts du traitement.",
  "dpo@juliedesk.com",
  "Emails envoyés au service",
  "Identité des Contacts, identifiés par leurs adresses email",
  "Contrainte de temps (par exemple, “la semaine prochaine”)",
  "Formulaire “Participant au rendez-vous”",
  "Moyen de contact tel que numéro de téléphone, numéro de confcall, identifiant Skype ou service similaire",
  "Calendriers connectés",
  "Julie Desk transférera la demande aux Clients concernés qui agissent en tant que responsables de traitement.",
  "Nous vous demanderons alors de confirmer cette requête (vous êtes le propriétaire de ces données) avant que nous ne procédions aux changements de notre côté.",
  "Vous devez nous indiquer cette demande via le support pour que nous puissions la traiter de manière ciblé sur vos données concernant ce contact.",
  [
    "Les données du service sont hébergées en Union Européenne.",
    "Aucun transfert hors de l'Espace économique européen",
  ],
  "privacy and security by design",
];

export const PROCESSOR_EN = [
  "Julie Desk is a processor for the management of this data.",
  "dpo@juliedesk.com",
  "E-mails sent to the service.",
  "Identity of the Contacts, identified by their e-mail addresses",
  "“Meeting participant” form.",
  "Means of contact such as phone number, conference call number, Skype ID or similar service",
  "Connected calendars.",
  "Julie Desk forwards the request to the Customers concerned, who act as controllers.",
  "We will then ask you to confirm the request (you own the data) before we make the changes on our side.",
  "No transfer outside the European Economic Area",
  "Secure development rules (privacy and security by design)",
];

/** The guide's table "Information | Exemple": what the e-mail signature must say. */
export const NOTICE_FR: Fact[] = [
  "Julie Desk est une intelligence artificielle supervisée par des humains qui se charge d'organiser vos rendez-vous par email.",
  "Merci de limiter les informations transmises aux strictes informations nécessaires à la prise de rendez-vous.",
  "N'incluez pas d'informations confidentielles ou sensibles.",
  [
    "Consulter la politique de confidentialité du service Julie Desk",
    "Consulter la politique de confidentialité de Julie Desk",
  ],
  [
    "Pour toute requête concernant le traitement de vos données, vous pouvez vous adresser à dpo@votreorganisation.com",
    "Pour toute requête concernant le traitement de vos données, vous pouvez vous adresser à dpo@juliedesk.com",
  ],
];

export const NOTICE_EN = [
  "Julie Desk is an artificial intelligence supervised by humans that organises your meetings by e-mail.",
  "Please limit the information you send to what is strictly needed to schedule the meeting.",
  "Do not include confidential or sensitive information.",
  "Read Julie Desk's privacy policy",
  "For any request about the processing of your data, you can contact dpo@juliedesk.com",
];
