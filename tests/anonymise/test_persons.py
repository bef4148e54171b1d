"""Person names that spaCy misses or cuts, and words next to names that are not names."""

import pytest

from tests.conftest import masked_values

FOUND = [
    # (language, text, the name that must be masked whole)
    # A lone first name the French model tags MISC: after a preposition, in apposition,
    # opening a signature line.
    (
        "fr",
        "Elle ne décroche pas. Je suis très inquiète pour Josiane. Mme Lecomte est-elle partie ?",
        "Josiane",
    ),
    (
        "fr",
        "Bonjour,\nNotre jeune fille au pair, Emily, est anglaise et reste chez nous.",
        "Emily",
    ),
    (
        "fr",
        "Merci de me contacter.\nOcéane, 7 rue des Lavandières, 06 93 27 15 48",
        "Océane",
    ),
    # Particles inside and after a span: "ten", and a NER span that stops on "van".
    ("en", "Follow up with William ten Pas in 2 months.", "William ten Pas"),
    ("en", "It's under my partner's name Donald van der Voet", "Donald van der Voet"),
    # A name line quoted in a reply, with two particles.
    ("en", ">Kimberly van den Bogaert\n>Underwood Group", "Kimberly van den Bogaert"),
    # A writer who uses no capitals at all.
    ("en", "she named him joshua", "joshua"),
    # A relative noun that the NER model puts inside the name ("Ma fille Chiara").
    ("fr", "Bonjour,\nMa fille Clarisse, 14 ans, cherche un stage d'observation.", "Clarisse"),
    ("fr", "Bonjour,\nMon oncle Rachid a reçu une amende par erreur.", "Rachid"),
    # A place word used as a common noun before the owner's name.
    ("fr", "Où en est le dossier de crèche de Maïwenn ? Nous attendons.", "Maïwenn"),
    # The first name of a full name found elsewhere, used alone.
    (
        "fr",
        "Mme Salma Ouali et M. Idriss Ouali veulent se marier ; Salma est née à Tunis.",
        "Salma",
    ),
    # More relatives before the name, and a relative described after it.
    ("fr", "Je vous écris de la part de mon amie Oksana qui ne parle pas français.", "Oksana"),
    ("fr", "Le trottoir devant chez tata Ginette est défoncé.", "Ginette"),
    ("fr", "Est-ce remboursé ?\nSéverine, maman de Louis (CP)", "Séverine"),
    ("fr", "Que faire ?\nGermaine (la voisine du dessus) n'a plus de chauffage.", "Germaine"),
    # English: a name after talking/speaking to, a possessive before "name", a lower-case
    # writer introducing themself.
    ("en", "We have tried talking to Bogdan several times about the noise.", "Bogdan"),
    ("en", "After my conversation with Hélène from the library, I signed up.", "Hélène"),
    ("en", "Could you pass this on to Yusuf in the parks team?", "Yusuf"),
    ("en", "The booking should be under Tunde Bakare's name, not mine.", "Tunde Bakare"),
    ("en", "hi this is ryan from the youth club, any news on the hall?", "ryan"),
    # The writer and someone else.
    ("fr", "Bonjour,\nPour info, Thibaut et moi serons absents.\nLaëtitia", "Thibaut"),
    # One name given as the alternative of another that was found.
    ("en", "The bill names Seán O'Neill rather than Sean O'Neil, my name.", "Seán O'Neill"),
    # A maiden name after "née", particle included.
    (
        "fr",
        "Veuillez trouver ma demande ci-jointe.\nBérengère Malvaux, née du Chesnay",
        "du Chesnay",
    ),
    # A couple signing the last line: the first name by its place, the second by coordination.
    ("en", "Could you tell us the opening hours? Many thanks! Ingrid & Tobias", "Ingrid"),
    ("en", "Could you tell us the opening hours? Many thanks! Ingrid & Tobias", "Tobias"),
    # A name given inline, and initials before a surname in capitals.
    ("en", "The card (Visa) is in my partner's wallet, name on card T OKAFOR.", "T OKAFOR"),
    ("en", "Please sort this out quickly.\nJ. PEMBERTON", "J. PEMBERTON"),
    # Someone's role, then the name.
    ("en", "Our landlord is Kwabena Asante and he ignores us.", "Kwabena Asante"),
    ("en", "Your contact will be Priyanka Raman, Account Manager.", "Priyanka Raman"),
    # More sign-offs before a signature.
    ("en", "Thanks for the lovely day.\nCheers,\nTeodor\nteodor.v@example.org", "Teodor"),
    ("en", "Best,\nIngrid\ningrid.h@example.org", "Ingrid"),
    # A lower-case word the language does not know, after a relative, a title or "called",
    # and one coordinated with a lower-case name.
    ("fr", "Bonjour, ma fille maelys a perdu son doudou au parc. Merci", "maelys"),
    ("fr", "le chien du voisin aboie toute la nuit.\nm. ferrandi 4 rue des ormes", "ferrandi"),
    ("fr", "bonjour c est nadia du 3e, le container jaune deborde", "nadia"),
    # E-mail replies: the name before an address in a header, a signature before the quoted
    # message, names in quoted lines.
    (
        "en",
        "On Mon, Nov 2, 2026 at 10:05 AM Amandine Chauvancy <a.chauvancy@mairie-eze.fr> wrote:",
        "Amandine Chauvancy",
    ),
    (
        "en",
        "Thanks, that's perfect!\nRosalind\n\nOn Mon, 2 Nov 2026, Ann Roy <a@b.fr> wrote:\n> Hi",
        "Rosalind",
    ),
    ("en", "Hello,\n\n> Dear Ms Delgado-Gilchrist,\n> the room is free.", "Delgado-Gilchrist"),
    ("en", "Thanks!\n\n> Kind regards,\n> A. Chauvancy", "A. Chauvancy"),
    # Particles: glued "d'" after a title, Welsh "ap" and Catalan "i" between two names.
    (
        "fr",
        "le hangar projeté par M. et Mme d'Escayrac-Fressac masquera la vue",
        "d'Escayrac-Fressac",
    ),
    ("en", "Name: Rhodri ap Dafydd\nMessage: many thanks", "Rhodri ap Dafydd"),
    (
        "fr",
        "Responsable technique : Jordi Llobet i Serra, +34 612 48 93 07",
        "Jordi Llobet i Serra",
    ),
    (
        "en",
        "the man next door is called gareth i think, he parks on the grass. Thanks, Amy",
        "gareth",
    ),
    (
        "fr",
        "le trou est toujours la devant le 8 rue des pins. "
        "jessica et thomas durand tel 06 11 22 33 44",
        "jessica",
    ),
    # A Portuguese particle, a family of heirs, a maiden name after a form field.
    (
        "fr",
        "Le 2 mai, ma mère, Mme Ana do Rosário Pimentel, est tombée.",
        "Ana do Rosário Pimentel",
    ),
    (
        "fr",
        "la vente du bien appartenant aux consorts Peyrebrune, situé route de Brive",
        "Peyrebrune",
    ),
    ("fr", "Nom : BEKALE épouse NDONG\nPrénom : Irène", "NDONG"),
    # A lower-case name before a closing phone number; a lower-case writer after a greeting.
    ("fr", "le caniveau deborde encore devant chez moi. fredo 06 12 45 78 90", "fredo"),
    ("fr", "coucou, c'est maëlys de l'atelier couture. on voudrait la salle jeudi.", "maëlys"),
    # Two unknown lower-case words joined by "et".
    (
        "fr",
        "on a besoin du barnum pour la brocante. fifou et maxence passeront le prendre.",
        "maxence",
    ),
    # Unknown lower-case words closing the text after a full stop: a signature.
    (
        "fr",
        "le chien du voisin aboie toute la nuit. mon numero fiscal 2922198511043. "
        "fatoumata sissokho",
        "fatoumata sissokho",
    ),
    # ... also before the writer's phone number or e-mail address.
    ("en", "the swings are broken again. any news? niamh brogan +353 86 402 7731", "niamh brogan"),
    (
        "fr",
        "le trottoir est defonce, je suis tombee. est ce que quelqu un peut passer ? merci\n"
        "marie-laure vidal\nml.vidal@free.fr",
        "marie-laure vidal",
    ),
    # A name spaCy runs into the line before (a link): the line after it is still found.
    (
        "fr",
        "Bonjour,\nLe banc du square a été tagué cette nuit. Mes photos sont ici : "
        "https://drive.google.com/drive/folders/7fKq2LmN9pXzT4vB8cW1\nBastien (voisin du square)",
        "Bastien",
    ),
    # A name in capitals whose letters carry Vietnamese horns: vowels all the same.
    ("fr", "Nom : TRƯƠNG\nPrénom : Minh Châu", "TRƯƠNG"),
    # A young child after "la petite" / "le petit".
    (
        "fr",
        "Bonjour,\nJ'accueille en ce moment Timéo, Lina et la petite Maëlle (18 mois) chez moi.",
        "Maëlle",
    ),
    # The last name of a full name found elsewhere, used alone.
    (
        "fr",
        "Objet : déclaration d'intention d'aliéner – vente Peyrolles / Diabaté\n\nMonsieur le "
        "Maire,\n\nLe bien appartient à Mme Colette Peyrolles, au profit de M. Seydou Diabaté.",
        "Peyrolles",
    ),
    (
        "fr",
        "Objet : succession Lafarge-Benoît\n\nMaître,\nLe dossier de Mme Irène Lafarge-Benoît "
        "est complet.",
        "Lafarge-Benoît",
    ),
    # A child named before "(born ...)"; a name after a job noun in apposition.
    (
        "en",
        "We moved here with our children: Aoife (born 3 May 2016) and Oisin (7). How do we enrol?",
        "Aoife",
    ),
    (
        "en",
        "Someone hit my car in the car park. The driver, Thibault, gave me his insurer's name.",
        "Thibault",
    ),
]


