"""Curated words that mark kinds of entities. Words of English, never names of entities."""

from __future__ import annotations

# Head words of organization names, by the ontology class they signal.
TRADE_ASSOCIATION_WORDS = frozenset(
    [
        "association",
        "associations",
        "federation",
        "federations",
        "council",
        "chamber",
        "chambers",
        "alliance",
        "confederation",
        "guild",
        "coalition",
        "league",
        "society",
        "institute",
        "union",
        "syndicate",
        "forum",
    ]
)
GOVERNMENT_WORDS = frozenset(
    [
        "office",
        "ministry",
        "ministries",
        "administration",
        "commission",
        "agency",
        "department",
        "representative",
        "government",
        "parliament",
        "senate",
        "congress",
        "bureau",
        "authority",
        "cabinet",
        "secretariat",
        "directorate",
        "embassy",
        "consulate",
        "treasury",
        "regulator",
        "customs",
        "police",
        "army",
        "navy",
        "court",
        "tribunal",
        "regime",
        "committee",
        "subcommittee",
        "assembly",
        "board",
        "commons",
        "lords",
        "reserve",
        "deputies",
        "representatives",
    ]
)
NEWS_WORDS = frozenset(
    [
        "news",
        "newspaper",
        "newspapers",
        "times",
        "post",
        "journal",
        "herald",
        "tribune",
        "gazette",
        "daily",
        "telegraph",
        "press",
        "broadcasting",
        "broadcaster",
        "television",
        "tv",
        "radio",
        "magazine",
        "newswire",
        "wire",
        "observer",
        "chronicle",
    ]
)
COMPANY_WORDS = frozenset(
    [
        "inc",
        "inc.",
        "corp",
        "corp.",
        "corporation",
        "co",
        "co.",
        "company",
        "companies",
        "ltd",
        "ltd.",
        "limited",
        "llc",
        "plc",
        "group",
        "holdings",
        "holding",
        "ag",
        "sa",
        "gmbh",
        "nv",
        "bv",
        "spa",
        "oy",
        "ab",
        "pte",
        "bhd",
        "kk",
        "enterprises",
        "industries",
        "bank",
        "airlines",
        "airways",
        "motors",
        "systems",
        "technologies",
        "pharmaceuticals",
        "foods",
    ]
)
# Head words of names of organizations that are none of the kinds above.
ORGANIZATION_WORDS = frozenset(
    """party parties university college school academy foundation club network
    service movement front brigade fleet corps church""".split()
)
# Head words of place names ("Quist Street", "Marlow County") and words that open one ("Fort Quist").
PLACE_WORDS = frozenset(
    """street avenue road boulevard square river lake sea ocean bay gulf creek strait channel
    canal island islands mountain mountains peninsula coast county counties parish district
    province region city airport harbor canyon valley desert plateau""".split()
)
PLACE_PREFIXES = frozenset({"fort", "mount", "lake", "cape"})
# Last words of countries' names that are also kind words: "the Kestrian Union", "... Federation".
COUNTRY_HEADS = frozenset(
    {"union", "federation", "republic", "kingdom", "states", "emirates", "commonwealth"}
)

# Nouns that, in apposition to a name, say it is a person ("Quist, a designer, ...") or a place.
PERSON_NOUNS = frozenset(
    """man woman boy girl son daughter father mother wife husband brother sister widow professor
    teacher student lawyer attorney doctor physician nurse designer architect artist actor actress
    singer musician composer writer author poet novelist journalist reporter editor photographer
    farmer worker employee officer soldier agent detective diplomat ambassador politician senator
    governor mayor minister secretary deputy official leader member resident native veteran
    candidate coach player manager analyst economist scientist engineer priest bishop""".split()
)
PLACE_NOUNS = frozenset("town village city capital state country province suburb port resort".split())
# Prepositions whose object, when it is a name, is most often a place.
PLACE_PREPOSITIONS = frozenset({"in", "into", "near", "outside", "throughout", "across"})
DIRECTIONS = frozenset(
    "north south east west northeast northwest southeast southwest northern southern eastern western".split()
)

# Nouns that say what an organization is, and so take the place words of its seat and the
# nationality of its country: "US phone firm Norwind", "Russian oil giant Norwind".
DESCRIBER_NOUNS = frozenset(
    """firm company group giant bank manufacturer producer operator carrier airline insurer
    retailer conglomerate broker brokerage utility chain concern supplier distributor miner
    refiner developer lender exporter importer trader publisher newspaper broadcaster network
    agency union association federation council court ministry regulator watchdog party
    subsidiary unit affiliate rival maker""".split()
)

# Time zones of wire time stamps ("1700 GMT 7 Apr"): never the start of a name.
TIME_ZONES = frozenset({"gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet"})

# Legal forms that end a company's name.
LEGAL_SUFFIXES = frozenset({"inc", "corp", "co", "ltd", "llc", "plc", "ag", "sa", "gmbh", "nv", "bv"})

# Nouns that, in apposition or as a compound after a name, say the name is a business.
COMPANY_NOUNS = frozenset(
    [
        "company",
        "firm",
        "group",
        "maker",
        "manufacturer",
        "retailer",
        "platform",
        "giant",
        "conglomerate",
        "carrier",
        "insurer",
        "lender",
        "bank",
        "brand",
        "chain",
        "operator",
        "producer",
        "supplier",
        "startup",
        "start-up",
        "business",
        "subsidiary",
        "website",
        "store",
        "shares",
        "stock",
        "management",
        "board",
        "shareholders",
    ]
)
# Nouns whose use with a name says the name is a brand.
BRAND_NOUNS = frozenset({"brand", "brands", "label", "labels", "trademark"})
# Titles that precede personal names.
PERSON_TITLES = frozenset(
    [
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr",
        "dr.",
        "prof",
        "prof.",
        "sir",
        "dame",
        "lord",
        "lady",
        "president",
        "senator",
        "governor",
        "minister",
        "judge",
    ]
)
# Verbs of reporting whose subject (or whose "according to") is often a news outlet.
REPORTING_VERBS = frozenset({"report", "publish", "broadcast"})
# What a company reports: "Acme reported higher sales".
RESULTS_NOUNS = frozenset(
    "sale sales profit profits loss losses earnings revenue revenues result results income".split()
)

