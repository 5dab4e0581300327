"""Curated words whose use around a name says the name is a person or a place.

Words of English, never names. Read by ``evidence.py`` (votes) and ``mentions.py`` (names the
model missed).
"""

from __future__ import annotations

from kg.extract import kinds

# Verbs whose object (or passive subject) is a person, and whose subject mostly is one too:
# "Booth shot Lincoln", "Quist was murdered", "killed by Quist".
VIOLENCE_VERBS = frozenset(
    """kill murder assassinate shoot slay stab strangle wound behead execute kidnap abduct
    rape assault""".split()
)
# Verbs whose passive subject is a person: "Quist was arrested", "Quist was indicted".
PERSON_PASSIVE_VERBS = VIOLENCE_VERBS | frozenset(
    """arrest convict sentence indict charge acquit jail imprison hang elect appoint marry born
    bury nominate""".split()
)
# Nouns after a possessive name that say the name is a person: "Quist's widow", "Quist's killer".
PERSON_RELATION_NOUNS = frozenset(
    """wife husband son daughter father mother brother sister widow widower children parents
    family grandson granddaughter grandfather grandmother uncle aunt nephew niece cousin
    fiancee fiance girlfriend boyfriend killer assassin murderer assassination murder death
    funeral birthday grave bodyguard biographer""".split()
)
# Nouns naming a violent act whose "of" phrase is its victim: "the assassination of Quist".
VIOLENCE_NOUNS = frozenset(
    """assassination murder killing slaying kidnapping abduction execution shooting stabbing
    strangling torture beheading""".split()
)
# Last words of the name of a facility that is a place and does not act: "the Rocky Creek Plant",
# "Dovrel Stadium". Institutions that speak and act (a hospital, a prison, a theatre) stay
# organizations; CoNLL04's training split calls them Org about as often as Loc.
FACILITY_WORDS = frozenset("""plant depot seashore stadium arena cemetery""".split())
# Plain nouns (lemmas) a place name modifies: "the Marlow settlement", "Quist and Dover parishes".
PLACE_HEAD_NOUNS = kinds.PLACE_NOUNS | frozenset(
    "settlement parish district region county area island valley".split()
)
# What a country does as much as a company: a country's name as their subject is no company.
COUNTRY_VERBS = frozenset({"export", "import", "trade", "produce", "ship"})
# Nouns that take a place name as a modifier ("a Marlow native") or an "of" phrase ("a native
# of Marlow", "his hometown of Marlow").
PLACE_OF_NOUNS = frozenset({"native", "natives", "resident", "residents", "hometown", "home"})
# Titles before a personal name beyond ``kinds.PERSON_TITLES`` (abbreviations of office and rank).
MORE_PERSON_TITLES = frozenset(
    """miss rev rev. sen sen. rep rep. gov gov. gen gen. lt lt. col col. capt capt. sgt sgt. cpl
    cpl. adm adm. maj maj. officer sheik sheikh pope cardinal rabbi""".split()
)
