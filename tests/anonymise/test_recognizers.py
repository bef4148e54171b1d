"""Each recognizer, through the real anonymiser: what must be masked and what must not."""

import pytest

from tests.conftest import masked_values

MASKED = [
    # (language, text, entity type, the value that must be masked)
    ("fr", "Mon numéro de sécu : 2 85 03 69 123 456 56.", "FR_NIR", "2 85 03 69 123 456 56"),
    ("fr", "NIR 285036912345656 merci", "FR_NIR", "285036912345656"),
    ("fr", "Appelez-moi au 06 12 34 56 78 svp", "PHONE_NUMBER", "06 12 34 56 78"),
    ("fr", "tel 0612345678", "PHONE_NUMBER", "0612345678"),
    ("fr", "tél. 06.12.34.56.78", "PHONE_NUMBER", "06.12.34.56.78"),
    ("fr", "portable 06-12-34-56-78", "PHONE_NUMBER", "06-12-34-56-78"),
    ("fr", "joignable au +33 6 12 34 56 78", "PHONE_NUMBER", "+33 6 12 34 56 78"),
    ("fr", "ou au 0033 6 12 34 56 78", "PHONE_NUMBER", "0033 6 12 34 56 78"),
    ("fr", "mon fixe +33 (0)1 42 68 53 00", "PHONE_NUMBER", "+33 (0)1 42 68 53 00"),
    ("en", "call me on +44 20 7946 0958", "PHONE_NUMBER", "+44 20 7946 0958"),
    # Bare local numbers next to a phone word (English mail only).
    ("en", "How can we reach you? You can call 9469 9966", "PHONE_NUMBER", "9469 9966"),
    ("en", "Name: Julie Eriksson\nPhone: 782 2652", "PHONE_NUMBER", "782 2652"),
    ("en", "9885 1152-Office", "PHONE_NUMBER", "9885 1152"),
    ("en", "My driver's license number is LH329609T", "US_DRIVER_LICENSE", "LH329609T"),
    ("en", "my driver's license number is a56319335", "US_DRIVER_LICENSE", "a56319335"),
    (
        "fr",
        "IBAN FR76 3000 6000 0112 3456 7890 189",
        "IBAN_CODE",
        "FR76 3000 6000 0112 3456 7890 189",
    ),
    ("en", "my account DE89370400440532013000", "IBAN_CODE", "DE89370400440532013000"),
    ("fr", "payé avec la carte 4111 1111 1111 1111", "CREDIT_CARD", "4111 1111 1111 1111"),
    ("fr", "SIRET 732 829 320 00074", "FR_SIRET", "732 829 320 00074"),
    ("fr", "notre SIREN est le 732 829 320", "FR_SIREN", "732 829 320"),
    ("fr", "Numéro fiscal : 1234567890123", "FR_TAX_ID", "1234567890123"),
    ("fr", "mon passeport n° 18AB12345 a expiré", "FR_PASSPORT", "18AB12345"),
    ("fr", "carte d'identité n° X4RTBPFW4", "FR_ID_CARD", "X4RTBPFW4"),
    ("fr", "carte d'identité n° JZQQXBGZV. Merci", "FR_ID_CARD", "JZQQXBGZV"),
    ("en", "his grandfather, born on 3 May 1889 in your town", "DATE_OF_BIRTH", "3 May 1889"),
    (
        "en",
        "my home address: Bergheimer Straße 112, 69115 Heidelberg, Germany.",
        "ADDRESS",
        "Bergheimer Straße 112, 69115 Heidelberg",
    ),
    (
        "fr",
        "ou sur mon blog nadiabensemmane.wordpress.com.\nBien à vous",
        "URL",
        "nadiabensemmane.wordpress.com",
    ),
    ("fr", "mon pere né le 3.4.52 a besoin d'aide", "DATE_OF_BIRTH", "3.4.52"),
    (
        "fr",
        "Mon adresse : 3 rés. du Parc, esc. A, 60100 Creil.",
        "ADDRESS",
        "3 rés. du Parc, esc. A, 60100 Creil",
    ),
    ("fr", "ma carte d identite c'est VLRKXTTKK", "FR_ID_CARD", "VLRKXTTKK"),
    ("fr", "ma CNI 880692310285 est perdue", "FR_ID_CARD", "880692310285"),
    ("fr", "numéro allocataire CAF : 1234567", "FR_CAF_NUMBER", "1234567"),
    ("fr", "la voiture AB-123-CD est garée", "FR_LICENSE_PLATE", "AB-123-CD"),
    ("fr", "immatriculée AB 123 CD", "FR_LICENSE_PLATE", "AB 123 CD"),
    (
        "fr",
        "j'habite au 12 bis rue des Lilas, 69003 Lyon depuis",
        "ADDRESS",
        "12 bis rue des Lilas, 69003 Lyon",
    ),
    (
        "fr",
        "au 3 rue du Four à Chaux, 59300 Valenciennes.",
        "ADDRESS",
        "3 rue du Four à Chaux, 59300 Valenciennes",
    ),
    (
        "fr",
        "Résidence Les Tilleuls, bâtiment B, appartement 12",
        "ADDRESS",
        "Résidence Les Tilleuls, bâtiment B, appartement 12",
    ),
    (
        "en",
        "I live at 14 Baker Street, London NW1 6XE.",
        "ADDRESS",
        "14 Baker Street, London NW1 6XE",
    ),
    # Address blocks over several lines, building parts before the street, postal boxes.
    (
        "fr",
        "Sophie Marin\n15 rue des Lilas\nAppartement 8\n69003 Lyon",
        "ADDRESS",
        "15 rue des Lilas\nAppartement 8\n69003 Lyon",
    ),
    (
        "fr",
        "Adresse : Tour C, 9e étage, appt 93, 2 place de l'Europe, 93000 Bobigny",
        "ADDRESS",
        "Tour C, 9e étage, appt 93, 2 place de l'Europe, 93000 Bobigny",
    ),
    (
        "fr",
        "Paul Morin\nLe Petit Pré\n8 route de Mâcon\n71000 Sancé",
        "ADDRESS",
        "Le Petit Pré\n8 route de Mâcon\n71000 Sancé",
    ),
    (
        "fr",
        "Écrire à la SCI, ZI du Moulin, lot 4, 6 rue de l'Usine, 59000 Lille.",
        "ADDRESS",
        "ZI du Moulin, lot 4, 6 rue de l'Usine, 59000 Lille",
    ),
    (
        "fr",
        "Courrier à adresser : BP 118, 97400 Saint-Denis",
        "ADDRESS",
        "BP 118, 97400 Saint-Denis",
    ),
    (
        "fr",
        "Écrivez au CS 30021, 75015 Paris Cedex 15.",
        "ADDRESS",
        "CS 30021, 75015 Paris Cedex 15",
    ),
    (
        "en",
        "We own a cottage at Le Pech Haut, 46100 Figeac and come each summer.",
        "ADDRESS",
        "Le Pech Haut, 46100 Figeac",
    ),
    (
        "en",
        "I live at Résidence Les Cèdres, room 12, 4 rue Monge, 21000 Dijon.",
        "ADDRESS",
        "Résidence Les Cèdres, room 12, 4 rue Monge, 21000 Dijon",
    ),
    (
        "fr",
        "Adresse : Bât. C1 - Esc. 2 - Appt 31\n9 allée des Frênes\n91000 Évry",
        "ADDRESS",
        "Bât. C1 - Esc. 2 - Appt 31\n9 allée des Frênes\n91000 Évry",
    ),
    (
        "fr",
        "Mon adresse : 4e étage porte gauche, 8 rue Oberkampf, 75011 Paris",
        "ADDRESS",
        "4e étage porte gauche, 8 rue Oberkampf, 75011 Paris",
    ),
    (
        "en",
        "My UK address: 3 Mill Cottages\nUpper Swell\nCheltenham GL54 1EW",
        "ADDRESS",
        "3 Mill Cottages\nUpper Swell\nCheltenham GL54 1EW",
    ),
    ("en", "Send it to Apartment 7C, 40 Elm Road.", "ADDRESS", "Apartment 7C"),
    (
        "fr",
        "Adresse : Résidence Le Mail – Bât. 2 – 7 avenue des Sports – 40000 Mont-de-Marsan",
        "ADDRESS",
        "Résidence Le Mail – Bât. 2 – 7 avenue des Sports – 40000 Mont-de-Marsan",
    ),
    (
        "fr",
        "Domicile : 5 place de la Gare\n(3e étage, porte A)\n59800 Lille",
        "ADDRESS",
        "5 place de la Gare\n(3e étage, porte A)\n59800 Lille",
    ),
    ("fr", "Adresse : 9 Grande Rue, 25000 Besançon", "ADDRESS", "9 Grande Rue, 25000 Besançon"),
    (
        "fr",
        "Adresse : Les Hauts de Vence, Bât. D, 06140 Vence",
        "ADDRESS",
        "Les Hauts de Vence, Bât. D, 06140 Vence",
    ),
    # Flats and buildings in English words, a floor without "étage", "à" inside a street
    # name, an Irish postcode, a one-word place above the postcode line.
    (
        "en",
        "We moved to apartment 4C, 12 rue Pasteur, 31000 Toulouse last month.",
        "ADDRESS",
        "apartment 4C, 12 rue Pasteur, 31000 Toulouse",
    ),
    (
        "en",
        "Our flat: Résidence Les Lilas, building D, flat 12, 9 rue Monge, 21000 Dijon.",
        "ADDRESS",
        "Résidence Les Lilas, building D, flat 12, 9 rue Monge, 21000 Dijon",
    ),
    (
        "fr",
        "Justificatif : 8 rue des Sept Fontaines, 2e droite, 68000 Colmar",
        "ADDRESS",
        "8 rue des Sept Fontaines, 2e droite, 68000 Colmar",
    ),
    (
        "fr",
        "Elle habite au 3 chemin du Pont à Mousson, 2e étage gauche.",
        "ADDRESS",
        "3 chemin du Pont à Mousson, 2e étage gauche",
    ),
    (
        "en",
        "Please forward it to PO Box 77, Galway H91 E2K3, Ireland.",
        "ADDRESS",
        "PO Box 77, Galway H91 E2K3, Ireland",
    ),
    (
        "fr",
        "Merci d'avance.\nYann Le Goff\nKeranroux\n29800 Landerneau",
        "ADDRESS",
        "Keranroux\n29800 Landerneau",
    ),
    ("fr", "mon fils est né le 17 mars 2018", "DATE_OF_BIRTH", "17 mars 2018"),
    ("fr", "date de naissance : 17/03/2018", "DATE_OF_BIRTH", "17/03/2018"),
    ("en", "she was born on March 17, 1985", "DATE_OF_BIRTH", "March 17, 1985"),
    ("fr", "écrivez à marie.lefevre@gmail.com", "EMAIL_ADDRESS", "marie.lefevre@gmail.com"),
    (
        "fr",
        "mon profil https://www.facebook.com/marie.lefevre.75",
        "URL",
        "https://www.facebook.com/marie.lefevre.75",
    ),
    ("fr", "connexion depuis 192.168.1.12", "IP_ADDRESS", "192.168.1.12"),
    # A plate after the short "immat"; a tax number after the plural "numéros fiscaux".
    (
        "fr",
        "elle bloque la sortie depuis ce matin, immat FG482KL, personne ne répond",
        "FR_LICENSE_PLATE",
        "FG482KL",
    ),
    (
        "fr",
        "Voici nos numéros fiscaux :\nMadame : 2109876543210\nMonsieur : 3012345678901",
        "FR_TAX_ID",
        "2109876543210",
    ),
    # A floor with its lift, then the postcode.
    (
        "fr",
        "Ma tante vit au 8 rue des Glycines, 3e étage sans ascenseur, 62200 Boulogne-sur-Mer.",
        "ADDRESS",
        "8 rue des Glycines, 3e étage sans ascenseur, 62200 Boulogne-sur-Mer",
    ),
    # Streets abroad with their postcode: number after the name, floor and door, Dublin district.
    (
        "fr",
        "Cordialement,\nJef Peeters\nAvenue des Saules 112, 4000 Liège, Belgique",
        "ADDRESS",
        "Avenue des Saules 112, 4000 Liège",
    ),
    (
        "fr",
        "Saluti,\nGiulia Neri\nVia Mazzini 5, 40121 Bologna",
        "ADDRESS",
        "Via Mazzini 5, 40121 Bologna",
    ),
    (
        "en",
        "Thanks,\nLucía Gómez\nCalle de Toledo 21, 2º A, 28005 Madrid, Spain",
        "ADDRESS",
        "Calle de Toledo 21, 2º A, 28005 Madrid",
    ),
    (
        "en",
        "we are at 17 Clontarf Road, Marino, Dublin 3, D03 K2X9 until June.",
        "ADDRESS",
        "17 Clontarf Road, Marino, Dublin 3, D03 K2X9",
    ),
    # A UK block whose first line is a unit, not a house number.
    (
        "en",
        "Regards\nAcme Ltd\nUnit 9\nRiverside Trading Estate\nSwansea\nSA1 8QY",
        "ADDRESS",
        "Unit 9\nRiverside Trading Estate\nSwansea\nSA1 8QY",
    ),
    # A flat and a residence in lower case before the street.
    (
        "en",
        "can someone collect a fridge? flat 3, residence les peupliers, 14 rue du stade. thanks",
        "ADDRESS",
        "flat 3, residence les peupliers, 14 rue du stade",
    ),
    ("fr", "Bonjour, je suis Marie Lefèvre.", "PERSON", "Marie Lefèvre"),
    # A housing estate or a house name before the number; the town after a comma, no postcode;
    # a building and floor without commas; a hamlet line with its postcode, in capitals or not;
    # an Irish town and Eircode on the line after the street.
    (
        "fr",
        "Nous habitons Lotissement Les Vergers du Roc, 3 allée des Merles, 24200 Sarlat.",
        "ADDRESS",
        "Lotissement Les Vergers du Roc, 3 allée des Merles, 24200 Sarlat",
    ),
    (
        "en",
        "Kind regards,\nMark Eddison\nThe Granary, 5 rue du Four, 46100 Figeac",
        "ADDRESS",
        "The Granary, 5 rue du Four, 46100 Figeac",
    ),
    (
        "fr",
        "Venez voir au 12 avenue de la Gare, Quimperlé. Merci",
        "ADDRESS",
        "12 avenue de la Gare, Quimperlé",
    ),
    (
        "fr",
        "la fete au dessus de chez moi au 3 rue des Ecoles bat C 1er etage, musique a fond",
        "ADDRESS",
        "3 rue des Ecoles bat C 1er etage",
    ),
    (
        "fr",
        "Cordialement,\nGaëlle Morvan\nKerbastic, 29300 Quimperlé\n06 11 22 33 44",
        "ADDRESS",
        "Kerbastic, 29300 Quimperlé",
    ),
    (
        "en",
        "Regards,\nPAUL HEWITT\nLES ESSARTS, 15100 SAINT-FLOUR",
        "ADDRESS",
        "LES ESSARTS, 15100 SAINT-FLOUR",
    ),
    (
        "en",
        "Please post it to:\n9 Glenview Park\nGalway H91 K2T5\nThanks",
        "ADDRESS",
        "9 Glenview Park\nGalway H91 K2T5",
    ),
    # A lower-case town after its postcode.
    (
        "fr",
        "adresse : 7 rue des lilas appt 4 38100 grenoble\ntel",
        "ADDRESS",
        "7 rue des lilas appt 4 38100 grenoble",
    ),
    # A sheltered-housing block, an English house name, a US flat, a German town "am Neckar".
    (
        "fr",
        "Ma mère vit au Foyer-logement Les Tilleuls, logement 7, 4 rue des Cordeliers depuis mars.",
        "ADDRESS",
        "Foyer-logement Les Tilleuls, logement 7, 4 rue des Cordeliers",
    ),
    (
        "en",
        "I rent out Ivy Cottage, 6 chemin des Prés, 41000 Blois, to tourists in summer.",
        "ADDRESS",
        "Ivy Cottage, 6 chemin des Prés, 41000 Blois",
    ),
    (
        "en",
        "I live at 210 Beacon Street, Apt 3C, Boston, MA 02116 and vote by proxy.",
        "ADDRESS",
        "210 Beacon Street, Apt 3C, Boston, MA 02116",
    ),
    (
        "en",
        "Thank you,\nAnke Vogel\nBergstraße 8, 69117 Heidelberg am Neckar",
        "ADDRESS",
        "Bergstraße 8, 69117 Heidelberg am Neckar",
    ),
    # Someone's blog on a blog host, without "www".
    (
        "fr",
        "J'ai un blog (mes-balades-en-ville.over-blog.com) sur l'histoire du quartier.",
        "URL",
        "mes-balades-en-ville.over-blog.com",
    ),
    # Dutch and German streets (the country stays visible: it names nobody).
    (
        "en",
        "Thanks,\nPiet de Vries\nHerengracht 212, 1016 BS Amsterdam, Netherlands",
        "ADDRESS",
        "Herengracht 212, 1016 BS Amsterdam",
    ),
    (
        "en",
        "Best wishes,\nUte Brandt\nMarktplatz 3, 70173 Stuttgart, Germany",
        "ADDRESS",
        "Marktplatz 3, 70173 Stuttgart",
    ),
    # A specific context word a sentence before the number.
    (
        "fr",
        "Bonjour, le numéro fiscal indiqué sur ma facture de cantine est faux, il faut lire "
        "2093847561023 à la place.",
        "FR_TAX_ID",
        "2093847561023",
    ),
    (
        "fr",
        "Il me faut une carte d'identité pour ma fille Inès qui a 12 ans. La mienne, c'est la "
        "X7KP2MQ94, elle est valable.",
        "FR_ID_CARD",
        "X7KP2MQ94",
    ),
    # A rural block without a house number; an Irish county; an English house; a long hostel
    # name; a student studio.
    (
        "fr",
        "Cordialement,\nLe Petit Verger\nChemin des Aulnes\n18160 Lignières",
        "ADDRESS",
        "Le Petit Verger\nChemin des Aulnes\n18160 Lignières",
    ),
    (
        "en",
        "Our address: 14 Ashgrove Close, Listowel, Co. Kerry, V31 X2F6, Ireland",
        "ADDRESS",
        "14 Ashgrove Close, Listowel, Co. Kerry, V31 X2F6, Ireland",
    ),
    (
        "en",
        "Yours sincerely,\nHugh Pembroke\nThe Old Vicarage\nMill Lane\nLower Slaughter\n"
        "Gloucestershire GL54 2HP",
        "ADDRESS",
        "The Old Vicarage\nMill Lane\nLower Slaughter\nGloucestershire GL54 2HP",
    ),
    (
        "fr",
        "Cordialement,\nDenis Kouassi\nFoyer de jeunes travailleurs Les Trois Ponts, chambre 12\n"
        "4 rue du Port\n44000 Nantes",
        "ADDRESS",
        "Foyer de jeunes travailleurs Les Trois Ponts, chambre 12\n4 rue du Port\n44000 Nantes",
    ),
    (
        "fr",
        "Adresse : Résidence Étudiante Les Lilas, studio 9, 3 rue Pasteur, 35000 Rennes",
        "ADDRESS",
        "Résidence Étudiante Les Lilas, studio 9, 3 rue Pasteur, 35000 Rennes",
    ),
    ("fr", "Madame Nguyen est venue hier.", "PERSON", "Nguyen"),
    ("fr", "Cordialement,\nAminata Traoré", "PERSON", "Aminata Traoré"),
    ("fr", "mon voisin Krzysztof Kowalski fait du bruit", "PERSON", "Krzysztof Kowalski"),
    ("en", "My son is Noah Bell, in CM1.", "PERSON", "Noah Bell"),
]