@pytest.mark.parametrize(("language", "text", "name"), FOUND)
def test_name_is_masked_whole(anonymiser, language, text, name):
    redaction = anonymiser.anonymise(text, language)
    assert ("PERSON", name) in masked_values(text, redaction)


NOT_PERSONS = [
    # (language, text, a word that must stay visible)
    ("en", "Kind regards,\nLaura Finch, Head of Procurement\nAcme Ltd", "Head of Procurement"),
    ("en", "Best wishes,\nOwen Price, Managing Director", "Managing Director"),
    ("fr", "Le centre de loisirs Louise Weiss ouvre à 8 h. Louise Martin", "Louise Weiss"),
    ("fr", "Bonjour, le quartier Jean Jaurès fait une brocante. Paul Girard", "Jean Jaurès"),
    ("fr", "Mario Conti, gérant du restaurant Chez Mario, demande une terrasse.", "Chez Mario"),
    ("en", "thanks for the help, this is lucy from the bakery. thx", "thx"),
    ("fr", "le nouveau parking c est genial, merci la mairie. Karim Haddad", "genial"),
    ("fr", "Le véhicule est garé devant.\nKenavo,\nGwendal Le Drézen", "Kenavo"),
    ("en", "Hello, I'm Anna Berg, living in Leeds and I'm moving here.", "Leeds"),
    ("en", "With best wishes,\nCouncillor Ruth Gale\nTown Hall, 2 High Street", "Councillor"),
    ("en", "With best wishes,\nCouncillor Ruth Gale\nTown Hall, 2 High Street", "Town Hall"),
    # A class code, a team greeted, a job title or a company next to a name, a place after
    # "born ... in", lower-case words of a writer who uses capitals.
    ("fr", "La maîtresse de CE1 de ma fille Inès est absente.", "CE1"),
    (
        "en",
        "Dear Planning Team,\nPlease find my plans attached.\nRegards, Tom Ellery",
        "Planning Team",
    ),
    ("en", "Your contact will be Ruth Abara, Account Manager, from Monday.", "Account Manager"),
    ("en", "The invoice came from Greenway Landscaping Ltd and Tom Ellery signed it.", "Greenway"),
    ("en", "Thanks,\nJo Brennan\nYouth worker, Marie Curie youth centre", "Marie Curie"),
    ("fr", "Née le 8 août 1991 à Cần Thơ, je demande un extrait. Léa Vo", "Cần Thơ"),
    ("en", "We will come with our camper van in May. Regards, Ellen Hart", "camper van"),
    # A description of the writer opening a line, before "je": not a name line.
    ("fr", "Madame,\nDiplômée du DEAES, je vous adresse ma candidature.\nInès Roux", "DEAES"),
    # An acronym without a vowel, a job title, a form label, an interjection, metres ("6 m.").
    ("fr", "Claire Martin, architecte DPLG\nAtelier Martin", "DPLG"),
    ("en", "Best regards,\nOwen Price, Network Engineer\nsome text", "Network Engineer"),
    ("fr", "Nom : BEKALE épouse NDONG\nPrénom : Irène", "Prénom"),
    (
        "fr",
        "Les bénévoles ont tout nettoyé. Bravo à eux et à leur responsable, Mme Dupuis !",
        "Bravo",
    ),
    ("fr", "Mme Roux : le camion fait 6 m. Pour le droit de place je paie en carte.", "Pour"),
    ("fr", "Je t'envoie le papier dès que j'ai vu l'avocat. Bisous, Gwen", "Bisous"),
    # A last name that is also a town, after a preposition of place: the town.
    ("fr", "J'arrive de Tours. Je m'appelle Hélène Tours et je voudrais voter ici.", "de Tours"),
    # The lines after a name that spaCy ran into them: labels, not names.
    ("fr", "Nom : PHAM\nPrénom : Lan\nDate de naissance : 02/05/1990", "Date de"),
    # "Petite Enfance" is a department.
    ("fr", "Le service de la Petite Enfance m'a répondu. Merci, Jade Roux", "Petite Enfance"),
]


