"""Marks of wire copy that are not part of what a story says, blanked keeping every offset.

Patterns of agency copy (Reuters, 1980s to today):

- the signature line that closes a story: ``REUTER`` (or ``Reuter``, ``REUTERS``, with the old
  end-of-text mark ``&#3;``) alone on the last line;
- stock ticker codes after a company's name: in angle brackets, any code ("Norwind Corp
  <NWD.T>", "<F>", "<KSTR>"); in parentheses or square brackets, or bare right after the name,
  a code with an exchange suffix ("(NWD.T)", "[NWD.L]", "Norwind Holdings NWDH.HK");
- the angle brackets the agency puts around the name of an unlisted company ("<Norwind
  Shipping Co> said ..."): the brackets go, the name stays;
- the dated dateline that opens a story, "MARLOW, March 3 - " or "MARLOW, March 3 (Reuter) -":
  where the story was filed is not what it says (an undated "MARLOW, Kestria (AP) --" stays, for
  ``kg.extract.caps`` to read the source and its place).

Like everything in :mod:`kg.io.clean`, a character is only ever replaced by a space, with one
exception that keeps every offset too: old agency copy capitalises the word after a dotted
abbreviation ("the U.S. Would impose", "talks with the U.S. And Europe", "U.S. To reduce"), and
a function word so capitalised reads as a name to the parser; its first letter is lowered in the
text the parser reads (mentions and evidence keep the story's own text).

>>> mask_wire_copy("Norwind Corp <NWD.T> sued <Kestrel Ltd>.\\n REUTER")
'Norwind Corp         sued  Kestrel Ltd .\\n       '
"""

from __future__ import annotations

import re

__all__ = ["mask_wire_copy"]

_SIGNATURE = re.compile(r"\n[ \t]*(?:REUTERS?|Reuters?|reuters?)[ \t]*(?:&#3;)?[\s]*\Z")
# A ticker: capitals (digits and "&" allowed after the first), optionally an exchange suffix.
_CODE = r"[A-Z][A-Z0-9&]{0,6}(?:\.[A-Z]{1,2})?"
_SUFFIXED = r"[A-Z][A-Z0-9&]{1,6}\.[A-Z]{1,2}"
# Any code in angle brackets; a code with an exchange suffix in () or [] (a bare "(ABC)" is far
# more often an acronym being defined). The agency mixes brackets: "(NWD.MI>".
_BRACKETED = re.compile(rf"<\s?{_CODE}\s?>|[(\[<]\s?{_SUFFIXED}\s?[)\]>]")
# A bare suffixed code right after a word of a name: "Norwind Holdings NWDH.HK said" (not after
# a comma: "the Dock Workers, DW.OO, said" names a union by its initials).
_BARE = re.compile(rf"(?<![\w.]){_SUFFIXED}(?![\w.])")
_NAME_BEFORE = re.compile(r"[A-Z][\w.&'-]*[ \t]*\n?[ \t]*\Z")
# An unlisted company's name in angle brackets (it may wrap onto the next line).
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_CITY = r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*"  # in capitals
_REGION = r"(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*)?"  # ", Kestria"
_DATELINE = re.compile(rf"\A\s*{_CITY}{_REGION}, {_MONTHS} \d{{1,2}}(?: \([A-Za-z]+\))? ?(?:-|--|—)")
_NAMED = re.compile(r"<(\s?[A-Z][^<>\n]*(?:\n[^<>\n]*)?)>")
# A function word capitalised after a dotted abbreviation: words that almost never open a
# sentence (not "In", "But", "The", which do, nor "May", a month).
_WIRE_CAPS = re.compile(
    r"(?<![\w.])(?:[A-Z]\.){2,4}[ \t]*\n?[ \t]*(?<=\s)"
    r"(And|Or|To|Of|Would|Will|Could|Should|Can|Might|Must|Is|Are|Was|Were|Has|Have|Had|Than|Not|Does|Did)"
    r"(?=[ \t]+\w)"
)


def mask_wire_copy(text: str) -> str:
    """``text`` with the agency signature, ticker codes and brackets around names blanked."""
    out = list(text)

    def blank(start: int, end: int) -> None:
        for i in range(start, end):
            if out[i] != "\n":
                out[i] = " "

    dateline = _DATELINE.match(text)
    if dateline is not None:
        blank(dateline.start(), dateline.end())
    signature = _SIGNATURE.search(text)
    if signature is not None:
        blank(signature.start(), signature.end())
    for m in _BRACKETED.finditer(text):
        blank(m.start(), m.end())
    for m in _BARE.finditer(text):
        if _NAME_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            blank(m.start(), m.end())
    for m in _NAMED.finditer("".join(out)):
        blank(m.start(), m.start() + 1)
        blank(m.end() - 1, m.end())
    for m in _WIRE_CAPS.finditer(text):
        out[m.start(1)] = out[m.start(1)].lower()
    return "".join(out)