@pytest.mark.parametrize(("language", "text", "entity", "value"), MASKED)
def test_identifier_is_masked_whole(anonymiser, language, text, entity, value):
    redaction = anonymiser.anonymise(text, language)
    assert (entity, value) in masked_values(text, redaction)
    assert value not in redaction.anonymised_text


NOT_MASKED = [
    ("fr", "Mon NIR 2 85 03 69 123 456 57 (clé fausse)", "2 85 03 69 123 456 57"),
    ("fr", "La facture n° 2024-00123 de 86,40 € est payée.", "2024-00123"),
    ("fr", "Rendez-vous le 17 mars 2025 à 14h.", "17 mars 2025"),
    ("fr", "Il est né le 5 janvier 1936 et est décédé le 14 février 2025.", "14 février 2025"),
    ("fr", "la rue Victor Hugo est pleine de trous", "Victor Hugo"),
    ("fr", "Monsieur le Maire, je vous écris", "Monsieur le Maire"),
    ("fr", "mon adresse est chez gmail.com maintenant", "gmail.com"),
    ("fr", "code article 0478 1234 56 en rupture", "0478 1234 56"),
    ("fr", "SIRET 732 829 320 00075 (erroné)", "732 829 320 00075"),
    ("fr", "dossier 1234567890123 en cours", "1234567890123"),
    ("fr", "à l'école maternelle Jean Jaurès", "Jean Jaurès"),
    # A short-year date is a date of birth only with birth context.
    ("fr", "Rendez-vous le 12/05/25 à 14h en mairie.", "12/05/25"),
    # Nine capitals are a card number only right after the card's name.
    ("fr", "la carte d'identité SECURISEE et le PASSEPORT", "SECURISEE"),
    ("fr", "Objet : RECLAMATION au sujet de ma carte", "RECLAMATION"),
    # A full stop ends the street name.
    ("fr", "La voiture est devant le 4 rue Racine. Le conducteur est parti.", "Le conducteur"),
    # A time is no house number; a phone number is no postcode.
    ("fr", "Amende pour stationnement le 4 mai à 8 h 15, boulevard Gambetta.", "8 h 15"),
    ("fr", "au niveau du lieu dit les Sables. appelez moi au +33612345678 svp", "appelez moi"),
    ("en", "Please call me about the meeting of 2010-03-10.", "2010-03-10"),
    ("en", "Call me on 555 0123 tomorrow; my account number is 12345678.", "12345678"),
    ("en", "My driver's license expired, ref 4471 2209", "4471 2209"),
    # A reference number that libphonenumber would read as a US phone number.
    ("en", "I got a parking fine (notice no. 7719203846) for my car.", "7719203846"),
    # A public service's site names nobody.
    ("fr", "J'ai regardé sur https://www.service-public.fr sans trouver.", "service-public.fr"),
    ("en", "I checked https://www.gov.uk/browse/driving first.", "www.gov.uk/browse/driving"),
]


@pytest.mark.parametrize(("language", "text", "value"), NOT_MASKED)
def test_lookalike_is_left_alone(anonymiser, language, text, value):
    assert value in anonymiser.anonymise(text, language).anonymised_text


def test_iban_country_code_is_not_a_separate_place(anonymiser):
    text = "IBAN : FR76 3000 6000 0112 3456 7890 189"
    redaction = anonymiser.anonymise(text, "fr")
    assert [e.type for e in redaction.entities] == ["IBAN_CODE"]


def test_country_after_an_address_is_not_a_person(anonymiser):
    text = "Bien à vous,\nGiulia Neri\nVia Mazzini 5, 40121 Bologna, Italia"
    redaction = anonymiser.anonymise(text, "fr")
    assert redaction.anonymised_text.endswith("<ADDRESS_1>, Italia")


def test_email_domain_is_not_also_a_url(anonymiser):
    text = "contact : paul.girard@amis-vieux-moulin.fr"
    redaction = anonymiser.anonymise(text, "fr")
    assert [e.type for e in redaction.entities] == ["EMAIL_ADDRESS"]
