"""Names written in capitals: datelines and wire-service sources.

The small English model reads words in capitals badly (a town in capitals as an organization, or
as nothing at all). Two patterns of news copy say what they are instead:

- a dateline: a run of capitals opening a sentence and followed by a comma, a parenthesis or a
  dash names the place a story was filed from ("VELDORA, Kestria (AP)", "PORT ALBANEY (AP) --");
- elsewhere, a run of capitals with a word of four or more letters, in a sentence that is not
  all capitals, names a source: a news agency or a newspaper ("Brannock ZELTAVIA in English",
  "ZORVEK PALANTY has learned that ...", "March 5 (VELT-ORAN)"). A title-case name opening the
  line right before such a source is the place it was filed from ("Solvenna MIRRAKI SHIMPO"); a
  monitoring code starts such a line even after a headline ("... Ends NC1901223094 Solvenna ..."),
  and a newspaper's article in capitals is part of its name ("THE DAILY VELT", "O DIARIO").

A monitoring service's source line, "Place Source in Language 1700 GMT ...", names the place and
the source in title case too ("Brannock Radio Veltra in Spanish 1700 GMT 7 Apr 94", or with the
date: "... in Greek 20 May 94"); the model
reads them as one organization. The same line often stands alone, cut before the language
("Brannock Radio Veltra Network", "Solvenna VNA"): a line of nothing but a place the model knows
and a broadcaster's name (its last word "Network", "Radio", "Television", "Service", ...) or an
acronym in capitals. The outlet is based where it files from (``sources_and_places``, read by
the ``basedIn`` rule of ``relations/places.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.extract import kinds
from kg.extract.doctable import table

# Lowercase words inside a place's name: "Rio de Janeiro", "Mar del Plata".
PLACE_PARTICLES = frozenset({"de", "del", "da", "do", "dos", "das", "la", "el"})
# One-letter articles that open newspaper names in capitals (Portuguese "O", Greek "I").
ONE_LETTER_ARTICLES = frozenset({"O", "I"})
DATELINE_ENDS = frozenset({",", "(", "_", "-", "--", "—", "–"})
# Votes of each kind of capitals name (see ``evidence.votes_for``).
DATELINE_VOTES = {"Place": 3.0}
SOURCE_VOTES = {"some:Organization": 2.0}  # evidence.SOME_ORGANIZATION: a source of some kind
NEWS_SOURCE_VOTES = {"NewsOrganization": 3.0}


@dataclass(frozen=True)
class CapsName:
    start: int  # token offsets, end exclusive
    end: int
    votes: dict[str, float]
    filed_from: tuple[int, int] | None = None  # a source's place, opening its source line


def sources_and_places(doc: Doc) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(source, place) token spans of each source line: the outlet is based where it files from."""
    return [((n.start, n.end), n.filed_from) for n in caps_names(doc) if n.filed_from is not None]


def _caps(tok: Token) -> bool:
    if not tok.is_upper:
        return False
    letters = [c for c in tok.text if c.isalpha()]
    return len(letters) >= 2 and not any(c.isdigit() for c in tok.text)


def _code(tok: Token) -> bool:
    """A monitoring code: letters and six or more digits ("NC1901223094")."""
    return _code_text(tok.text)


def _code_text(text: str) -> bool:
    # Six digits and a letter make seven characters at least: most words stop at the length.
    return len(text) >= 7 and sum(c.isdigit() for c in text) >= 6 and any(c.isalpha() for c in text)


def _latest_codes(doc: Doc) -> list[int]:
    """For each token, the latest monitoring code at or before it (-1: none); found once per Doc,
    not by a walk back from each name in capitals (quadratic on one long line)."""
    found: list[int] | None = doc.user_data.get(_CODES_KEY)
    if found is None:
        found, latest = [], -1
        for i, text in enumerate(table(doc).texts):
            latest = i if _code_text(text) else latest
            found.append(latest)
        doc.user_data[_CODES_KEY] = found
    return found


def _line_start(doc: Doc, i: int) -> int:
    """The first word of the sentence of token i, past codes, digits and opening punctuation; a
    monitoring code before token i starts a new line ("Planes Took Off NC1901223094 Brannock ...")."""
    j = table(doc).sent_start[i]
    code = _latest_codes(doc)[i - 1] if i > j else -1
    if code >= j:
        j = code + 1
    while j < i and (doc[j].is_punct or doc[j].is_space or any(c.isdigit() for c in doc[j].text)):
        j += 1
    return j


