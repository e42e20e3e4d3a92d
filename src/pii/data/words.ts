/**
 * Hand-kept word lists the scanner uses as context. Each list says why it exists; keep them short and
 * lower-risk: a word added here changes what is (not) personal data in every text Gardien reads.
 */

/** Titles that announce a person's name: "M. Dupont", "Mrs Smith", "Dr House". Checked with and without a final dot. */
export const TITLES =
  "M|Me|Mme|Mmes|Mlle|Mlles|MM|Monsieur|Madame|Mademoiselle|Messieurs|Mr|Mrs|Ms|Miss|Mx|Dr|Docteur|Doctor|Pr|Prof|Professeur|Professor|Maître|Sir|Dame|Lady|Lord";

/** Words after which a capitalised word is someone being greeted, thanked or signing. */
export const GREETINGS =
  "Bonjour|Bonsoir|Evening|Morning|Afternoon|Salut|Coucou|Cher|Chère|Chers|Merci|Hello|Hi|Hey|Dear|Thanks|Thank|Cordialement|Amicalement|Bien|Regards|Cheers|Sincerely|Best|Signé|Signed|Bises|Bisous|Attention";

/**
 * Lower-case words before a name: "je m'appelle X", "signé X", "contact : X", "name: X", roles
 * ("cardholder X", "gérant : X"), and "s" of "it's X", "here's X".
 */
export const NAME_CUES =
  // Roles before the name of whoever fills them ("Negotiator: Bethan", "Agent (Ravi):"), and "hey mum its
  // Priya". Weak cues: a name no list knows still needs a surname after them ("your driver Kev" stays free).
  "its|advisor|adviser|driver|chauffeur|livreur|livreuse|negotiator|négociateur|négociatrice|technician|technicien|technicienne|operator|opérateur|opératrice|caller|appelant|appelante|coach|tutor|" +
  // Trades and approvals ("freelancer Itziar Goikoetxea", "Approver: Grace O'Malley-Hughes"), "text Ray on
  // 07…", and family words before a name ("to Nana Pearl", "tonton karim", "my neighbour Gwen").
  "freelancer|freelance|consultant|consultante|approver|approbateur|approbatrice|text|textez|" +
  "nana|nan|nanna|granny|grandma|grandpa|grandad|granddad|auntie|aunty|aunt|uncle|tonton|tata|tatie|tantine|mamie|papi|papy|mémé|pépé|cousin|cousine|neighbour|neighbor|voisin|voisine|" +
  "hey|hiya|coucou|cn|appelle|appelé|appelée|appelles|nomme|nommé|nommée|name|nom|prénom|firstname|surname|signé|signée|signed|contact|interlocuteur|interlocutrice|patient|patiente|client|cliente|customer|destinataire|expéditeur|from|de|to|à|cc|bonjour|bonsoir|salut|merci|hello|hi|dear|thanks|cordialement|regards|part|avec|with|chez|par|by|pour|for|is|am|im|est|suis|moi|me|ask|demandez|call|appelez|contacter|contactez|titulaire|holder|tuteur|conjoint|épouse|époux|mari|femme|fils|fille|son|daughter|wife|husband|mother|father|mère|père|frère|sœur|brother|sister|collègue|colleague|manager|responsable|agent|conseiller|conseillère|docteur|doctor|mlle|mme|mr|mrs|ms|dr|applicant|cardholder|candidat|candidate|gérant|gérante|utilisateur|utilisatrice|user|employee|employé|employée|salarié|salariée|tenant|locataire|propriétaire|owner|host|hôte|welcome|bienvenue|s";

/** The prepositions among NAME_CUES: "from Leyton", "pour Clermont" name places as often as people. */
export const PREPOSITION_CUES = "de|to|à|from|pour|for|par|by|avec|with|chez|part";

