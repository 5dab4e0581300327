"""Curated words with which news refers back to a named person or organization. Words of
English, never names. Read by ``coref.py``.
"""

from __future__ import annotations

ORGANIZATIONS = ("Company", "TradeAssociation", "GovernmentAgency", "NewsOrganization", "Organization")

# Nouns that after "the" refer back to an organization, beyond ``kinds.DEFINITE_NOUNS``:
# "the union", "the party", "the court", "the watchdog".
MORE_DEFINITE_NOUNS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(
        """brewer broker chain distributor exporter importer refiner telecoms publisher
        partnership""".split(),
        ("Company",),
    ),
    **dict.fromkeys("union federation".split(), ("TradeAssociation",)),
    **dict.fromkeys(
        """court tribunal watchdog regulator ministry committee embassy bureau cabinet""".split(),
        ("GovernmentAgency",),
    ),
    **dict.fromkeys("party club university institute foundation charity".split(), ("Organization",)),
    "exchange": ("Company", "GovernmentAgency"),
    "board": ("GovernmentAgency", "TradeAssociation", "Organization"),
    "network": ("NewsOrganization", "Company"),
    "broadcaster": ("NewsOrganization",),
    "magazine": ("NewsOrganization",),
}
# Nouns that refer back only to a body whose name they head ("the court" after "Marlow High
# Court", "the board" after "Quist Cocoa Board"): news uses them as often for one never named
# ("the government", a company's board).
HEAD_ONLY_NOUNS = frozenset(
    """government administration court tribunal board club committee exchange commission council
    bureau embassy cabinet office department""".split()
)
# Adjectives before such a noun that point to another organization than the one named last:
# "the parent company", "the rival firm", "another company".
OTHER_ORGANIZATION_WORDS = frozenset(
    """parent rival other another new former joint holding sister subsidiary acquiring
    target merged combined lower""".split()
)

# Verbs whose object takes "of": "accused the company of fraud" (not "the company of Quist").
OF_VERBS = frozenset("""accuse suspect convict clear acquit warn inform remind notify rid""".split())

# Nouns of office and role that after "the" stand for a person named with them: "the
# chancellor" after "Chancellor Ana Quist" or "Ana Quist, the chancellor".
ROLE_NOUNS = frozenset(
    """chancellor minister secretary president premier mayor governor senator chairman
    chairwoman chair chief executive director leader boss head founder ambassador commissioner
    judge spokesman spokeswoman tycoon businessman businesswoman billionaire owner
    economist analyst lawyer attorney""".split()
)
# Words that narrow a role: "prime minister", "foreign secretary", "chief executive".
ROLE_QUALIFIERS = frozenset(
    """prime deputy vice foreign home trade finance economy defence defense interior health
    education culture environment transport energy treasury justice chief executive general
    managing shadow""".split()
)
# Roles written in one word for another's two: "the premier" is the prime minister.
ROLE_SYNONYMS = {"premier": ("prime", "minister")}
# Qualifiers that make another office: the deputy minister is not the minister.
OTHER_OFFICE_QUALIFIERS = frozenset({"shadow", "deputy", "vice"})
# Heads of a body go by several nouns: "the boss" after "chief executive Ana Quist".
HEAD_ROLES = frozenset("""chief boss head leader""".split())
HEAD_ROLE_MATCHES = frozenset(
    """chief executive chairman chairwoman chair president boss head leader director""".split()
)
# Verbs that report speech: their subject is the speaker of a quotation, whom a pronoun in the
# quotation does not refer to ('Quist went on: "He is wrong"').
SPEECH_VERBS = frozenset(
    """say tell add argue claim insist warn state explain write reply continue go ask
    declare tell admit suggest""".split()
)
# Titles and pronouns that tell a person's gender, so that "she" does not refer to "Mr Quist".
GENDERED_TITLES = {
    **dict.fromkeys("mr sir lord king prince".split(), "he"),
    **dict.fromkeys("mrs ms miss dame lady queen princess".split(), "she"),
}
PRONOUN_GENDER = {**dict.fromkeys(("he", "him", "his"), "he"), **dict.fromkeys(("she", "her"), "she")}
