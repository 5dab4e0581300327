"""Text preparation on pathological lines: one very long run of letters is read as on a short one."""

from __future__ import annotations

import pytest

from kg.io.clean import heading_line, prepare_text


@pytest.mark.parametrize("length", [10, 60_000])
def test_a_long_word_before_a_sentence_break_is_no_headline(length: int) -> None:
    text = "a" * length + ". Then Quist spoke\n\nMore text follows here."
    assert heading_line(text) is None


@pytest.mark.parametrize("length", [10, 60_000])
def test_a_long_word_without_a_break_is_a_headline(length: int) -> None:
    text = "Quist " + "a" * length + "\n\nMore text follows here."
    assert heading_line(text) == "Quist " + "a" * length


def test_prepare_keeps_the_length_of_a_line_of_one_letter() -> None:
    text = "a" * 100_000
    assert prepare_text(text) == text