/** Cues strong enough to make a single or ambiguous capitalised word a name on their own. */
export const STRONG_NAME_CUES =
  // "cn": the common name of an iCal or LDAP entry ("ATTENDEE;CN=Dilip Menon:mailto:…").
  // "Nadia Lefebvre née Chaouch": the name given at birth.
  // "with Nurse Hope", "l'infirmière Prune".
  "nurse|midwife|infirmière|infirmier|sage-femme|" +
  "née|nee|cn|appelle|appelé|appelée|nomme|nommé|nommée|name|nom|prénom|prenom|prénoms|prenoms|firstname|lastname|fullname|forename|forenames|surname|signé|signée|signed|interlocuteur|interlocutrice|titulaire|holder|patient|patiente|dear|cher|chère|" +
  // Family and roles written right before a name ("my mother, Adaeze Nwosu", "Pupil: Oluwaseun Adeyemi").
  "mother|father|son|daughter|wife|husband|brother|sister|mère|père|fils|fille|épouse|époux|mari|frère|sœur|soeur|pupil|student|élève|eleve|étudiant|étudiante|etudiant|etudiante|enfant|child|passenger|passager|passagère|beneficiary|bénéficiaire|assuré|assurée|insured|policyholder|souscripteur|souscriptrice|candidat|candidate|applicant|cardholder|employee|salarié|salariée|locataire|tenant";

/**
 * Last words of a sign-off line ("Kind regards,", "Bien à vous,", "Yours faithfully,"): the next line,
 * when it starts with capitalised words, is the signature.
 */
export const SIGNOFF_CUES =
  "regards|wishes|faithfully|sincerely|truly|thanks|cheers|best|care|cordialement|salutations|distinguées|distinguees|amitiés|amities|amicalement|bises|bisous|respectueusement|vous|toi|merci";

/**
 * Nouns after a name that make it a place, an institution or an award named after someone: "Queen
 * Elizabeth Hospital", "the Alan Turing room", "Nelson Mandela Foundation", "Thomas Hardy Street".
 * (French puts them first: PLACE_CUES.) Words that are also common surnames (Hall, House, Park) are left out.
 */
export const PLACE_AFTER_CUES =
  // Services that sign messages: "Accounts Payable", "People Ops", "Customer Success".
  // Football and cricket clubs: "Red Lion FC", "Albion Rovers".
  "fc|afc|rfc|cfc|united|rovers|wanderers|athletic|albion|city|town|county|squad|crew|club|society|cup|trophy|league|project|programme|program|initiative|scheme|" +
  // Sports clubs named after their town: "AS Pierre-Bénite Handball".
  "handball|basket|basketball|volley|volleyball|rugby|football|athlétisme|natation|omnisports|hockey|cyclisme|" +
  "ops|payable|receivable|operations|support|services|service|resources|relations|success|helpdesk|recruitment|recrutement|payroll|admissions|enquiries|logistics|procurement|compliance|marketing|sales|finance|facilities|" +
  "team|teams|équipe|department|dept|desk|group|staff|branch|heights|hospital|building|room|institute|foundation|station|college|school|university|centre|center|library|theatre|theater|museum|gallery|award|awards|prize|trust|ward|lecture|memorial|airport|stadium|arena|academy|clinic|infirmary|hospice|campus|auditorium|suite|fund|fellowship|scholarship|store|stores|shop|boutique|street|road|avenue|lane|terrace|crescent|gardens|square|bridge|primary|pub|hotel|restaurant|counter|collection|style|range|class|series|building|surgery|pharmacy|practice|dental|elementary|zoo|" +
  // Those greeted by their role ("Dear Hiring Manager", "Dear Valued Customer", "Dear Landlord") and the
  // forms of a school or a service ("Student Enrollment").
  "manager|managers|officer|committee|holder|landlord|landlady|recruiter|customer|customers|enrollment|enrolment|registration";

/**
 * Brands, companies and public figures named like people, and figures whose names are eponyms for
 * streets, schools, rooms and prizes: mentioned, they are not someone's personal data ("un sac Louis
 * Vuitton", "la médiathèque Simone Veil"). Matched case-insensitively on the whole name as written.
 * A customer who bears one of these names is the cost of that choice; the list stays short for it.
 */