def _connector(doc: Doc, j: int) -> bool:
    """Token j joins the capitals before it to those after it: a hyphen inside one name
    ("ITAR-TASS", "AL-AHALI") or a one-letter word between two words ("NAUKA I ZHIZN")."""
    if j + 1 >= len(doc) or not _caps(doc[j + 1]):
        return False
    tok, before = doc[j], doc[j - 1]
    if tok.text == "-":
        return not before.whitespace_ and not tok.whitespace_
    return tok.is_upper and tok.is_alpha and len(tok) == 1 and bool(before.whitespace_ and tok.whitespace_)


def _run_end(doc: Doc, i: int) -> int:
    j = i + 1
    end = table(doc).sent_end[i]
    while j < len(doc) and j < end:
        if _caps(doc[j]) and doc[j - 1].whitespace_:
            j += 1
        elif _connector(doc, j):
            j += 2
        else:
            break
    return j


def _all_caps_sentence(doc: Doc, i: int) -> bool:
    words = [t for t in table(doc).sentence_tokens(i) if t.is_alpha]
    return len(words) >= 3 and all(t.is_upper for t in words)


_CACHE_KEY = "kg.caps_names"
_CODES_KEY = "kg.caps_codes"


def caps_names(doc: Doc) -> list[CapsName]:
    """The names in capitals of ``doc`` and its source lines; read once per Doc (the mention
    finder and the ``basedIn`` rule for source lines both ask)."""
    cached = doc.user_data.get(_CACHE_KEY)
    if cached is None:
        cached = doc.user_data[_CACHE_KEY] = _caps_names(doc)
    return list(cached)


def _caps_names(doc: Doc) -> list[CapsName]:
    out: list[CapsName] = []
    tokens = table(doc).tokens
    i = 0
    while i < len(doc):
        if not _caps(tokens[i]) or (i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_):
            i += 1
            continue
        j = _run_end(doc, i)
        opens = _line_start(doc, i) == i
        nxt = doc[j].text if j < len(doc) else ""
        longest = max(sum(c.isalpha() for c in t.text) for t in doc[i:j])
        if _function_word(doc[i]) or _function_word(doc[j - 1]):
            pass  # a phrase in capitals, not a name: "FOR OFFICIAL USE ONLY"
        elif opens and nxt in DATELINE_ENDS:
            out.append(CapsName(i, j, DATELINE_VOTES))
        elif longest >= 4 and not _all_caps_sentence(doc, i) and not _acronym_of_name(doc, i, j):
            out.extend(_source(doc, i, j))
        i = j
    return out + _source_lines(doc) + _standalone_source_lines(doc)


def _function_word(tok: Token) -> bool:
    return tok.is_stop and tok.lower_ not in kinds.STRIP_LEADING and tok.lower_ not in kinds.COUNTRY_VARIANTS


MONTH_ABBREVIATIONS = frozenset("jan feb mar apr may jun jul aug sep sept oct nov dec".split())


def _language_then_time(doc: Doc, k: int) -> bool:
    """ "Spanish 1700 GMT", "Serbo-Croatian 2000", "Greek 20 May 94": a language, then the time
    (four digits, or a number and a time zone) or the date of the broadcast or issue."""
    if k >= len(doc) or not doc[k].is_title:
        return False
    while k + 2 < len(doc) and doc[k + 1].text == "-" and doc[k + 2].is_title:
        k += 2
    if k + 1 >= len(doc) or not doc[k + 1].like_num:
        return False
    after = doc[k + 2].lower_.rstrip(".") if k + 2 < len(doc) else ""
    hhmm = doc[k + 1].is_digit and len(doc[k + 1]) == 4
    return hhmm or after in kinds.TIME_ZONES or after in MONTH_ABBREVIATIONS


def _source_lines(doc: Doc) -> list[CapsName]:
    out: list[CapsName] = []
    tab = table(doc)
    for i, lower in enumerate(tab.lower):
        if lower != "in" or not _language_then_time(doc, i + 1):
            continue
        first = i  # back to the line's start or its monitoring code ("NC1901223094")
        while first > tab.sent_start[i] and not _code(doc[first - 1]):
            first -= 1
        while first < i and (doc[first].is_punct or _code(doc[first]) or doc[first].like_num):
            first += 1
        if i - first < 2 or not all(t.is_title or t.is_upper or not t.is_alpha for t in doc[first:i]):
            continue
        split = next((e.end for e in doc.ents if e.start == first and e.label_ in {"GPE", "LOC"}), first + 1)
        if split == first + 1 and doc[split].lower_ in kinds.PLACE_WORDS:
            split += 1  # "Marlow City"
        if split < i:
            out += [
                CapsName(first, split, DATELINE_VOTES),
                CapsName(split, i, NEWS_SOURCE_VOTES, filed_from=(first, split)),
            ]
    return out