# Nationality adjectives -> the country they name; and other names of the same countries.
# A short list of the most frequent in English news; extend freely.
DEMONYMS = {
    "american": "United States",
    "soviet": "Soviet Union",
    "british": "United Kingdom",
    "english": "England",
    "scottish": "Scotland",
    "welsh": "Wales",
    "irish": "Ireland",
    "french": "France",
    "german": "Germany",
    "italian": "Italy",
    "spanish": "Spain",
    "portuguese": "Portugal",
    "dutch": "Netherlands",
    "belgian": "Belgium",
    "swiss": "Switzerland",
    "austrian": "Austria",
    "swedish": "Sweden",
    "norwegian": "Norway",
    "danish": "Denmark",
    "finnish": "Finland",
    "polish": "Poland",
    "czech": "Czech Republic",
    "hungarian": "Hungary",
    "greek": "Greece",
    "turkish": "Turkey",
    "russian": "Russia",
    "ukrainian": "Ukraine",
    "chinese": "China",
    "japanese": "Japan",
    "korean": "Korea",
    "indian": "India",
    "pakistani": "Pakistan",
    "indonesian": "Indonesia",
    "australian": "Australia",
    "canadian": "Canada",
    "mexican": "Mexico",
    "brazilian": "Brazil",
    "argentine": "Argentina",
    "chilean": "Chile",
    "colombian": "Colombia",
    "egyptian": "Egypt",
    "nigerian": "Nigeria",
    "kenyan": "Kenya",
    "israeli": "Israel",
    "iranian": "Iran",
    "iraqi": "Iraq",
    "saudi": "Saudi Arabia",
    "kuwaiti": "Kuwait",
    "syrian": "Syria",
    "lebanese": "Lebanon",
    "libyan": "Libya",
    "jordanian": "Jordan",
    "afghan": "Afghanistan",
    "algerian": "Algeria",
    "moroccan": "Morocco",
    "tunisian": "Tunisia",
    "ethiopian": "Ethiopia",
    "zambian": "Zambia",
    "zimbabwean": "Zimbabwe",
    "ghanaian": "Ghana",
    "thai": "Thailand",
    "malaysian": "Malaysia",
    "filipino": "Philippines",
    "philippine": "Philippines",
    "vietnamese": "Vietnam",
    "taiwanese": "Taiwan",
    "singaporean": "Singapore",
    "venezuelan": "Venezuela",
    "peruvian": "Peru",
    "cuban": "Cuba",
    "ecuadorean": "Ecuador",
    "ecuadorian": "Ecuador",
    "bolivian": "Bolivia",
    "uruguayan": "Uruguay",
    "bulgarian": "Bulgaria",
    "romanian": "Romania",
    "yugoslav": "Yugoslavia",
    "icelandic": "Iceland",
    "european": "Europe",
    "african": "Africa",
    "asian": "Asia",
}
COUNTRY_VARIANTS = {
    "us": "United States",
    "u.s.": "United States",
    "u.s": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "america": "United States",
    "united states": "United States",
    "united states of america": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "united kingdom": "United Kingdom",
    "prc": "China",
    "people's republic of china": "China",
    "uae": "United Arab Emirates",
}
# The countries above by their own names, lower case: "france" -> "France".
_CANONICAL_COUNTRIES = {name.casefold(): name for name in (*COUNTRY_VARIANTS.values(), *DEMONYMS.values())}


def country_of(text: str) -> str | None:
    """The canonical name of the country a name or nationality adjective names, if it is one of
    the countries above ("U.S." and "the United States" -> "United States", "British" -> "United
    Kingdom", "France" -> "France"); None otherwise."""
    low = text.casefold().removeprefix("the ")
    return COUNTRY_VARIANTS.get(low) or DEMONYMS.get(low) or _CANONICAL_COUNTRIES.get(low)


# Tokens that never start or end a name: determiners and possessive markers.
STRIP_LEADING = frozenset({"the", "a", "an", "this", "that", "these", "those"})
NAME_FUNCTION_WORDS = frozenset(
    {"of", "and", "&", "for", "the", "de", "du", "des", "la", "le", "on", "in", "und", "et", "y"}
)

# Nouns that, after "the", refer back to an entity named earlier: "the company", "the federation".
DEFINITE_NOUNS = {
    **dict.fromkeys(
        """company firm drugmaker maker manufacturer retailer carrier insurer lender bank developer
        operator producer supplier giant conglomerate startup platform automaker chipmaker airline
        shipper miner utility""".split(),
        ("Company",),
    ),
    **dict.fromkeys(
        "association federation council alliance chamber coalition lobby".split(), ("TradeAssociation",)
    ),
    **dict.fromkeys(
        "agency ministry office commission regulator department administration authority government".split(),
        ("GovernmentAgency",),
    ),
    **dict.fromkeys("newspaper broadcaster paper outlet".split(), ("NewsOrganization",)),
    "group": ("TradeAssociation", "Organization"),  # "the group" in news: an advocacy or trade group
    "organization": ("Company", "TradeAssociation", "GovernmentAgency", "NewsOrganization", "Organization"),
}