export const NOT_PERSONS =
  "Royal Mail|Milton Keynes|Jack Russell|Border Collie|King Charles|Lafayette|Galeries Lafayette|Léon de Bruxelles|Nelson Mandela|Louis Vuitton|Jean Paul Gaultier|Jean-Paul Gaultier|Yves Saint Laurent|Yves Rocher|Leroy Merlin|Ralph Lauren|Calvin Klein|Tommy Hilfiger|Hugo Boss|Christian Dior|Pierre Cardin|Christian Louboutin|Giorgio Armani|Emporio Armani|Michael Kors|Marc Jacobs|Kate Spade|Stella McCartney|Vivienne Westwood|Alexander McQueen|Isabel Marant|Sonia Rykiel|Nina Ricci|Jean Louis David|Franck Provost|Jacques Dessange|Camille Albane|Pierre Hermé|Estée Lauder|Elizabeth Arden|Helena Rubinstein|Max Factor|Ted Baker|Jo Malone|Fred Perry|Ben Sherman|Laura Ashley|Karen Millen|Jimmy Choo|Kurt Geiger|Bobbi Brown|Charlotte Tilbury|Levi Strauss|Salvatore Ferragamo|Marks & Spencer|Dolce & Gabbana|Johnson & Johnson|Procter & Gamble|Abercrombie & Fitch|Crabtree & Evelyn|Marie Claire|Marie Blachère|Eric Kayser|Éric Kayser|Jack Daniel|Jack Daniels|Johnnie Walker|Jim Beam|Captain Morgan|Ronald McDonald|Aston Martin|Alfa Romeo|Rolls Royce|Harley Davidson|Mercedes Benz|" +
  "Victor Hugo|Jean Jaurès|Jean Jaures|Charles de Gaulle|Georges Pompidou|François Mitterrand|Jacques Chirac|Emmanuel Macron|Marie Curie|Pierre Curie|Louis Pasteur|Jules Verne|Jules Ferry|Émile Zola|Emile Zola|Jean Moulin|Simone Veil|Simone de Beauvoir|Jean-Paul Sartre|Albert Camus|Marcel Proust|Antoine de Saint-Exupéry|Jean-Jacques Rousseau|Édith Piaf|Edith Piaf|Coco Chanel|Jeanne d'Arc|Napoléon Bonaparte|Napoléon|Napoleon|Morgan Stanley|Goldman Sachs|Merrill Lynch|Charles Schwab|Dow Jones|Johnson & Johnson|Ernst & Young|Marks & Spencer|Napoleon Bonaparte|Léon Blum|Léon Gambetta|Aristide Briand|Georges Clemenceau|Jean Monnet|Robert Schuman|Pablo Picasso|Claude Monet|Vincent van Gogh|Paul Cézanne|Auguste Rodin|Marc Chagall|Molière|Ada Lovelace|Alan Turing|Albert Einstein|Isaac Newton|Charles Darwin|Nelson Mandela|Martin Luther King|Winston Churchill|Florence Nightingale|Mary Seacole|William Shakespeare|Jane Austen|Charles Dickens|Queen Elizabeth|Queen Victoria|King Charles|Prince William|Barack Obama|Donald Trump|Joe Biden|Steve Jobs|Bill Gates|Elon Musk|Mark Zuckerberg|Jeff Bezos|Taylor Swift|Kylian Mbappé|Zinédine Zidane|Lionel Messi|Cristiano Ronaldo|Harry Potter|Sherlock Holmes|James Bond|Père Noël|Father Christmas|Santa Claus";