@pytest.mark.parametrize(("language", "text", "words"), NOT_PERSONS)
def test_job_titles_and_named_places_stay_visible(anonymiser, language, text, words):
    redaction = anonymiser.anonymise(text, language)
    assert words in redaction.anonymised_text
    assert "PERSON" in {entity.type for entity in redaction.entities}


KEPT = [
    # (language, text, what the anonymised text must start with)
    ("en", "I need a document certified. Thanks, Kate", "I need a document certified. Thanks, "),
    ("en", "Is that all you need? Regards, William Foster", "Is that all you need? Regards, "),
    ("en", "dr. hurst is a 50 year old man who grew up in onnezies.", "dr. <PERSON_1> is"),
]


@pytest.mark.parametrize(("language", "text", "start"), KEPT)
def test_sign_offs_and_titles_stay_visible(anonymiser, language, text, start):
    redaction = anonymiser.anonymise(text, language)
    assert redaction.anonymised_text.startswith(start)
    assert "PERSON" in {entity.type for entity in redaction.entities}


@pytest.mark.parametrize(
    ("word", "known"),
    [("gérante", True), ("aînée", True), ("malade", True), ("ferrandi", False), ("maelys", False)],
)
def test_lexicon_knows_words_not_names(anonymiser, word, known):
    """Unknown lower-case words after a relative are taken for names; known ones are not."""
    _ = anonymiser.analyzer  # loads the models and their lexicons
    lexicon = anonymiser.analyzer.nlp_engine.lexicons_["fr"]
    assert (word in lexicon) is known
