"""Postal addresses: number, bis/ter, street type, street name, optional postcode and city.

Also building designations ("Résidence les Tilleuls, bâtiment B, appartement 12") and
English-style addresses ("14 Baker Street, London NW1 6XE"). A street named without a house
number is the topic of a request, not someone's address, and is left alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from presidio_analyzer import EntityRecognizer

from .base import make_pattern_recognizer

ENTITY = "ADDRESS"
CONTEXT = [
    "habite",
    "domicile",
    "domicilié",
    "domiciliée",
    "adresse",
    "demeurant",
    "résidant",
    "réside",
    "situé",
    "située",
    "live",
    "address",
    "living",
    "chez",
]
_STREET_TYPES = (
    r"rue|avenue|av\.?|boulevard|bd|bld|boul\.?|place|pl\.|impasse|imp\.?|all[ée]e|chemin|ch\."
    r"|route|rte|quai|cours|square|sentier|passage|rond[- ]point|faubourg|fbg|lotissement"
    r"|grande?[ ]rue|grand['’]rue|voie|villa|cit[ée]|hameau|chauss[ée]e|esplanade|parvis"
    r"|promenade|mont[ée]e|traverse"
    r"|clos|domaine|lieu[- ]dit|r[ée]sidence|r[ée]s\.|square|mail|port|côte|cote|ruelle|venelle"
)
# Words that end a street name written in lower case ("12 rue des lilas depuis hier").
_STOP = (
    r"depuis|et|est|à|a|au|aux|qui|que|pour|dans|avec|sont|ne|n|il|elle|nous|vous|je|j|sur"
    r"|en|mais|car|donc|devant|derrière|derriere|près|pres|chez|où|ou|ce|cette|ces|mon|ma|mes"
    r"|son|sa|ses|notre|votre|leur|on|y|le|la|les|un|une|c|s|ça|ca|pas|plus|tous|toutes"
    r"|since|and|is|in|at|on|the|for|with|from|to|of|near"
)
# "à" only inside a name that goes on in capitals ("rue du Moulin à Vent").
_CONNECTOR = (
    r"(?:de|du|des|d'|d’|la|le|les|l'|l’|aux|au|sur|en|et|saint|sainte|st|ste"
    r"|à(?=[ ]+(?-i:[A-ZÀ-Ý])))"
)
# A full stop ends the street name ("rue Lamartine. Le propriétaire") unless it ends a short
# abbreviation ("rue St. Jacques", "av. Gal. Leclerc") or sits inside a word.
# Building words start the flat or floor part, even without a comma ("rue des Arcs bat C").
_BUILDING_WORD = (
    r"b[âa]t|b[âa]timent|escalier|esc|appartement|appart|appt|apt|[ée]tage|entr[ée]e"
    r"|\d{1,2}(?:e|er|ème|eme|è)"
)
_WORD = (
    rf"(?!(?:{_STOP}|{_BUILDING_WORD})\b)[A-Za-zÀ-ÖØ-öø-ÿ0-9]"
    r"(?:[\w’'\-]|\.(?=\w)|\.(?<=(?<!\w)(?:st|ste|gal|gén|gen|dr|mal|pdt|prés|pres|cdt)\.))*"
)
_NAME = (
    rf"(?:[ ]+{_CONNECTOR})*(?:[ ]+|(?<=['’])){_WORD}"
    rf"(?:[ ]+(?:{_CONNECTOR}(?:[ ]+|(?<=['’])))*{_WORD}){{0,4}}"
)
_CITY_WORD = r"[A-ZÀ-Ý][\w’'\-]*"
# A town in lower case after its postcode, from a writer who skips capitals ("38130 echirolles").
_LOWER_CITY = (
    rf"(?!(?:{_STOP}|merci|tel|tél|cordialement|bonjour|svp|stp)\b)(?-i:[a-zà-ÿ][\w’'\-]{{2,}})"
)
# A town of up to four words: "Saint-Amand-Montrond", "Boulogne sur Mer".
_TOWN = (
    rf"(?-i:{_CITY_WORD}(?:[ \-]+(?:(?:sur|sous|en|de|du|des|la|le|les|lès)[ \-]+)?{_CITY_WORD})"
    r"{0,3})"
)
_POSTCODE_CITY = (
    rf"(?:[ ]*[,\n]?[ ]*(?<![\d+])(?:\d{{5}}|\d{{2}}[ ]\d{{3}})(?!\d)(?:[ ]+(?:{_TOWN}"
    rf"|{_LOWER_CITY})"
    rf"(?:[ ]+(?:cedex|CEDEX|\d{{1,2}}(?:e|er|ème)?))?)?)"
)
# The town alone after a comma, closing the sentence or the line: "41 boulevard de Rennes, Vitré."
_CITY_TAIL = (
    r"(?:[ ]*,[ ]*(?!(?-i:Merci|Madame|Monsieur|Cordialement|Bonjour|Mme|Mr|Tel|Tél)\b)"
    rf"{_TOWN}(?=[ ]*(?:[.;)]|\n|\Z)))"
)
_NUMBER = r"\d{1,4}(?:[ ]?(?:bis|ter|quater|[A-D]\b))?"
_BUILDING = (
    r"(?:b[âa]timent|b[âa]t\.?|escalier|esc\.?|appartement|appart\.?|apt\.?|appt\.?|porte"
    r"|[ée]tage|entr[ée]e|logement|log\.?|chambre|flat|unit|mobile[ ]home|bp|cs|tsa|tour|bureau"
    r"|lot|room|suite|apartment|apartement|building|bldg\.?|studio|atelier|local|box)"
)
_FLOOR = (
    r"(?:\d{1,2}(?:e|er|ème|eme|st|nd|rd|th)[ ]+(?:[ée]tage|floor)"
    r"(?:[ ]+(?:gauche|droite|left|right))?"
    r"(?:[ ]+(?:sans|avec|with|without|no)[ ]+(?:ascenseur|lift|elevator))?"
    r"|\d{1,2}(?:e|er|ème|eme)[ ]+(?:gauche|droite)"
    r"|rez[- ]de[- ]chauss[ée]e|ground[ ]floor)"
)
# Parts may follow on the next line of an address block ("48 avenue Jean Moulin\nAppartement 5").
_ONE_PART = rf"(?:{_BUILDING}[ ]*(?:n°[ ]*)?[\w\-]{{1,6}}|{_FLOOR})"
# ... or in brackets: "3 place de la Mairie\n(2e étage, porte B)\n59800 Lille".
_BUILDING_PART = (
    rf"(?:[ ]*[,\n]?[ ]*(?:{_ONE_PART}|\([ ]*{_ONE_PART}(?:[ ]*,[ ]*{_ONE_PART})*[ ]*\)))"
)
# Parts written before the street: "appartement 12, 3e étage, 27 avenue ...", "flat 2, 15 rue ...".
# Separated by commas, dashes or line breaks, or only by a blank ("3e étage porte droite, ...").
_BUILDING_LEAD = (
    rf"(?:(?:{_BUILDING}[ ]*(?:n°[ ]*)?[\w\-]{{1,6}}|{_FLOOR})(?:[ ]*[,\n–-][ ]*|[ ]+))"
)
# A named house or site before the street: "Le Clos des Vignes, 12 chemin ...",
# "Foyer Les Acacias, chambre 14, 2 rue ...", "Camping Les Pins, 1 route ...".
_NAMED_PLACE = (
    r"(?:(?-i:(?:(?:L[ea]s?|(?:LE|LA|LES|The)(?=[ ])|L['’]|Foyer(?:-logement)?|Camping|Domaine"
    r"|Mas|Villa|Maison|Ferme|Moulin|Manoir|Château|EHPAD|Ehpad"
    r"|(?i:r[ée]sidence(?:-autonomie)?|lotissement|hameau|cit[ée]|immeuble|foyer-logement))"
    r"[ ]?[A-ZÀ-Ýa-zà-ÿ][\w'’\-]*(?:[ ]+[\w'’\-]+){0,5}"
    r"))(?:[ ]*[,\n][ ]*|[ ]+[–-][ ]+))"
)
_EN_STREET_TYPES = (
    r"street|st\.?|road|rd\.?|avenue|ave\.?|lane|ln\.?|drive|dr\.?|close|way|place|square"
    r"|terrace|gardens|crescent|court|ct\.?|boulevard|blvd\.?|grove|mews|row|hill|park|circle"
    r"|cir\.?|parkway|pkwy|highway|hwy|trail|loop|plaza|coves?|radial|heights|alley|bypass"
    r"|causeway|crossing|expressway|junction|pike|ridge|run|turnpike|walk|view|vista|track"
)
_UK_POSTCODE = r"(?-i:[A-Z]{1,2}\d[A-Z\d]?[ ]?\d[A-Z]{2})"
# Irish Eircode: routing key and unique identifier ("D02 X285", "F91 X2K4").
_EIRCODE = r"(?-i:(?:[AC-FHKNPRTV-Y]\d{2}|D6W)[ ]?[0-9AC-FHKNPRTV-Y]{4})"
_IRELAND = r"(?:[ ]*,[ ]*(?:Ireland|Éire|Irlande))?"
_US_STATE_ZIP = r"(?-i:[A-Z]{2})[ ]+\d{5}(?:-\d{4})?"
# "Parc d'activités du Moulin, 5 allée ...", "ZA des Prés, 12 rue ..."
_SITE_PREFIX = (
    r"(?:(?:parc|zone|za|zi|zac|espace|centre|p[ôo]le|technop[ôo]le)\b[^,\n]{1,40},[ ]*)?"
)

_EU_SUFFIX_STREET = (
    r"(?-i:[A-ZÀ-Ý][\w\-]*(?:katu|gasse|straße|strasse|str\.|vej|veien|vegen|vägen|gatan|gata"
    r"|weg|laan|straat|plein|gracht|kade|singel|dijk|steeg|platz|allee|damm|ufer|ulica|utca|tie"
    r"|polku|väg)"
    # ... or as a word of its own after an adjective: "Bergheimer Straße 112".
    r"|[A-ZÀ-Ý][\w\-]*er[ ](?:Straße|Strasse|Str\.|Weg|Allee|Platz|Gasse|Ring|Damm|Ufer))"
    r"[ ]+\d{1,4}[a-z]?(?:-(?-i:[IVX]{1,3}|[A-Z]))?\b"
)
_ROMANCE_STREET = (
    r"(?-i:Via|Viale|Vicolo|Piazza|Calle|Avenida|Rua|Rúa|Paseo|Plaza|Carrer|Praça|Largo"
    r"|Travessa|Rambla|Camino)[ ]+(?:[\w’'\-]+[ ]+){1,4}\d{1,4}\b"
)
# Postcode and town after a street abroad, maybe after a floor and door ("3º B"):
# "Via Roma 12, 10122 Torino", "Rue de Namur 47, 5000 Namur", "Calle Mayor 7, 3º B, 28013 Madrid".
_FOREIGN_TAIL = (
    r"(?:[ ]*,[ ]*\d{1,2}[º°ª]?(?:[ ]?(?-i:[A-Z]))?(?=[ ]*,))?"
    rf"[ ]*[,\n][ ]*(?-i:[A-Z]{{1,2}}-)?\d{{4,5}}(?!\d)(?:[ ](?-i:[A-Z]{{2}})\b)?"
    rf"[ ]+(?-i:{_CITY_WORD}(?:[ \-]+(?:(?:im|am|an[ ]der|an|bei|sur|en|de|la|le)[ ]+)?"
    rf"{_CITY_WORD}){{0,2}})"
)
# A Belgian or Swiss street: type first, number after the name, then the postcode.
_NUMBER_LAST_STREET = (
    r"(?-i:Rue|Avenue|Chaussée|Boulevard|Place|Chemin|Drève|Quai|Route|Allée|Impasse|Square"
    r"|Clos|Sentier|Ruelle)[ ]+(?:[\w’'\-]+[ ]+){1,4}\d{1,4}(?:[ ]?(?:bis|ter|[a-dA-D]\b))?"
)
_UNIT = (
    r"(?-i:(?:Suite|Apt\.?|Apartment|Unit|Flat)[ ]+\d{1,5}[A-Z]?\b"
    r"|P\.?[ ]?O\.?[ ]+Box[ ]+\d{1,6})"
)
# A UK block ending with its postcode: "7 Rose Cottages\nLower Slaughter\nCheltenham GL54 2HP".
_CAPS = r"(?-i:[A-Z][\w’'\-]*)(?:[ ]+(?-i:[A-Z][\w’'\-]*)){0,3}"
_UK_BLOCK = (
    rf"(?:{_UNIT}[ ]*[,\n][ ]*(?:\d{{1,4}}[a-zA-Z]?[ ]+)?|\d{{1,4}}[a-zA-Z]?[ ]+"
    rf"|(?-i:The[ ][A-Z][\w’'\-]*(?:[ ][A-Z][\w’'\-]*)?)[ ]*\n[ ]*)"
    rf"{_CAPS}(?:[ ]*[,\n][ ]*{_CAPS}){{0,3}}"
    r"[ ]*[,\n]?[ ]*(?-i:[A-Z]{1,2}\d[A-Z\d]?[ ]\d[A-Z]{2})\b"
)

PATTERNS = [
    # International forms (English requests, letters from abroad): "Ziegelgasse 19",
    # "Via Franscini 71", "Suite 215", "P.O. Box 149".
    (
        "European street",
        rf"(?<![\w])(?:\d{{1,5}}[ ]+)?{_EU_SUFFIX_STREET}(?:{_FOREIGN_TAIL})?",
        0.55,
    ),
    ("Romance street", rf"(?<![\w])(?:\d{{1,5}}[ ]+)?{_ROMANCE_STREET}(?:{_FOREIGN_TAIL})?", 0.55),
    ("Number-last street", rf"(?<![\w]){_NUMBER_LAST_STREET}{_FOREIGN_TAIL}", 0.6),
    (
        "Unit or box",
        rf"(?<![\w]){_UNIT}(?:[ ]*,[ ]*{_CAPS}[ ]+{_EIRCODE}\b{_IRELAND})?",
        0.55,
    ),
    # A one-word place on its own line above the postcode line: "Kerlann\n29460 Daoulas".
    (
        "Place line with postcode",
        rf"(?m)(?<=\n[ ]*)(?-i:[A-ZÀ-Ý][a-zà-ÿ'’\-]{{3,}})[ ]*(?=\n[ ]*\d{{5}}[ ]+(?-i:[A-ZÀ-Ý]))"
        rf"{_POSTCODE_CITY}",
        0.6,
    ),
    (
        "Numbered street",
        rf"(?<![\w,.])(?<!\bh[ ])(?<!\dh){_SITE_PREFIX}(?:{_BUILDING_LEAD}|{_NAMED_PLACE})*"
        rf"(?:{_NUMBER})[ ]*,?[ ]*"
        rf"(?:{_STREET_TYPES})(?:\b|(?<=\.)){_NAME}{_BUILDING_PART}*(?:{_POSTCODE_CITY}|{_CITY_TAIL})?"
        rf"{_BUILDING_PART}*",
        0.65,
    ),
    (
        # Any street name (even with "à", "et"...) when a postcode follows on the same line.
        "Numbered street with postcode",
        rf"(?<![\w,.])(?<!\bh[ ])(?<!\dh){_SITE_PREFIX}(?:{_BUILDING_LEAD}|{_NAMED_PLACE})*"
        rf"(?:{_NUMBER})[ ]*,?[ ]*"
        rf"(?:{_STREET_TYPES})(?:\b|(?<=\.))[^,\n\d]{{1,50}}?{_BUILDING_PART}*{_POSTCODE_CITY}",
        0.7,
    ),
    (
        # Rural addresses without a house number: "Lieu-dit Les Bruyères, 71460 Saint-Gengoux",
        # "Hameau de la Grange Neuve\n03240 Le Montet", "Les Genêts, hameau de Bellevue, ...".
        "Lieu-dit or hamlet",
        rf"(?<![\w]){_NAMED_PLACE}?(?:lieu[- ]?dit|ld|hameau|quartier|village)[ ]+[^,.\n]{{2,40}}"
        rf"{_BUILDING_PART}*{_POSTCODE_CITY}",
        0.65,
    ),
    (
        # A rural block without a house number: "Le Bois Frileux\nRoute de Neuvy\n36230 Sarzay".
        "Street line with postcode",
        rf"(?m)(?<=^[ ]*)(?:{_NAMED_PLACE})?(?=(?-i:[A-ZÀ-Ý]))(?:{_STREET_TYPES})(?:\b|(?<=\.))"
        rf"[^\n\d,]{{1,40}}"
        rf"[ ]*\n[ ]*(?=\d{{5}}[ ]+(?-i:[A-ZÀ-Ý])){_POSTCODE_CITY}",
        0.55,
    ),
    (
        # A street named by its type alone: "1 Grande Rue, 25000 Besançon".
        "Grande Rue",
        rf"(?<![\w,.]){_NUMBER}[ ]*,?[ ]*(?:grande?[ ]rue|grand['’]rue)\b{_BUILDING_PART}*"
        rf"{_POSTCODE_CITY}?",
        0.65,
    ),
    (
        # Postal boxes with their postcode: "BP 42, 97300 Cayenne", "CS 70012, 80001 Amiens".
        "Postal box",
        rf"(?<![\w])(?-i:BP|B\.P\.|CS|TSA)[ ]?\d{{1,6}}{_POSTCODE_CITY}",
        0.6,
    ),
    (
        # A named house or farm with its postcode and commune: "La Borie Haute, 46300 Gourdon".
        "Named place with postcode",
        rf"(?<![\w]){_NAMED_PLACE}{_BUILDING_LEAD}*(?=\d{{5}}[ ]+(?-i:[A-ZÀ-Ý])){_POSTCODE_CITY}",
        0.6,
    ),
    (
        "Residence or building",
        rf"(?<![\w])(?:r[ée]sidence|immeuble|cit[ée]|lotissement)[ ]+(?:{_CONNECTOR}[ ]+)*"
        rf"(?-i:[A-ZÀ-Ý])[\w’'\-]*"
        rf"(?:[ ]+(?:{_CONNECTOR}[ ]+)*[\w’'\-]+){{0,3}}{_BUILDING_PART}+{_POSTCODE_CITY}?",
        0.6,
    ),
    ("UK address block", rf"(?<![\w,.]){_UK_BLOCK}", 0.6),
    (
        "English street",
        rf"(?<![\w,.])\d{{1,4}}[a-zA-Z]?[ ]+(?-i:[A-Z][\w’'\-]*)(?:[ ]+(?-i:[A-Z][\w’'\-]*)){{0,3}}"
        rf"[ ]+(?:{_EN_STREET_TYPES})\b"
        rf"(?:[ ]*,[ ]*{_UNIT})?"
        # up to two localities, a district number after a city ("Drumcondra, Dublin 9")
        rf"(?:[ ]*,?[ ]*(?:(?-i:Co\.?)[ ]+)?(?-i:[A-Z][a-z][\w\-]*)(?:[ ]+(?-i:[A-Z][a-z][\w\-]*))?"
        rf"(?:[ ]\d{{1,2}}\b)?){{0,2}}"
        rf"(?:[ ]*,?[ ]*(?:{_UK_POSTCODE}|{_US_STATE_ZIP}|{_EIRCODE}\b{_IRELAND})"
        # or the town and its postcode on the next line of the block
        rf"|[ ]*\n[ ]*(?-i:[A-Z][a-z][\w\-]*)(?:[ ]+(?-i:[A-Z][a-z][\w\-]*))?[ ]*,?[ ]*"
        rf"(?:{_UK_POSTCODE}|{_EIRCODE}\b))?",
        0.55,
    ),
    (
        # A house or hamlet name and the postcode line of a signature block: "Penhoat, 22600
        # Loudéac", "LES PLAINES, 12320 SAINT-CYPRIEN".
        "Place and postcode line",
        rf"(?m)(?<=^[ ]*)(?!(?-i:Mairie|Hôtel|Hotel|Service|Direction|Préfecture|Office)\b)"
        rf"(?-i:[A-ZÀ-Ý][A-Za-zÀ-ÖØ-öø-ÿ'’\-]{{3,}}"
        rf"(?:[ ]+(?:{_CONNECTOR}[ ]+)?[A-ZÀ-Ý][A-Za-zÀ-ÖØ-öø-ÿ'’\-]+){{0,2}})"
        rf"[ ]*,[ ]*(?=\d{{5}}[ ]+(?-i:[A-ZÀ-Ý])){_POSTCODE_CITY}(?=[ ]*$)",
        0.6,
    ),
]


def build(language: str, context: Sequence[str] | None = None) -> EntityRecognizer:
    """Address recognizer for one language."""
    return make_pattern_recognizer(
        entity=ENTITY,
        name="AddressRecognizer",
        patterns=PATTERNS,
        language=language,
        context=CONTEXT if context is None else context,
    )