/** Legal forms and words that make the capitalised words before them a company: "Transports Guérin SARL". */
export const COMPANY_AFTER_CUES =
  "sarl|sas|sasu|sa|eurl|sci|scop|snc|earl|gaec|scea|selarl|scp|ltd|llp|plc|inc|llc|gmbh|ag|bv|nv|srl|spa|corp|co|fils|cie|ei|eirl|sons|daughters|brothers|frères|" +
  // Words of a firm's name: "Johnson Controls UK", "Martin Consulting", "Dupont Immobilier".
  "group|holdings|international|solutions|consulting|partners|associates|associés|associes|technologies|technology|systems|controls|industries|uk|europe|capital|ventures|labs|media|digital|software|energy|motors|foods|pharma|insurance|assurances|conseil|immobilier|distribution|industrie|" +
  // Trades and professions after the owner's name: "Ionescu Transports", "Yılmaz Carrelage", "Ashworth
  // Legal" (not "law": Law is a surname too).
  "legal|solicitors|avocats|notaires|accountants|comptables|architects|architectes|transports|transport|carrelage|rénovation|renovation|plomberie|électricité|electricite|maçonnerie|maconnerie|peinture|couverture|chauffage|paysages|paysagiste|nettoyage|déménagements|demenagements|bâtiment|batiment|construction|constructions|travaux|multiservices|traiteur|automobiles|charpente|terrassement|élagage|elagage|removals|plumbing|roofing|builders|joinery|haulage|decorating|landscaping|cleaning|catering";

/** French street types: "12 rue de la Paix". Abbreviations are listed with their dot stripped. */
export const STREET_FR =
  // Breton street words too: "8 hent ar Vilin, 29000 Quimper".
  "hent|straed|rue|avenue|av|ave|boulevard|bd|bld|blvd|place|pl|allée|allee|impasse|imp|chemin|ch|route|rte|quai|cours|square|sq|passage|voie|rond-point|sentier|villa|cité|résidence|rés|hameau|lieu-dit|faubourg|fbg|parvis|esplanade|promenade|montée|traverse|ruelle|clos|domaine|lotissement|mail|venelle|carrefour|cour|galerie|port|chaussée|berge|levée";

/** English street types, written after the street's name: "221B Baker Street", "350 Fifth Ave". */
export const STREET_EN =
  "Street|St|Road|Rd|Avenue|Ave|Av|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Place|Pl|Square|Sq|Terrace|Ter|Terr|Way|Close|Cl|Crescent|Cres|Gardens|Gdns|Grove|Gr|Hill|Row|Mews|Walk|Parade|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Trail|Trl|Park|Green|Broadway|Plaza|Alley|Embankment|Rise|View|Wharf|Yard|Quay|Loop|Pike|Turnpike|Expressway|Freeway";

/**
 * Street types written first in Italian, Spanish, Portuguese, Welsh and Irish addresses, whose house number
 * comes before the type ("9 Ffordd y Castell") or after the name ("Via Garibaldi 14, 10122 Torino").
 * Such an address is reported only with its postcode and city.
 */
export const STREET_FIRST =
  "Via|Viale|Piazza|Piazzale|Corso|Largo|Vicolo|Calle|Avenida|Paseo|Carrer|Rua|Travessa|Praça|Ffordd|Heol|Stryd|Lôn|Cwrt|Sráid|Bóthar|Bothar|Ascaill|Plás";

/** Words before a capitalised word that make it a place, not a person: "avenue Jean Jaurès", "lycée Victor Hugo". */
export const PLACE_CUES =
  "rue|avenue|av|boulevard|bd|place|allée|impasse|chemin|route|quai|cours|square|passage|voie|villa|cité|résidence|faubourg|esplanade|promenade|lycée|collège|école|hôpital|clinique|gare|station|métro|stade|pont|église|cathédrale|musée|université|institut|centre|salle|parc|jardin|théâtre|port|aéroport|saint|sainte|st|ste|street|road|hospital|school|college|university|church|bridge|park|museum|airport|hall|fondation|foundation|prix|prize|award|bateau|navire|restaurant|hôtel|hotel|café|bar|avenue|gymnase|piscine|médiathèque|bibliothèque|halle|" +
  // Shops and firms named after their owner: "Garage Moreau", "Pharmacie Bernard", "Cabinet Lefèvre".
  "menuiserie|plomberie|serrurerie|carrosserie|imprimerie|quincaillerie|fleuriste|coiffure|optique|taxi|ambulances|cave|château|chateau|" +
  "garage|boulangerie|pâtisserie|patisserie|pharmacie|cabinet|maison|agence|atelier|librairie|épicerie|epicerie|boucherie|charcuterie|fromagerie|brasserie|auberge|pub|salon|studio|ets|établissements|etablissements|transports|société|societe|groupe";

