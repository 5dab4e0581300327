"""Words of an office around a name: they are part of a title, not of the name.

Patterns of English and news writing:

- a portfolio in title case before the title of its holder names no body: "Finance Minister
  Ana Quist", "Trade and Industry Secretary Ana Quist", "Veltrist Home Affairs spokesman Olav
  Brant" (the party stays: "Veltrist"), "Deputy Director General Ana Quist";
- a rank before an office or a body's name: "Deputy High Court Judge Ana Quist" names the High
  Court;
- letters after a name and titles alone are no names: "Ana Quist QC", "the MEP said", "led by
  Lord Quist" read as "Lord";
- an occupation before a person's name: "Treasurer Ana Quist".
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract import kinds
from kg.extract.doctable import table

# Titles whose holder's portfolio comes before them.
OFFICE_TITLES = frozenset(
    """minister ministers secretary secretaries spokesman spokeswoman spokesperson commissioner
    director undersecretary chancellor""".split()
)
# Portfolios: what a minister, a secretary or a spokesman is for.
PORTFOLIO_WORDS = frozenset(
    """finance agriculture trade industry commerce treasury health defence defense foreign home
    interior justice education energy environment transport culture economy economic affairs
    culture media sport employment social security fisheries food rural development
    international constitutional prime""".split()
)
# Ranks before an office or a body: "Deputy High Court Judge".
RANK_WORDS = frozenset({"deputy", "vice", "assistant", "acting", "shadow", "former", "junior", "senior"})
# Letters after a person's name, and titles that alone name nobody.
POST_NOMINALS = frozenset({"QC", "KC", "MP", "MEP", "OBE", "MBE", "CBE", "MPs", "MEPs"})
# Occupations that may open a person's name in the model's reading.
OCCUPATIONS = frozenset({"treasurer", "auditor", "comptroller", "attorney", "counsel"})


def office_cut(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The span without the words of an office at its edges; None when nothing is left."""
    tokens = table(doc).tokens  # made once per Doc: ``doc[i]`` makes a new Token each time
    if end < len(tokens) and tokens[end].lower_ in OFFICE_TITLES:
        # "Lib Dem Home Affairs [spokesman]", "Finance [Minister]": drop the portfolio
        while end > start and (tokens[end - 1].lower_ in PORTFOLIO_WORDS | RANK_WORDS | {"and", "&"}):
            end -= 1
        while end > start and not tokens[end - 1].text[:1].isupper():
            end -= 1  # "Nakasone told [Trade and Industry]" -> "Nakasone"
        if end - start == 1 and tokens[start].lower_ in kinds.DEMONYMS:
            return None  # "Kestrian [Finance] Minister": the country's ministry, no body's name
    while end - start > 1 and tokens[start].lower_ in RANK_WORDS:
        start += 1  # "Deputy High Court"
    while end - start > 1 and tokens[start].lower_ in OCCUPATIONS:
        start += 1  # "Treasurer Ana Quist"
    while end - start > 1 and tokens[end - 1].text in POST_NOMINALS:
        end -= 1  # "Ana Quist QC"
    if start >= end:
        return None
    if end - start == 1 and (
        tokens[start].text in POST_NOMINALS
        or tokens[start].lower_ in kinds.PERSON_TITLES
        or tokens[start].lower_ in RANK_WORDS
    ):
        return None  # "the MEP said", "Lord" alone, "Deputy" alone
    return start, end
