"""The per-Doc table the rules read instead of spaCy's objects says what spaCy says."""

from __future__ import annotations

from kg.extract.doctable import release, table

TEXT = (
    "Norwind Holdings sued Kestrel Mills on Tuesday.\n"
    "Ana Quist, the chief executive of Norwind, said the suit was filed in Marlow. "
    "Kestrel declined to comment."
)


def test_table_reads_as_spacy_does(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    tab = table(doc)
    assert [t.i for t in tab.tokens] == list(range(len(doc)))
    assert tab.lower == [t.lower_ for t in doc]
    assert tab.lemma == [t.lemma_.lower() for t in doc]
    assert tab.pos == [t.pos_ for t in doc]
    assert tab.tag == [t.tag_ for t in doc]
    assert tab.dep == [t.dep_ for t in doc]
    assert tab.head == [t.head.i for t in doc]
    assert tab.kids == [[c.i for c in t.children] for t in doc]
    assert tab.text == doc.text
    assert [(s.start, s.end) for s in tab.sents] == [(s.start, s.end) for s in doc.sents]
    for t in doc:
        assert (tab.sent_start[t.i], tab.sent_end[t.i]) == (t.sent.start, t.sent.end)
        assert tab.sent(t.i) == t.sent
        assert [x.i for x in tab.sentence_tokens(t.i)] == [x.i for x in t.sent]
    assert tab.span_text(0, 2) == doc[0:2].text == "Norwind Holdings"


def test_span_texts_are_spacys_across_blanks_and_line_breaks(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Norwind  Holdings sued\n\nKestrel Mills ( KML ) on\tTuesday .  ")
    tab = table(doc)
    assert tab.text == doc.text
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            assert tab.span_text(start, end) == doc[start:end].text


def test_table_is_built_once_and_released(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    assert table(doc) is table(doc)
    release(doc)
    assert "kg.doctable" not in doc.user_data


def test_extraction_leaves_no_table_behind(nlp, extract_text) -> None:  # type: ignore[no-untyped-def]
    from kg.extract.extractor import extract_doc
    from kg.io.clean import prepare_document
    from kg.records import Document

    document = Document("t.txt", TEXT, source="t.txt")
    doc = nlp(prepare_document(document))
    first = extract_doc(doc, document)
    assert "kg.doctable" not in doc.user_data
    assert extract_doc(doc, document) == first == extract_text(TEXT)


LISTS = (
    "Norwind, Kestrel Mills, Brannock and Velden Freight sued Marlow, Dover and Castelmoor, "
    "and Ana Quist, Ben Orr or Osric Pell answered for the Rye Union and its members."
)


def test_lists_read_as_spacy_gives_conjuncts(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(LISTS)
    tab = table(doc)
    for t in doc:
        items = tab.conjuncts(t.i)
        assert [x for x in items if x != t.i] == [c.i for c in t.conjuncts]
        first = t
        while first.dep_ == "conj":
            first = first.head
        assert tab.list_start[t.i] == first.i