export const MONTHS_FR =
  "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|janv|févr|fév|avr|juil|sept|oct|nov|déc";

export const MONTHS_EN =
  "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";

/**
 * Capitalised words that end a name: function words at the start of a sentence, days, acronyms.
 * "Camille Pour" is not a name, "Jean DUPONT" is, "Marie SARL" is not.
 */
export const STOPWORDS =
  // Days as calendars abbreviate them ("moved from Wed 10:00"; not "Thu", a Vietnamese given name too).
  "Tue|Tues|Wed|Thur|Thurs|Fri|Sat|Sun|" +
  // Letters after a name: "Anjali Bhatt ACA".
  "ACA|FCA|ACCA|FCCA|CTA|CPA|MBA|PhD|MRICS|FRICS|Esq|QC|KC|MP|" +
  // Parents as their children write to them ("Hi Mum"), those greeted in a circular ("Dear Parents/Carers"),
  // and cities that are also first names.
  "Mum|Mom|Mummy|Mommy|Mam|Mammy|Dad|Daddy|Maman|Papa|Mamie|Mamy|Papi|Papy|Mémé|Pépé|Tonton|Tatie|Grandma|Grandpa|Grandad|Granny|Accounts|Parents|Carers|Colleagues|Customers|Residents|Neighbours|Members|Everyone|Madam|Oran|Sydney|Dallas|Houston|Orlando|Lourdes|Brooklyn|Phoenix|Denver|" +
  "Le|La|Les|L|Un|Une|Des|Du|De|Et|Ou|Où|Mais|Donc|Or|Ni|Car|Pour|Par|Sur|Sous|Dans|Avec|Sans|Chez|En|Au|Aux|Ce|Cet|Cette|Ces|Mon|Ma|Mes|Ton|Ta|Tes|Son|Sa|Ses|Notre|Nos|Votre|Vos|Leur|Leurs|Je|Tu|Il|Elle|On|Nous|Vous|Ils|Elles|Lui|Eux|Moi|Toi|Qui|Que|Quoi|Quand|Comment|Pourquoi|Oui|Non|Si|Est|Sont|Était|Merci|Bonjour|Bonsoir|Salut|Cordialement|Voici|Voilà|Ici|Très|Tout|Tous|Toute|Toutes|Aussi|Alors|Puis|Après|Avant|Depuis|Pendant|Selon|Entre|Vers|The|A|An|Of|And|Or|But|For|Nor|So|Yet|To|In|On|At|By|From|With|Without|As|Is|Are|Was|Were|Be|Been|Has|Have|Had|Do|Does|Did|Will|Would|Can|Could|Should|May|Might|Must|I|You|He|She|It|We|They|Me|Him|Her|Us|Them|My|Your|His|Its|Our|Their|This|That|These|Those|There|Here|What|Which|Who|Whom|Whose|When|Where|Why|How|Yes|No|Not|Please|Thanks|Thank|Hello|Hi|Dear|Regards|Best|Also|Then|Now|Today|Tomorrow|Yesterday|Aujourd|Demain|Hier|Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche|Easter|Christmas|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|SAS|SARL|SA|SASU|EURL|SCI|SNC|EI|EARL|GAEC|SCEA|SELARL|SCP|Inc|Ltd|LLC|PLC|GmbH|RCS|TVA|VAT|SIREN|SIRET|IBAN|BIC|NIR|RIB|CB|PDF|OK|RGPD|GDPR|CNIL|URGENT|CEDEX|Cedex|BP|CS|NB|PS|RE|FYI|ASAP|PTO|TBD|RSVP|TR|FW|Fwd|Re|Tr|Objet|Subject|Tel|Tél|Tél.|Mob|Email|Mail|Courriel|Adresse|Address|Date|Nom|Name|Prénom|France|Paris|London|Londres|Europe|Google|Microsoft|Apple|Amazon|Facebook|Orange|Free|SFR|Bouygues|Ticket|Commande|Order|Facture|Invoice|Devis|Quote|Client|Customer|Service|Support|Équipe|Team|Bank|Banque|Mutuelle|Assurance|Société|Company|Madame|Monsieur";