# Last words of a broadcaster's or agency's name in a source line.
BROADCASTER_ENDS = frozenset({"network", "radio", "television", "tv", "service", "international", "channel"})


def _lines(doc: Doc, most_words: int | None = None) -> list[Span]:
    """Each non-empty line of the text as a span of whole tokens; with ``most_words``, only the
    lines of at most that many words apart from spaces."""
    out, pos = [], 0
    for line in table(doc).text.split("\n"):
        # A token holds no line break and no run of text between blanks more than one token
        # does: a line of more blank-separated runs has more words, and is not read.
        if most_words is None or len(line.split()) <= most_words:
            span = doc.char_span(pos, pos + len(line), alignment_mode="contract")
            if span is not None and len(span) and line.strip():
                out.append(span)
        pos += len(line) + 1
    return out


def _standalone_source_lines(doc: Doc) -> list[CapsName]:
    """ "Brannock Radio Veltra Network", "Solvenna VNA": a line that is a place and a source."""
    out: list[CapsName] = []
    for line in _lines(doc, most_words=8):
        toks = [t for t in line if not t.is_space]
        if not 2 <= len(toks) <= 8:
            continue
        if any((t.is_alpha and not (t.is_title or t.is_upper)) or t.pos_ in {"VERB", "AUX"} for t in toks):
            continue  # a line with a lowercase word or a verb is a sentence, not a source line
        first, end = toks[0].i, toks[-1].i + 1
        skip = 1 if toks[0].lower_ == "the" else 0  # "The Hague"
        opening = (first, first + skip)
        place = next(
            (e for e in doc.ents if e.start in opening and e.label_ in {"GPE", "LOC"} and e.end < end), None
        )
        if place is not None:
            split = place.end
        elif doc[first + skip].pos_ == "PROPN" and doc[first + skip].lower_ not in kinds.NEWS_WORDS:
            split = first + skip + 1  # the model read the line as one name: a one-word place opens it
        else:
            continue
        rest = doc[split:end]
        if not len(rest):
            continue
        broadcaster = rest[-1].lower_ in BROADCASTER_ENDS or rest[0].lower_ == "radio"
        acronym = (len(rest) == 1 and _caps(rest[0])) or (len(rest) == 3 and rest[1].text == "-")
        if (broadcaster and (place is not None or len(rest) >= 2)) or acronym:
            out += [
                CapsName(first, split, DATELINE_VOTES),
                CapsName(split, end, NEWS_SOURCE_VOTES, filed_from=(first, split)),
            ]
    return out


def _acronym_of_name(doc: Doc, start: int, end: int) -> bool:
    """ "Coastal Fisheries Alliance (CFAL)": an acronym of the name before it (``mentions.py``)."""
    return start >= 2 and doc[start - 1].text == "(" and doc[start - 2].is_alpha


def _place_words(words: Span) -> bool:
    """Words in title case that can be a place's name ("Solvenna", "Rio de Veltra")."""
    return all(
        (t.is_title and t.is_alpha and not t.is_stop)
        or (t.lower_ in PLACE_PARTICLES and 0 < k < len(words) - 1)
        for k, t in enumerate(words)
    )


def _source(doc: Doc, start: int, end: int) -> list[CapsName]:
    """A source in capitals, and the place opening the line before it, if any."""
    first = _line_start(doc, start)
    article = start > first + 1 and doc[start - 1].text in ONE_LETTER_ARTICLES and doc[start - 1].whitespace_
    if article and _place_words(doc[first : start - 1]):
        start -= 1  # "Brannock O DIARIO": a newspaper's article in capitals is part of its name
    place = first < start and _place_words(doc[first:start])
    in_language = end + 1 < len(doc) and doc[end].lower_ == "in" and doc[end + 1].ent_type_ == "LANGUAGE"
    bracketed = start > 0 and doc[start - 1].text == "(" and end < len(doc) and doc[end].text == ")"
    news = place or in_language or bracketed
    filed_from = (first, start) if place else None
    out = [CapsName(start, end, NEWS_SOURCE_VOTES if news else SOURCE_VOTES, filed_from)]
    if place:
        out.append(CapsName(first, start, DATELINE_VOTES))
    return out