/**
 * First names that are also everyday words, checked by hand against the faker lists: alone they are not a
 * person ("Pierre qui roule", "Grace period", "Will you…", "Rose garden"); before a known surname they are.
 */
export const AMBIGUOUS_FR =
  // "Avis aux résidents": a notice; "jai" is "j'ai" in a chat; "votre Clio": a car; "en Lydia": a payment app.
  "Avis|Jai|Clio|Lydia|Pierre|Rose|Claire|Mercedes|Aimé|Aimée|Ange|Aube|Aurore|Blanche|Céleste|Constance|Constant|Clément|Clémence|Désiré|Fidèle|Fleur|Flore|Fortuné|Fortunée|Innocent|Juste|Marine|Olive|Prudence|Reine|Victoire|Violette|Espérance|Modeste|Parfait|Prosper|Amour|Ambre|Amande|Capucine|Iris|Jade|Perle|Prune|Cerise|Lilas|Myrtille|Colombe|Hermine|Garance|Sauveur|Toussaint|Vital|Bon|Bénigne|Candide|Chrétien|Douce|Grâce|Avril|Mai|Line|Marin|Normand|Loup|Fiacre|Libère|Vigile|Martial|Octave|Auguste|Merle|Noël|Noel|Honoré|Aimable|Paris|Florence|Lorraine|Toscane|Lourdes|Dallas|Nil|Mélodie|Épiphane|Ascension|Assomption|Conception|Amant|Amante|Baptiste|Jacinthe|Azalée|Anémone|Dahlia|Camélia|Marguerite|Fortune|Alpha|Delta|Nova|Atlas|Royal|Justice|Unique|Baby|Prince|Major|Christ|Islam|Primerose|Divine|Dune|Lion|Miracle|Sage|Golden|River|Line|Gloria|Patience|Charité|Félicité|Sylvestre|Marjolaine|Romaine|Palma|Carmel|Satine|Ondine|Reine|Tao|Matisse|Milan|Lue|Alexandrine";

export const AMBIGUOUS_EN =
  // Nationalities that are first names too: "my German account"; towns: "— Faisal Qureshi, Bradford".
  "German|Norman|Bradford|Chester|Preston|Richmond|Clifton|Camden|Dax|Clio|Will|Grace|May|June|April|August|Mark|Mercedes|Bill|Frank|Grant|Hope|Faith|Joy|Dawn|Summer|Autumn|Holly|Ivy|Rose|Lily|Daisy|Iris|Jade|Ruby|Amber|Pearl|Crystal|Hazel|Heather|Olive|Violet|Penny|Sandy|Sunny|Rusty|Misty|Chase|Chance|Lance|Miles|Max|Art|Guy|Hunter|Porter|Mason|Major|King|Queen|Prince|Princess|General|Judge|Justice|Noble|Royal|Sterling|Stone|Reed|River|Forest|Brook|Lane|Price|Ward|Walker|Turner|Green|Brown|Golden|Unique|Baby|Sister|Name|Blessing|Divine|Destiny|Harmony|Heaven|Genesis|Trinity|Serenity|Miracle|Precious|Charity|Patience|Prudence|Felicity|Era|Else|Meta|Nova|Alpha|Delta|Atlas|Sage|Urban|Can|Lean|Line|Tea|Nine|Alone|Job|Pie|Rim|Nil|Loan|Gene|Clay|Drew|Dean|Earl|Earnest|Ford|Hardy|Heath|Pierce|Rocky|Rod|Buck|Bud|Buddy|Buster|Carol|Angel|Robin|Jay|Ray|Don|Warren|Wade|Dale|Glen|Roman|Van|Swan|Lion|Till|Bell|Berry|Haven|Ivory|Loyal|Pink|Toy|Jewel|Fern|Kitty|Laurel|Lyric|Magnolia|Pansy|Piper|Raven|Willow|Arch|Baron|Beau|Blaze|Brain|Colt|Dock|Drake|Foster|Garland|Gust|Kale|Marquis|Oral|Ransom|Talon|Trace|Amen|Virginia|Georgia|Carolina|Dallas|Paris|Florence|Victoria|Sydney|Austin|Savannah|Chelsea|Madison|Jordan|Sherry|Brandy|Ginger|Candy|Honey|Cherry|Star|Storm|Rain|Sky|Winter|Spring|Bay|Cliff|Dusty|Sierra|Phoenix|Prosper|Constant|Innocent|Vital|Martial|Octave|Valentine|Roger|Rich|Garnet|Emerald|Diamond|Opal|Myrtle|Rosemary|Dahlia|Eve|Tanner|Cooper|Carter|Miller|Basil|Sincere";

/** Words before a date that make it a birth date: "né le", "date de naissance", "DOB", "born on", "b." (born). */
export const BIRTH_CUES = "né|née|nés|nées|naissance|naiss|birth|birthdate|born|dob|ddn|b";

/** A birthday is a birth date only when its year is long past ("birthday party on 12/07/2025" is an event). */
export const BIRTHDAY_CUES = "birthday|anniversaire|bday";

/** Labels that make a number a reference, not an identifier: "commande n° 4111…", "tracking: 1Z…". */
export const REFERENCE_CUES =
  "commande|order|devis|quote|quotation|facture|invoice|suivi|tracking|colis|parcel|shipment|ticket|dossier|contrat|contract|transaction|série|serial|lot|bon|réf|ref|référence|reference|client|customer|membre|member|adhérent|abonné|subscriber|booking|réservation|reservation|confirmation|police|policy|sinistre|claim|case|incident|article|sku|produit|product|modèle|model|imei|ean|isbn|envoi|expédition|shipping|waybill|awb|rma|pnr|batch";

/** Words that name an identifier: they win over a reference label nearby ("sécu pour le dossier : 1 92…"). */
export const IDENTIFIER_CUES =
  "sécu|sécurité|securite|social|sociale|nir|insee|vitale|siren|siret|rcs|iban|rib|carte|card|visa|mastercard|amex|cb|bancaire";

/** Labels that make a dotted quad a version number: "version 10.0.0.1", "v. 1.2.3.4". */
export const VERSION_CUES =
  "version|ver|release|build|firmware|update|v|jour|patch|rev|révision|revision|" +
  // Outline numbering: "section 4.3.2.1", "article 1.2.3.4".
  "section|sect|chapter|chapitre|clause|paragraph|paragraphe|para|annex|annexe|appendix|step|étape|rule|règle|upgrade|downgrade|rollback|" +
  // Schemas and protocols are versioned the same way: "schema 10.4.1.7".
  "schema|schéma|protocol|protocole";

/**
 * Labels of a list of people: "Attendees: Tomasz Nowak (site manager), Andreea Popescu", "Présents : …",
 * "Cc : …". Each item of the list that is shaped like a name is a person, known or not.
 */
export const LIST_CUES =
  "attendees|attendee|attending|present|présents|présentes|presents|participants|participantes|invités|invitées|invites|guests|absents|absentes|excusés|excusées|excuses|apologies|members|membres|cc|bcc|cci|copie|recipients|destinataires|speakers|intervenants|intervenantes|panel|jury|témoins|temoins|witnesses|signataires|signatories|organisers|organizers|organisateurs|hosts";
